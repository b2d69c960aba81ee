using System;
using System.Collections.Generic;

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
    /// <param name="featureNames">The name of each feature column (e.g. a CSV header), or null.</param>
    /// <param name="classNames">
    /// The name of each class, or null: one per target column for one-hot targets, or two (for 0 and 1) with one
    /// target column.
    /// </param>
    /// <exception cref="ArgumentException">
    /// The data is empty, a length is not a multiple of its row size, the row counts differ, a value is NaN or
    /// infinite, or a list of names does not fit the columns.
    /// </exception>
    public Dataset(float[] features, float[] targets, int featureCount, int targetCount,
        IReadOnlyList<string>? featureNames = null, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        int rows = CheckShape(features.Length, targets.Length, featureCount, targetCount);
        CheckFinite(features, featureCount, "feature", nameof(features));
        CheckFinite(targets, targetCount, "target", nameof(targets));
        FeatureNames = CheckNames(featureNames, featureCount, featureCount, "featureNames", "feature columns");
        ClassNames = CheckNames(classNames, targetCount, targetCount == 1 ? 2 : targetCount, "classNames", "classes");
        _features = (float[])features.Clone();
        _targets = (float[])targets.Clone();
        Count = rows;
        FeatureCount = featureCount;
        TargetCount = targetCount;
    }

    /// <summary>Wraps arrays that are already checked and owned by the new dataset, with the names of <paramref name="like"/>.</summary>
    private Dataset(float[] features, float[] targets, Dataset like, int count)
    {
        _features = features;
        _targets = targets;
        FeatureCount = like.FeatureCount;
        TargetCount = like.TargetCount;
        FeatureNames = like.FeatureNames;
        ClassNames = like.ClassNames;
        Count = count;
    }

    /// <summary>The number of rows.</summary>
    public int Count { get; }

    /// <summary>The number of features of a row.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of targets of a row.</summary>
    public int TargetCount { get; }

    /// <summary>The name of each feature column (from a CSV header, for instance), or null when they have none.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>
    /// The name of each class, in the order of the target columns (two names, for 0 and 1, with a single target
    /// column), or null when the targets carry no class names.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; }

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

    /// <summary>A dataset with the same targets and names and the given features, one row of <see cref="FeatureCount"/> per row.</summary>
    internal Dataset WithFeatures(float[] features)
    {
        CheckFinite(features, FeatureCount, "feature", nameof(features));
        return new Dataset(features, _targets, this, Count);
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
        return new Dataset(features, targets, this, rows.Length);
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row {row} does not exist; the dataset has {Count} rows.");
        }
    }
}
