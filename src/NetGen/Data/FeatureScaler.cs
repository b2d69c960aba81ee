using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen;

/// <summary>
/// Rescales each feature column as x′ = (x − offset) / scale with per-column numbers fitted on training rows, so that
/// the same transformation applies to any rows later (validation, test, a single input at inference).
/// </summary>
public abstract class FeatureScaler
{
    private readonly double[] _offsets;
    private readonly double[] _scales;

    /// <param name="offsets">The value subtracted from each column.</param>
    /// <param name="scales">The divisor of each column; a column whose fitted scale is 0 (constant) is divided by 1 instead.</param>
    private protected FeatureScaler(double[] offsets, double[] scales)
    {
        _offsets = offsets;
        _scales = Array.ConvertAll(scales, s => s == 0 ? 1 : s);
    }

    /// <summary>The number of feature columns the scaler was fitted on.</summary>
    public int FeatureCount => _offsets.Length;

    /// <summary>The features of <paramref name="data"/> rescaled, with its targets and names unchanged.</summary>
    /// <exception cref="ArgumentException">The dataset has another number of features than the scaler was fitted on.</exception>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFeatureCount(data.FeatureCount, nameof(data));
        var features = new float[data.Features.Length];
        Transform(data.Features, features);
        return data.WithFeatures(features);
    }

    /// <summary>
    /// Rescales consecutive rows of <see cref="FeatureCount"/> features from <paramref name="features"/> into
    /// <paramref name="destination"/> (which may be the same span), without allocating.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ or are not a whole number of rows.</exception>
    public void Transform(ReadOnlySpan<float> features, Span<float> destination)
    {
        if (features.Length % FeatureCount != 0 || destination.Length != features.Length)
        {
            throw new ArgumentException(
                $"features has {features.Length} values and destination {destination.Length}; both must hold the same whole number of rows of {FeatureCount} features.",
                features.Length % FeatureCount != 0 ? nameof(features) : nameof(destination));
        }

        for (int i = 0; i < features.Length; i++)
        {
            int column = i % FeatureCount;
            destination[i] = (float)((features[i] - _offsets[column]) / _scales[column]);
        }
    }

    private void CheckFeatureCount(int featureCount, string paramName)
    {
        if (featureCount != FeatureCount)
        {
            throw new ArgumentException(
                $"The dataset has {featureCount} features per row but this {GetType().Name} was fitted on {FeatureCount}; fit it on rows of the same columns.",
                paramName);
        }
    }

    private protected static string Describe(IReadOnlyList<double> values)
    {
        var parts = new string[values.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = values[i].ToString("G4", CultureInfo.InvariantCulture);
        }

        return string.Join(", ", parts);
    }
}
