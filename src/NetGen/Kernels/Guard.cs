using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NetGen.Kernels;

/// <summary>Argument checks of the code NetGen generates, kept out of line so that the hot paths stay small. Not meant to be called by users.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Guard
{
    /// <summary>
    /// Throws the <see cref="ArgumentException"/> for a span of the wrong length, e.g.
    /// "input has 5 values, but the network expects 4 inputs."
    /// </summary>
    /// <param name="parameterName">The name of the span parameter, as the caller wrote it.</param>
    /// <param name="expected">The length the span must have.</param>
    /// <param name="actual">The length it has.</param>
    /// <param name="what">What the expected values are, in the plural: "inputs", "outputs", "targets (3 rows of 2)".</param>
    [DoesNotReturn]
    public static void ThrowWrongLength(string parameterName, int expected, int actual, string what)
    {
        string values = actual == 1 ? "1 value" : actual.ToString(CultureInfo.InvariantCulture) + " values";
        throw new ArgumentException(
            $"{parameterName} has {values}, but the network expects {expected.ToString(CultureInfo.InvariantCulture)} {what}.",
            parameterName);
    }

    /// <summary>
    /// Throws the <see cref="ArgumentException"/> for a batch span that is not a whole number of rows, e.g.
    /// "inputs has 10 values, which is not a whole number of rows of 4 inputs.", or that holds no row where one is
    /// needed (BackwardBatch): "inputs has 0 values; a batch needs at least one row of 4 inputs."
    /// </summary>
    [DoesNotReturn]
    public static void ThrowNotWholeRows(string parameterName, int actual, int rowSize, string what)
    {
        string values = actual.ToString(CultureInfo.InvariantCulture);
        string row = $"{rowSize.ToString(CultureInfo.InvariantCulture)} {what}";
        throw new ArgumentException(
            actual % rowSize == 0
                ? $"{parameterName} has {values} values; a batch needs at least one row of {row}."
                : $"{parameterName} has {values} values, which is not a whole number of rows of {row}.",
            parameterName);
    }
}
