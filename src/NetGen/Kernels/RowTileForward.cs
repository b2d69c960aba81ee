using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// A one-layer network's ForwardBatch at Vector256 on the rows as they are, with no panels: the weights are copied
/// transposed into a stack buffer once per call, 16 outputs per input (<see cref="ForwardBatchLayout.RowTileOutputs"/>),
/// and each of a tile's four rows broadcasts its inputs one by one into two vectors of its outputs. The rows are read
/// and the outputs written in their own layout, so nothing is transposed but the weights (n·m floats against the
/// panels' 64·(n + m) for a batch of 64). Each output sums from the bias, then input by input, as a panel does: a row
/// gets exactly the bits a panel gives it.
/// </summary>
internal static class RowTileForward
{
    /// <summary>Rows a tile computes at once: 4 × 2 accumulators, two weight vectors and a broadcast input.</summary>
    private const int TileRows = 4;

    /// <summary>
    /// <paramref name="rows"/> rows of <paramref name="inputs"/> values into rows of <paramref name="outputs"/>
    /// (a multiple of 16, with <paramref name="inputs"/> × <paramref name="outputs"/> at most
    /// <see cref="ForwardBatchLayout.RowTileWeights"/>): f(b + Σᵢ W[o, i]·x[i]).
    /// </summary>
    [SkipLocalsInit]
    public static void Layer<TActivation>(ref float weights, ref float bias, ref float input, ref float output, int inputs, int outputs, int rows, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        const int Outputs = ForwardBatchLayout.RowTileOutputs;
        // Each input's 16 weights one cache line, so that neither of its two loads splits across lines.
        var transposed = CacheLines.Align(stackalloc float[(inputs * outputs) + CacheLines.Slack]);
        ColumnKernels.Transpose(MemoryMarshal.CreateReadOnlySpan(ref weights, inputs * outputs), ref transposed[0], inputs, Outputs);
        for (var first = 0; first < outputs; first += Outputs)
        {
            ref var w = ref transposed[first * inputs];
            ref var b = ref Unsafe.Add(ref bias, first);
            var row = 0;
            for (; row + TileRows <= rows; row += TileRows)
            {
                FourRows(ref w, ref b, ref Unsafe.Add(ref input, row * inputs), ref Unsafe.Add(ref output, (row * outputs) + first), inputs, outputs, activation);
            }

            for (; row < rows; row++)
            {
                OneRow(ref w, ref b, ref Unsafe.Add(ref input, row * inputs), ref Unsafe.Add(ref output, (row * outputs) + first), inputs, activation);
            }
        }
    }

    /// <summary>16 outputs of four consecutive rows, from the transposed weights <paramref name="w"/> (16 per input).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRows<TActivation>(ref float w, ref float bias, ref float x, ref float y, int inputs, int outputs, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var lanes = (nuint)Width256.Count;
        var n = (nuint)inputs;
        var lo0 = Width256.Load(ref bias, 0);
        var hi0 = Width256.Load(ref bias, lanes);
        var (lo1, hi1, lo2, hi2, lo3, hi3) = (lo0, hi0, lo0, hi0, lo0, hi0);
        ref var weight = ref w;
        for (nuint i = 0; i < n; i++)
        {
            var low = Width256.Load(ref weight, 0);
            var high = Width256.Load(ref weight, lanes);
            var x0 = Width256.Broadcast(Unsafe.Add(ref x, i));
            lo0 = Width256.MultiplyAdd(x0, low, lo0);
            hi0 = Width256.MultiplyAdd(x0, high, hi0);
            var x1 = Width256.Broadcast(Unsafe.Add(ref x, n + i));
            lo1 = Width256.MultiplyAdd(x1, low, lo1);
            hi1 = Width256.MultiplyAdd(x1, high, hi1);
            var x2 = Width256.Broadcast(Unsafe.Add(ref x, (2 * n) + i));
            lo2 = Width256.MultiplyAdd(x2, low, lo2);
            hi2 = Width256.MultiplyAdd(x2, high, hi2);
            var x3 = Width256.Broadcast(Unsafe.Add(ref x, (3 * n) + i));
            lo3 = Width256.MultiplyAdd(x3, low, lo3);
            hi3 = Width256.MultiplyAdd(x3, high, hi3);
            weight = ref Unsafe.Add(ref weight, 2 * lanes);
        }

        var stride = (nuint)outputs;
        Store(lo0, hi0, ref y, 0, activation);
        Store(lo1, hi1, ref y, stride, activation);
        Store(lo2, hi2, ref y, 2 * stride, activation);
        Store(lo3, hi3, ref y, 3 * stride, activation);
    }

    /// <summary>16 outputs of one row, summed as <see cref="FourRows"/> sums them.</summary>
    private static void OneRow<TActivation>(ref float w, ref float bias, ref float x, ref float y, int inputs, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var lanes = (nuint)Width256.Count;
        var lo = Width256.Load(ref bias, 0);
        var hi = Width256.Load(ref bias, lanes);
        ref var weight = ref w;
        for (nuint i = 0; i < (nuint)inputs; i++)
        {
            var value = Width256.Broadcast(Unsafe.Add(ref x, i));
            lo = Width256.MultiplyAdd(value, Width256.Load(ref weight, 0), lo);
            hi = Width256.MultiplyAdd(value, Width256.Load(ref weight, lanes), hi);
            weight = ref Unsafe.Add(ref weight, 2 * lanes);
        }

        Store(lo, hi, ref y, 0, activation);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TActivation>(Vector256<float> low, Vector256<float> high, ref float y, nuint at, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        if (typeof(TActivation) != typeof(IdentityFunction))
        {
            low = Width256.Activate(low, activation);
            high = Width256.Activate(high, activation);
        }

        Width256.Store(low, ref y, at);
        Width256.Store(high, ref y, at + (nuint)Width256.Count);
    }
}
