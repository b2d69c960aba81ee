using System;
using System.Linq;
using NetGen;

namespace NetGen.Tests.Data;

public class ScalerTests
{
    // Three features: a wide one, a shifted one, a constant one.
    private static readonly Dataset Train = new(
        [0f, 10f, 5f, 100f, 12f, 5f, 50f, 14f, 5f, 250f, 16f, 5f], [0f, 1f, 0f, 1f], featureCount: 3, targetCount: 1,
        featureNames: ["pixels", "temperature", "constant"], classNames: ["no", "yes"]);

    [Fact]
    public void Standardizer_FitsMeanAndPopulationStandardDeviation()
    {
        var scaler = Standardizer.Fit(Train);

        double[] pixels = [0, 100, 50, 250];
        double mean = pixels.Average(), sd = Math.Sqrt(pixels.Sum(p => (p - mean) * (p - mean)) / 4);
        Assert.Equal([mean, 13, 5], scaler.Means);
        Assert.Equal(sd, scaler.StandardDeviations[0], 1e-12);
        Assert.Equal(Math.Sqrt(5), scaler.StandardDeviations[1], 1e-12);
        Assert.Equal(0, scaler.StandardDeviations[2]);

        var scaled = scaler.Transform(Train);
        for (int c = 0; c < 2; c++)
        {
            var column = Enumerable.Range(0, 4).Select(r => (double)scaled.FeaturesOf(r)[c]).ToArray();
            Assert.Equal(0, column.Average(), 1e-6);
            Assert.Equal(1, Math.Sqrt(column.Sum(v => v * v) / 4), 1e-6);
        }

        Assert.All(Enumerable.Range(0, 4), r => Assert.Equal(0f, scaled.FeaturesOf(r)[2]));   // a constant column becomes 0
        Assert.Equal(Train.Targets.ToArray(), scaled.Targets.ToArray());
        Assert.Equal(Train.FeatureNames, scaled.FeatureNames);
        Assert.Equal(Train.ClassNames, scaled.ClassNames);
    }

    [Fact]
    public void Standardizer_AppliesTheTrainingNumbersToOtherRows()
    {
        var scaler = Standardizer.Fit(Train);
        Span<float> row = [125f, 18f, 7f];
        scaler.Transform(row, row);   // in place, one row at inference
        Assert.Equal((float)((125 - scaler.Means[0]) / scaler.StandardDeviations[0]), row[0], 1e-6f);
        Assert.Equal((float)((18 - 13) / Math.Sqrt(5)), row[1], 1e-6f);
        Assert.Equal(2f, row[2]);   // constant during fitting: shifted, divided by 1
    }

    [Fact]
    public void MinMaxScaler_MapsTheFittedRangeToZeroOne()
    {
        var scaler = MinMaxScaler.Fit(Train);
        Assert.Equal([0, 10, 5], scaler.Minimums);
        Assert.Equal([250, 16, 5], scaler.Maximums);

        var scaled = scaler.Transform(Train);
        Assert.Equal([0f, 0f, 0f, 0.4f, 1f / 3, 0f, 0.2f, 2f / 3, 0f, 1f, 1f, 0f], scaled.Features.ToArray());
        float[] outside = [500f, 7f, 5f];
        scaler.Transform(outside, outside);
        Assert.Equal([2f, -0.5f, 0f], outside);
    }

    [Fact]
    public void AScalerRefusesRowsOfOtherColumns()
    {
        var scaler = Standardizer.Fit(Train);
        var ex = Assert.Throws<ArgumentException>(() => scaler.Transform(new Dataset([1f, 2f], [0f], 2, 1)));
        Assert.StartsWith("The dataset has 2 features per row but this Standardizer was fitted on 3", ex.Message);
        var span = Assert.Throws<ArgumentException>(() => scaler.Transform(new float[4], new float[4]));
        Assert.StartsWith("features has 4 values and destination 4; both must hold the same whole number of rows of 3 features.", span.Message);
    }
}
