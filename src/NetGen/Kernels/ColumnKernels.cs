using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The kernels of a generated network's <c>ForwardBatch</c>: a block of as many rows as a vector has lanes, held
/// transposed (one vector per feature, one lane per row). Each weight is broadcast once and multiplied into the whole
/// block, so a layer is a sum of outer products with no horizontal sums, and every weight loaded serves every row of
/// the block. Generator-facing: not meant to be called by users.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ColumnKernels
{
    /// <summary>Rows of <paramref name="features"/> values into one column of <paramref name="lanes"/> values per feature.</summary>
    /// <param name="rows">The first of <paramref name="lanes"/> consecutive rows.</param>
    /// <param name="columns">Where the <paramref name="features"/> × <paramref name="lanes"/> block goes.</param>
    /// <param name="features">Values per row.</param>
    /// <param name="lanes">Rows in the block.</param>
    public static void Transpose(ref float rows, ref float columns, int features, int lanes)
    {
        for (nuint row = 0; row < (nuint)lanes; row++)
        {
            for (nuint i = 0; i < (nuint)features; i++)
            {
                Unsafe.Add(ref columns, (i * (nuint)lanes) + row) = Unsafe.Add(ref rows, (row * (nuint)features) + i);
            }
        }
    }

    /// <summary>The inverse of <see cref="Transpose"/>: a block of columns back into rows of <paramref name="features"/> values.</summary>
    /// <param name="columns">The <paramref name="features"/> × <paramref name="lanes"/> block.</param>
    /// <param name="rows">Where the <paramref name="lanes"/> rows go.</param>
    /// <param name="features">Values per row.</param>
    /// <param name="lanes">Rows in the block.</param>
    public static void TransposeBack(ref float columns, Span<float> rows, int features, int lanes)
    {
        if (rows.Length < features * lanes)
        {
            Guard.ThrowWrongLength(nameof(rows), features * lanes, rows.Length, "outputs");
        }

        Transpose(ref columns, ref System.Runtime.InteropServices.MemoryMarshal.GetReference(rows), lanes, features);
    }

    /// <summary>One dense layer on a transposed block: each output column is f(b + Σᵢ W[o, i]·input column i).</summary>
    /// <param name="weights">The weight matrix, [outputs, inputs] row-major.</param>
    /// <param name="bias">The <paramref name="outputs"/> biases.</param>
    /// <param name="input">The <paramref name="inputs"/> × <paramref name="lanes"/> block of inputs.</param>
    /// <param name="output">Where the <paramref name="outputs"/> × <paramref name="lanes"/> block of activations goes.</param>
    /// <param name="inputs">Input features.</param>
    /// <param name="outputs">Output features.</param>
    /// <param name="lanes">Rows in the block: 16 (Vector512) or 8 (Vector256).</param>
    /// <param name="activation">The element-wise activation f.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Forward<TActivation>(ref float weights, ref float bias, ref float input, ref float output, int inputs, int outputs, int lanes, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        if (lanes == Width512.Count && Vector512.IsHardwareAccelerated)
        {
            ColumnForward<Width512, Vector512<float>>.Layer(ref weights, ref bias, ref input, ref output, inputs, outputs, activation);
        }
        else if (lanes == Width256.Count && Vector256.IsHardwareAccelerated)
        {
            ColumnForward<Width256, Vector256<float>>.Layer(ref weights, ref bias, ref input, ref output, inputs, outputs, activation);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(lanes), lanes, "A transposed block has the lanes of an accelerated Vector512 or Vector256.");
        }
    }

    /// <summary>Maxout on a transposed block: each unit's column is the lane-wise maximum of its pieces' columns.</summary>
    /// <param name="pieces">The [pieces, units] × <paramref name="lanes"/> block of affine maps.</param>
    /// <param name="output">Where the <paramref name="units"/> × <paramref name="lanes"/> block goes.</param>
    /// <param name="units">Units of the layer.</param>
    /// <param name="pieceCount">Affine maps per unit.</param>
    /// <param name="lanes">Rows in the block.</param>
    public static void Maxout(ref float pieces, ref float output, int units, int pieceCount, int lanes)
    {
        for (nuint at = 0; at < (nuint)(units * lanes); at++)
        {
            var maximum = Unsafe.Add(ref pieces, at);
            for (nuint piece = 1; piece < (nuint)pieceCount; piece++)
            {
                maximum = MathF.Max(maximum, Unsafe.Add(ref pieces, at + (piece * (nuint)(units * lanes))));
            }

            Unsafe.Add(ref output, at) = maximum;
        }
    }
}

/// <summary>
/// One layer on a transposed block at one width: blocks of eight outputs keep their accumulators in registers. A last
/// block of fewer outputs repeats its last weight row in the unused accumulators (so every block keeps eight
/// independent chains of multiply-adds in flight) and stores only its own outputs.
/// </summary>
internal static class ColumnForward<TWidth, TVector>
    where TWidth : struct, ISimdWidth<TVector>
    where TVector : struct
{
    private const int OutputBlock = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Layer<TActivation>(ref float weights, ref float bias, ref float input, ref float output, int inputs, int outputs, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        for (var first = 0; first < outputs; first += OutputBlock)
        {
            var count = outputs - first < OutputBlock ? outputs - first : OutputBlock;
            Block(ref weights, ref bias, ref input, ref output, inputs, first, count, activation);
        }
    }

    private static void Block<TActivation>(ref float weights, ref float bias, ref float input, ref float output, int inputs, int first, int count, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var n = (nuint)inputs;
        var lanes = (nuint)TWidth.Count;
        ref var w0 = ref Unsafe.Add(ref weights, first * inputs);
        ref var w1 = ref Row(ref w0, n, 1, count);
        ref var w2 = ref Row(ref w0, n, 2, count);
        ref var w3 = ref Row(ref w0, n, 3, count);
        ref var w4 = ref Row(ref w0, n, 4, count);
        ref var w5 = ref Row(ref w0, n, 5, count);
        ref var w6 = ref Row(ref w0, n, 6, count);
        ref var w7 = ref Row(ref w0, n, 7, count);
        ref var b = ref Unsafe.Add(ref bias, first);
        var s0 = TWidth.Broadcast(b);
        var s1 = TWidth.Broadcast(Row(ref b, 1, 1, count));
        var s2 = TWidth.Broadcast(Row(ref b, 1, 2, count));
        var s3 = TWidth.Broadcast(Row(ref b, 1, 3, count));
        var s4 = TWidth.Broadcast(Row(ref b, 1, 4, count));
        var s5 = TWidth.Broadcast(Row(ref b, 1, 5, count));
        var s6 = TWidth.Broadcast(Row(ref b, 1, 6, count));
        var s7 = TWidth.Broadcast(Row(ref b, 1, 7, count));
        for (nuint i = 0; i < n; i++)
        {
            var x = TWidth.Load(ref input, i * lanes);
            s0 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref w0, i)), x, s0);
            s1 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref w1, i)), x, s1);
            s2 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref w2, i)), x, s2);
            s3 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref w3, i)), x, s3);
            s4 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref w4, i)), x, s4);
            s5 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref w5, i)), x, s5);
            s6 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref w6, i)), x, s6);
            s7 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref w7, i)), x, s7);
        }

        ref var target = ref Unsafe.Add(ref output, (nuint)first * lanes);
        TWidth.Store(TWidth.Activate(s0, activation), ref target, 0);
        StoreIfOwn(s1, 1, count, ref target, activation);
        StoreIfOwn(s2, 2, count, ref target, activation);
        StoreIfOwn(s3, 3, count, ref target, activation);
        StoreIfOwn(s4, 4, count, ref target, activation);
        StoreIfOwn(s5, 5, count, ref target, activation);
        StoreIfOwn(s6, 6, count, ref target, activation);
        StoreIfOwn(s7, 7, count, ref target, activation);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreIfOwn<TActivation>(TVector sum, int k, int count, ref float target, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        if (k < count)
        {
            TWidth.Store(TWidth.Activate(sum, activation), ref target, (nuint)k * (nuint)TWidth.Count);
        }
    }

    /// <summary>Row <paramref name="k"/> of a block, or its last row where the block has fewer than k + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float Row(ref float first, nuint stride, int k, int count) =>
        ref Unsafe.Add(ref first, (nuint)(k < count ? k : count - 1) * stride);
}
