using System;
using System.Linq;
using NetGen;

namespace NetGen.Tests.Training;

public class DatasetTests
{
    /// <summary>Row i has features (i, −i) and target 10·i, so rows can be told apart after shuffling.</summary>
    private static Dataset Numbered(int rows) => new(
        Enumerable.Range(0, rows).SelectMany(i => new float[] { i, -i }).ToArray(),
        Enumerable.Range(0, rows).Select(i => 10f * i).ToArray(),
        featureCount: 2, targetCount: 1);

    private static int[] RowIds(Dataset data) => Enumerable.Range(0, data.Count).Select(r => (int)data.FeaturesOf(r)[0]).ToArray();

    [Fact]
    public void Constructor_ExposesRowsAndCopiesItsInput()
    {
        var features = new float[] { 1, 2, 3, 4, 5, 6 };
        var data = new Dataset(features, [7, 8], featureCount: 3, targetCount: 1);
        features[0] = 100;

        Assert.Equal(2, data.Count);
        Assert.Equal(3, data.FeatureCount);
        Assert.Equal(1, data.TargetCount);
        Assert.Equal(new float[] { 4, 5, 6 }, data.FeaturesOf(1).ToArray());
        Assert.Equal(new float[] { 8 }, data.TargetsOf(1).ToArray());
        Assert.Equal(1f, data.Features[0]);
        Assert.Contains("Row 2 does not exist; the dataset has 2 rows", Assert.Throws<ArgumentOutOfRangeException>(() => data.FeaturesOf(2)).Message);
    }

    [Fact]
    public void FromRows_FlattensRows()
    {
        var data = Dataset.FromRows([[1f, 2f], [3f, 4f]], [[0f, 1f, 2f], [3f, 4f, 5f]]);
        Assert.Equal(new float[] { 1, 2, 3, 4 }, data.Features.ToArray());
        Assert.Equal(new float[] { 3, 4, 5 }, data.TargetsOf(1).ToArray());
    }

    [Fact]
    public void Split_IsDeterministicDisjointAndComplete()
    {
        var data = Numbered(10);
        var (train, test) = data.Split(0.3, seed: 42);
        var (train2, test2) = data.Split(0.3, seed: 42);
        var (train3, _) = data.Split(0.3, seed: 43);

        Assert.Equal(7, train.Count);
        Assert.Equal(3, test.Count);
        Assert.Equal(RowIds(train), RowIds(train2));
        Assert.Equal(RowIds(test), RowIds(test2));
        Assert.NotEqual(RowIds(train), RowIds(train3));
        Assert.Empty(RowIds(train).Intersect(RowIds(test)));
        Assert.Equal(Enumerable.Range(0, 10), RowIds(train).Concat(RowIds(test)).Order());
        for (int r = 0; r < test.Count; r++)
        {
            Assert.Equal(10 * test.FeaturesOf(r)[0], test.TargetsOf(r)[0]);   // rows keep their targets
            Assert.Equal(-test.FeaturesOf(r)[0], test.FeaturesOf(r)[1]);
        }
    }

    [Fact]
    public void Shuffle_PermutesRowsDeterministically()
    {
        var data = Numbered(50);
        var ids = RowIds(data.Shuffle(7));
        Assert.Equal(ids, RowIds(data.Shuffle(7)));
        Assert.NotEqual(RowIds(data), ids);
        Assert.Equal(Enumerable.Range(0, 50), ids.Order());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    [InlineData(0.01)]   // rounds to 0 test rows
    [InlineData(0.99)]   // rounds to 0 training rows
    public void Split_WithAnEmptyPart_Throws(double fraction)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Numbered(10).Split(fraction, 0));
        Assert.Matches("testFraction must be in \\(0, 1\\)|set empty", ex.Message);
    }

    [Fact]
    public void InvalidShapes_AreReportedClearly()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new Dataset([], [], 2, 1)).Message);
        Assert.Contains("features has length 5, which is not a multiple of featureCount 2",
            Assert.Throws<ArgumentException>(() => new Dataset(new float[5], new float[2], 2, 1)).Message);
        Assert.Contains("features has 2 rows (length 4 / 2) but targets has 3 rows",
            Assert.Throws<ArgumentException>(() => new Dataset(new float[4], new float[3], 2, 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset(new float[4], new float[4], 0, 1));
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => Dataset.FromRows([], [])).Message);
        Assert.Contains("features has 2 rows but targets has 1",
            Assert.Throws<ArgumentException>(() => Dataset.FromRows([[1f], [2f]], [[1f]])).Message);
    }

    [Fact]
    public void FromRows_RaggedRow_NamesTheRowAndLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Dataset.FromRows([[1f, 2f], [3f, 4f], [5f]], [[0f], [1f], [2f]]));
        Assert.Contains("features row 2 has length 1 but row 0 has length 2", ex.Message);
        var targets = Assert.Throws<ArgumentException>(() => Dataset.FromRows([[1f], [2f]], [[0f], [1f, 2f]]));
        Assert.Contains("targets row 1 has length 2 but row 0 has length 1", targets.Message);
    }

    [Fact]
    public void NonFiniteValues_NameRowAndColumn()
    {
        var features = new float[] { 1, 2, 3, 4, 5, float.NaN };
        var ex = Assert.Throws<ArgumentException>(() => new Dataset(features, [0, 1], featureCount: 3, targetCount: 1));
        Assert.Contains("The feature in row 1, column 2 is NaN", ex.Message);
        var inf = Assert.Throws<ArgumentException>(() => Dataset.FromRows([[1f], [2f]], [[0f, 1f], [float.PositiveInfinity, 0f]]));
        Assert.Contains("The target in row 1, column 0 is Infinity", inf.Message);
    }

    [Fact]
    public void OneHot_EncodesLabels()
    {
        Assert.Equal(new float[] { 0, 1, 0, 1, 0, 0, 0, 0, 1 }, Dataset.OneHot([1, 0, 2], 3));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Dataset.OneHot([1, 3], 3));
        Assert.Contains("Label 3 at index 1 is outside [0, 3)", ex.Message);
    }
}
