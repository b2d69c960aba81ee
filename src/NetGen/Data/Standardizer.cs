using System;
using System.Collections.Generic;

namespace NetGen;

/// <summary>
/// Standardises each feature to mean 0 and standard deviation 1 over the rows it was fitted on, as scikit-learn's
/// <c>StandardScaler</c> does: x′ = (x − μ) / σ with the population standard deviation σ; a constant column becomes 0.
/// Fit on the training rows only, then transform every set with the same numbers.
/// </summary>
public sealed class Standardizer : FeatureScaler
{
    private Standardizer(double[] means, double[] standardDeviations)
        : base(means, standardDeviations)
    {
        Means = Array.AsReadOnly(means);
        StandardDeviations = Array.AsReadOnly(standardDeviations);
    }

    /// <summary>The mean μ of each feature over the fitted rows.</summary>
    public IReadOnlyList<double> Means { get; }

    /// <summary>The population standard deviation σ of each feature over the fitted rows (0 for a constant column).</summary>
    public IReadOnlyList<double> StandardDeviations { get; }

    /// <summary>Measures the mean and standard deviation of every feature of <paramref name="train"/>.</summary>
    public static Standardizer Fit(Dataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        int columns = train.FeatureCount;
        var means = new double[columns];
        var deviations = new double[columns];
        var features = train.Features;
        for (int i = 0; i < features.Length; i++)
        {
            means[i % columns] += features[i];
        }

        for (int c = 0; c < columns; c++)
        {
            means[c] /= train.Count;
        }

        // Two passes: the squared deviations from the mean, which stay accurate when the mean is large.
        for (int i = 0; i < features.Length; i++)
        {
            double d = features[i] - means[i % columns];
            deviations[i % columns] += d * d;
        }

        for (int c = 0; c < columns; c++)
        {
            deviations[c] = Math.Sqrt(deviations[c] / train.Count);
        }

        return new Standardizer(means, deviations);
    }

    /// <summary>The fitted means and standard deviations, for logs.</summary>
    public override string ToString() => $"Standardizer: means [{Describe(Means)}], standard deviations [{Describe(StandardDeviations)}]";
}
