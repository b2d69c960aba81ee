using System;
using System.Linq;
using NetGen;

namespace NetGen.Tests.Data;

public class StratifiedSplitTests
{
    /// <summary>Row i has feature i; 60 rows of class 0, 30 of class 1, 10 of class 2, grouped by class.</summary>
    private static Dataset Imbalanced()
    {
        int[] labels = [.. Enumerable.Repeat(0, 60), .. Enumerable.Repeat(1, 30), .. Enumerable.Repeat(2, 10)];
        return new Dataset(Enumerable.Range(0, 100).Select(i => (float)i).ToArray(), Dataset.OneHot(labels, 3), 1, 3, classNames: ["a", "b", "c"]);
    }

    private static int[] ClassCounts(Dataset data) =>
        Enumerable.Range(0, data.ClassCount).Select(c => Enumerable.Range(0, data.Count).Count(r => data.ClassOf(r) == c)).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EachClassIsSplitInTheSameProportion(int seed)
    {
        var (train, test) = Imbalanced().Split(testFraction: 0.2, seed, stratify: true);

        Assert.Equal([12, 6, 2], ClassCounts(test));
        Assert.Equal([48, 24, 8], ClassCounts(train));
        var ids = train.Features.ToArray().Concat(test.Features.ToArray()).Select(f => (int)f).Order();
        Assert.Equal(Enumerable.Range(0, 100), ids);   // every row once
        Assert.Equal(["a", "b", "c"], test.ClassNames!);
        Assert.NotEqual(test.Features.ToArray().Order(), test.Features.ToArray());   // shuffled, not grouped by class
    }

    [Fact]
    public void RoundingGivesTheLeftOverRowsToTheLargestRemainders()
    {
        // 0.25 of 100 = 25 test rows: 15, 7.5 and 2.5 → 15 + 8 + 2 or 15 + 7 + 3, never 24 or 26.
        var (_, test) = Imbalanced().Split(0.25, seed: 4, stratify: true);
        var counts = ClassCounts(test);
        Assert.Equal(25, counts.Sum());
        Assert.Equal(15, counts[0]);
        Assert.InRange(counts[1], 7, 8);
        Assert.InRange(counts[2], 2, 3);
    }

    [Fact]
    public void IsDeterministicForASeed()
    {
        var (_, a) = Imbalanced().Split(0.3, seed: 9, stratify: true);
        var (_, b) = Imbalanced().Split(0.3, seed: 9, stratify: true);
        var (_, c) = Imbalanced().Split(0.3, seed: 10, stratify: true);
        Assert.Equal(a.Features.ToArray(), b.Features.ToArray());
        Assert.NotEqual(a.Features.ToArray(), c.Features.ToArray());
    }

    [Fact]
    public void BinaryTargetsInOneColumnAreClasses()
    {
        var data = new Dataset(Enumerable.Range(0, 40).Select(i => (float)i).ToArray(), Enumerable.Range(0, 40).Select(i => i < 10 ? 1f : 0f).ToArray(), 1, 1);
        var (_, test) = data.Split(0.5, seed: 1, stratify: true);
        Assert.Equal([15, 5], ClassCounts(test));
    }

    [Fact]
    public void RegressionTargets_CannotBeStratified()
    {
        var data = new Dataset([1f, 2f, 3f], [0.5f, 1f, 0f], 1, 1);
        var ex = Assert.Throws<ArgumentException>(() => data.Split(0.4, seed: 1, stratify: true));
        Assert.StartsWith("Split(stratify: true) needs a class label in every row, but row 0's targets (0.5) are not one", ex.Message);
        Assert.Equal("stratify", ex.ParamName);
    }

    [Fact]
    public void WithoutStratify_TheLastShuffledRowsAreTheTestSet()
    {
        // As documented (and as before stratify existed): shuffle with the seed, the last round(f·n) rows are the test set.
        var order = new int[100];
        new SplitMix64(42, stream: -1).Permutation(order);
        var (train, test) = Imbalanced().Split(0.2, seed: 42);
        Assert.Equal(order.Skip(80).Select(i => (float)i), test.Features.ToArray());
        Assert.Equal(order.Take(80).Select(i => (float)i), train.Features.ToArray());
    }
}
