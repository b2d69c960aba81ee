using System;
using System.Collections.Generic;

namespace NetGen;

/// <summary>
/// Scales each feature to [0, 1] over the rows it was fitted on, as scikit-learn's <c>MinMaxScaler</c> does:
/// x′ = (x − min) / (max − min); a constant column becomes 0. Rows transformed later may fall outside [0, 1].
/// </summary>
public sealed class MinMaxScaler : FeatureScaler
{
    private MinMaxScaler(double[] minimums, double[] maximums, double[] ranges)
        : base(minimums, ranges)
    {
        Minimums = Array.AsReadOnly(minimums);
        Maximums = Array.AsReadOnly(maximums);
    }

    /// <summary>The smallest value of each feature over the fitted rows.</summary>
    public IReadOnlyList<double> Minimums { get; }

    /// <summary>The largest value of each feature over the fitted rows.</summary>
    public IReadOnlyList<double> Maximums { get; }

    /// <summary>Measures the smallest and largest value of every feature of <paramref name="train"/>.</summary>
    public static MinMaxScaler Fit(Dataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        int columns = train.FeatureCount;
        var minimums = new double[columns];
        var maximums = new double[columns];
        Array.Fill(minimums, double.PositiveInfinity);
        Array.Fill(maximums, double.NegativeInfinity);
        var features = train.Features;
        for (int i = 0; i < features.Length; i++)
        {
            int c = i % columns;
            minimums[c] = Math.Min(minimums[c], features[i]);
            maximums[c] = Math.Max(maximums[c], features[i]);
        }

        var ranges = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            ranges[c] = maximums[c] - minimums[c];
        }

        return new MinMaxScaler(minimums, maximums, ranges);
    }

    /// <summary>The fitted ranges, for logs.</summary>
    public override string ToString() => $"MinMaxScaler: minimums [{Describe(Minimums)}], maximums [{Describe(Maximums)}]";
}
