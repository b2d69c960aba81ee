using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

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
    public static void ThrowWrongLength(string parameterName, int expected, int actual, string what) =>
        throw WrongLength(parameterName, expected, actual, what);

    /// <summary>
    /// Throws the <see cref="ArgumentException"/> for a batch span that is not a whole number of rows, e.g.
    /// "inputs has 10 values, which is not a whole number of rows of 4 inputs.", or that holds no row where one is
    /// needed (BackwardBatch): "inputs has 0 values; a batch needs at least one row of 4 inputs."
    /// </summary>
    [DoesNotReturn]
    public static void ThrowNotWholeRows(string parameterName, int actual, int rowSize, string what) =>
        throw NotWholeRows(parameterName, actual, rowSize, what);

    /// <summary>Checks the spans of one forward pass (<c>input</c>, <c>output</c>) against the network's sizes.</summary>
    /// <param name="input">The sample's inputs.</param>
    /// <param name="output">Where its outputs go.</param>
    /// <param name="inputSize">The network's InputSize.</param>
    /// <param name="outputSize">The network's OutputSize.</param>
    /// <exception cref="ArgumentException">A span's length is not the network's size.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckForward(ReadOnlySpan<float> input, Span<float> output, int inputSize, int outputSize)
    {
        if (input.Length != inputSize)
        {
            ThrowWrongLength(nameof(input), inputSize, input.Length, "inputs");
        }

        if (output.Length != outputSize)
        {
            ThrowWrongLength(nameof(output), outputSize, output.Length, "outputs");
        }
    }

    /// <summary>Checks the spans of a forward batch (<c>inputs</c>, <c>outputs</c>) and returns its number of rows, possibly 0.</summary>
    /// <param name="inputs">Rows of inputs.</param>
    /// <param name="outputs">As many rows of outputs.</param>
    /// <param name="inputSize">The network's InputSize.</param>
    /// <param name="outputSize">The network's OutputSize.</param>
    /// <exception cref="ArgumentException">The spans do not hold the same whole number of rows.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CheckForwardRows(ReadOnlySpan<float> inputs, Span<float> outputs, int inputSize, int outputSize)
    {
        var rows = inputs.Length / inputSize;
        if (inputs.Length % inputSize != 0)
        {
            ThrowNotWholeRows(nameof(inputs), inputs.Length, inputSize, "inputs");
        }

        if (outputs.Length != rows * outputSize)
        {
            ThrowWrongRows(nameof(outputs), rows, outputSize, outputs.Length, "outputs");
        }

        return rows;
    }

    /// <summary>Checks the spans of one sample (<c>input</c>, <c>target</c>) against the network's sizes.</summary>
    /// <param name="input">The sample's inputs.</param>
    /// <param name="target">Its targets.</param>
    /// <param name="inputSize">The network's InputSize.</param>
    /// <param name="outputSize">The network's OutputSize.</param>
    /// <exception cref="ArgumentException">A span's length is not the network's size.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckSample(ReadOnlySpan<float> input, ReadOnlySpan<float> target, int inputSize, int outputSize)
    {
        if (input.Length != inputSize)
        {
            ThrowWrongLength(nameof(input), inputSize, input.Length, "inputs");
        }

        if (target.Length != outputSize)
        {
            ThrowWrongLength(nameof(target), outputSize, target.Length, "targets");
        }
    }

    /// <summary>Checks the spans of a batch (<c>inputs</c>, <c>targets</c>) and returns its number of rows, at least one.</summary>
    /// <param name="inputs">Rows of inputs.</param>
    /// <param name="targets">As many rows of targets.</param>
    /// <param name="inputSize">The network's InputSize.</param>
    /// <param name="outputSize">The network's OutputSize.</param>
    /// <exception cref="ArgumentException">The spans do not hold the same whole, non-zero number of rows.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CheckRows(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int inputSize, int outputSize)
    {
        var rows = inputs.Length / inputSize;
        if (inputs.Length % inputSize != 0 || rows == 0)
        {
            ThrowNotWholeRows(nameof(inputs), inputs.Length, inputSize, "inputs");
        }

        if (targets.Length != rows * outputSize)
        {
            ThrowWrongRows(nameof(targets), rows, outputSize, targets.Length, "targets");
        }

        return rows;
    }

    [DoesNotReturn]
    private static void ThrowWrongRows(string parameterName, int rows, int rowSize, int actual, string what) =>
        throw WrongRows(parameterName, rows, rowSize, actual, what);

    // The messages are built out of line: a Throw… method that is only a call and a throw is one the JIT knows never
    // returns, so it moves the call out of the caller's hot path and never inlines it. With the formatting in its
    // body, the JIT at times inlined it into the caller, whose prologue then saved five registers and zeroed the
    // string formatter on every call (tools/builds-side-by-side's caller of D16's Forward did).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentException WrongLength(string parameterName, int expected, int actual, string what)
    {
        string values = actual == 1 ? "1 value" : actual.ToString(CultureInfo.InvariantCulture) + " values";
        return new ArgumentException(
            $"{parameterName} has {values}, but the network expects {expected.ToString(CultureInfo.InvariantCulture)} {what}.",
            parameterName);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentException NotWholeRows(string parameterName, int actual, int rowSize, string what)
    {
        string values = actual.ToString(CultureInfo.InvariantCulture);
        string row = $"{rowSize.ToString(CultureInfo.InvariantCulture)} {what}";
        return new ArgumentException(
            actual % rowSize == 0
                ? $"{parameterName} has {values} values; a batch needs at least one row of {row}."
                : $"{parameterName} has {values} values, which is not a whole number of rows of {row}.",
            parameterName);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentException WrongRows(string parameterName, int rows, int rowSize, int actual, string what) =>
        WrongLength(parameterName, rows * rowSize, actual, what + " for " + rows.ToString(CultureInfo.InvariantCulture) + " rows");
}
