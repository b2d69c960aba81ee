using System;
using System.Collections.Generic;

namespace NetGen;

public sealed partial class Dataset
{
    /// <summary>Creates a dataset from one array per row; every row of a list must have the same length.</summary>
    /// <param name="features">The features of each row.</param>
    /// <param name="targets">The targets of each row, as many rows as <paramref name="features"/>.</param>
    /// <exception cref="ArgumentException">A list is empty, the row counts differ, a row is null, ragged or holds a NaN or infinite value.</exception>
    public static Dataset FromRows(IReadOnlyList<float[]> features, IReadOnlyList<float[]> targets)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (features.Count == 0)
        {
            throw new ArgumentException("The dataset is empty: features has no rows; a dataset needs at least one row.", nameof(features));
        }

        if (features.Count != targets.Count)
        {
            throw new ArgumentException(
                $"features has {features.Count} rows but targets has {targets.Count}; they must have the same number of rows.", nameof(targets));
        }

        var flatFeatures = Flatten(features, nameof(features));
        var flatTargets = Flatten(targets, nameof(targets));
        return new Dataset(flatFeatures, flatTargets, features[0].Length, targets[0].Length);
    }

    /// <summary>One-hot encodes class labels: row i has a 1 in column <c>labels[i]</c> and 0 elsewhere.</summary>
    /// <param name="labels">The class of each row, in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes (≥ 1).</param>
    /// <returns>A row-major array of <c>labels.Length × classCount</c> values, for a dataset's targets.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside [0, <paramref name="classCount"/>), or <paramref name="classCount"/> &lt; 1.</exception>
    public static float[] OneHot(ReadOnlySpan<int> labels, int classCount)
    {
        if (classCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"classCount must be at least 1; got {classCount}.");
        }

        var result = new float[labels.Length * classCount];
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i],
                    $"Label {labels[i]} at index {i} is outside [0, {classCount}).");
            }

            result[i * classCount + labels[i]] = 1f;
        }

        return result;
    }

    private static float[] Flatten(IReadOnlyList<float[]> rows, string paramName)
    {
        int width = rows[0]?.Length ?? throw new ArgumentException($"{paramName} row 0 is null.", paramName);
        if (width == 0)
        {
            throw new ArgumentException($"{paramName} row 0 has no values; every row needs at least one.", paramName);
        }

        var flat = new float[rows.Count * width];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"{paramName} row {i} is null.", paramName);
            if (row.Length != width)
            {
                throw new ArgumentException(
                    $"{paramName} row {i} has length {row.Length} but row 0 has length {width}; every row must have the same length.", paramName);
            }

            row.CopyTo(flat, i * width);
        }

        return flat;
    }
}
