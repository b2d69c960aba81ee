using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen;

public sealed partial class Dataset
{
    /// <summary>Checks the sizes and returns the number of rows.</summary>
    private static int CheckShape(int featureLength, int targetLength, int featureCount, int targetCount)
    {
        if (featureCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, $"featureCount must be at least 1; got {featureCount}.");
        }

        if (targetCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(targetCount), targetCount, $"targetCount must be at least 1; got {targetCount}.");
        }

        if (featureLength == 0)
        {
            throw new ArgumentException("The dataset is empty: features has no values; a dataset needs at least one row.", "features");
        }

        if (featureLength % featureCount != 0)
        {
            throw new ArgumentException(
                $"features has length {featureLength}, which is not a multiple of featureCount {featureCount}.", "features");
        }

        if (targetLength % targetCount != 0)
        {
            throw new ArgumentException(
                $"targets has length {targetLength}, which is not a multiple of targetCount {targetCount}.", "targets");
        }

        int rows = featureLength / featureCount;
        if (targetLength / targetCount != rows)
        {
            throw new ArgumentException(
                $"features has {rows} rows (length {featureLength} / {featureCount}) but targets has {targetLength / targetCount} rows " +
                $"(length {targetLength} / {targetCount}); they must have the same number of rows.", "targets");
        }

        return rows;
    }

    /// <summary>Throws on the first NaN or infinite value, naming its row and column ("the feature in row 0, column 2").</summary>
    private static void CheckFinite(ReadOnlySpan<float> values, int columns, string what, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"The {what} in row {i / columns}, column {i % columns} is {values[i].ToString(CultureInfo.InvariantCulture)}; every value must be finite. " +
                    "Remove or impute missing values before training.", paramName);
            }
        }
    }

    /// <summary>Copies a list of names after checking that it has one of the allowed lengths and no null or empty name.</summary>
    private static IReadOnlyList<string>? CheckNames(IReadOnlyList<string>? names, int expected, int alsoAllowed, string paramName, string what)
    {
        if (names is null)
        {
            return null;
        }

        if (names.Count != expected && names.Count != alsoAllowed)
        {
            string allowed = expected == alsoAllowed ? $"{expected}" : $"{expected} or {alsoAllowed}";
            throw new ArgumentException($"{paramName} has {names.Count} names but the dataset has {allowed} {what}; give one name for each.", paramName);
        }

        var copy = new string[names.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = string.IsNullOrEmpty(names[i])
                ? throw new ArgumentException($"{paramName}[{i}] is {(names[i] is null ? "null" : "empty")}; every name must be a non-empty string.", paramName)
                : names[i];
        }

        return Array.AsReadOnly(copy);
    }
}
