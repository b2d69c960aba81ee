using System;

namespace NetGen;

/// <summary>
/// Rows of features and targets for training and evaluation, stored as two contiguous row-major arrays.
/// Immutable: the constructor copies its input, and every row is checked to be finite.
/// </summary>
public sealed partial class Dataset
{
    private readonly float[] _features;
    private readonly float[] _targets;

    /// <summary>Creates a dataset from row-major features and targets (copied).</summary>
    /// <param name="features">Row-major features, <paramref name="featureCount"/> values per row.</param>
    /// <param name="targets">Row-major targets, <paramref name="targetCount"/> values per row.</param>
    /// <param name="featureCount">The number of features of a row (≥ 1).</param>
    /// <param name="targetCount">The number of targets of a row (≥ 1).</param>
    /// <exception cref="ArgumentException">The data is empty, a length is not a multiple of its row size, the row counts differ, or a value is NaN or infinite.</exception>
    public Dataset(float[] features, float[] targets, int featureCount, int targetCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        int rows = CheckShape(features.Length, targets.Length, featureCount, targetCount);
        CheckFinite(features, featureCount, "features", nameof(features));
        CheckFinite(targets, targetCount, "targets", nameof(targets));
        _features = (float[])features.Clone();
        _targets = (float[])targets.Clone();
        Count = rows;
        FeatureCount = featureCount;
        TargetCount = targetCount;
    }

    /// <summary>Wraps arrays that are already checked and owned by the new dataset.</summary>
    private Dataset(float[] features, float[] targets, int featureCount, int targetCount, int count)
    {
        _features = features;
        _targets = targets;
        FeatureCount = featureCount;
        TargetCount = targetCount;
        Count = count;
    }

    /// <summary>The number of rows.</summary>
    public int Count { get; }

    /// <summary>The number of features of a row.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of targets of a row.</summary>
    public int TargetCount { get; }

    /// <summary>Every row's features, row-major (<see cref="Count"/> × <see cref="FeatureCount"/>).</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>Every row's targets, row-major (<see cref="Count"/> × <see cref="TargetCount"/>).</summary>
    public ReadOnlySpan<float> Targets => _targets;

    /// <summary>The features of row <paramref name="row"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not in [0, <see cref="Count"/>).</exception>
    public ReadOnlySpan<float> FeaturesOf(int row)
    {
        CheckRow(row);
        return _features.AsSpan(row * FeatureCount, FeatureCount);
    }

    /// <summary>The targets of row <paramref name="row"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not in [0, <see cref="Count"/>).</exception>
    public ReadOnlySpan<float> TargetsOf(int row)
    {
        CheckRow(row);
        return _targets.AsSpan(row * TargetCount, TargetCount);
    }

    /// <summary>Copies the rows <paramref name="rows"/> into consecutive rows of the destinations.</summary>
    internal void GatherRows(ReadOnlySpan<int> rows, Span<float> features, Span<float> targets)
    {
        int f = FeatureCount, t = TargetCount;
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            _features.AsSpan(row * f, f).CopyTo(features.Slice(i * f, f));
            _targets.AsSpan(row * t, t).CopyTo(targets.Slice(i * t, t));
        }
    }

    /// <summary>A new dataset made of the given rows of this one, in that order.</summary>
    internal Dataset SelectRows(ReadOnlySpan<int> rows)
    {
        var features = new float[rows.Length * FeatureCount];
        var targets = new float[rows.Length * TargetCount];
        GatherRows(rows, features, targets);
        return new Dataset(features, targets, FeatureCount, TargetCount, rows.Length);
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row {row} does not exist; the dataset has {Count} rows.");
        }
    }
}
