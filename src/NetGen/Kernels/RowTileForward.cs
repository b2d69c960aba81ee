using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// A one-layer network's ForwardBatch at Vector256 on the rows as they are, with no panels: the weights are copied
/// transposed into a stack buffer once per call, 16 outputs per input (<see cref="ForwardBatchLayout.RowTileOutputs"/>),
/// and each of a tile's four rows broadcasts its inputs one by one into two vectors of its outputs. Where the outputs
/// are 8 past a multiple of 16, the last 8 go through a tile of eight rows and one vector, on the first half of each
/// input's 16 transposed weights (the transpose fills the other half with 0). The rows are read and the outputs
/// written in their own layout, so nothing is transposed but the weights (n·m floats against the panels' 64·(n + m)
/// for a batch of 64). Each output sums from the bias, then input by input, as a panel does: a row gets exactly the
/// bits a panel gives it.
/// </summary>
internal static class RowTileForward
{
    /// <summary>Rows a tile computes at once: 4 × 2 accumulators, two weight vectors and a broadcast input.</summary>
    private const int TileRows = 4;

    /// <summary>Rows the tile of the last eight outputs computes at once: eight accumulators keep both FMA pipes busy.</summary>
    private const int LastEightTileRows = 8;

    /// <summary>
    /// <paramref name="rows"/> rows of <paramref name="inputs"/> values into rows of <paramref name="outputs"/>
    /// (a multiple of 8, with <paramref name="inputs"/> × <paramref name="outputs"/> at most
    /// <see cref="ForwardBatchLayout.RowTileWeights"/>): f(b + Σᵢ W[o, i]·x[i]).
    /// </summary>
    [SkipLocalsInit]
    public static void Layer<TActivation>(ref float weights, ref float bias, ref float input, ref float output, int inputs, int outputs, int rows, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        const int Outputs = ForwardBatchLayout.RowTileOutputs;
        // Each input's 16 weights one cache line, so that neither of its two loads splits across lines. A last group
        // of 8 outputs takes a whole group's room: the transpose pads it to 16 lanes.
        var whole = outputs & -Outputs;
        var transposed = CacheLines.Align(stackalloc float[(inputs * ((outputs + Outputs - 1) & -Outputs)) + CacheLines.Slack]);
        ColumnKernels.Transpose(MemoryMarshal.CreateReadOnlySpan(ref weights, inputs * outputs), ref transposed[0], inputs, Outputs);
        for (var first = 0; first < whole; first += Outputs)
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

        if (whole < outputs)
        {
            LastEight(ref transposed[whole * inputs], ref Unsafe.Add(ref bias, whole), ref input, ref Unsafe.Add(ref output, whole), inputs, outputs, rows, activation);
        }
    }

    /// <summary>The last 8 outputs of every row, where the outputs are 8 past a multiple of 16: a method of its own, out of the loops over groups of 16.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LastEight<TActivation>(ref float w, ref float bias, ref float input, ref float output, int inputs, int outputs, int rows, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var row = 0;
        for (; row + LastEightTileRows <= rows; row += LastEightTileRows)
        {
            EightRowsOfEight(ref w, ref bias, ref Unsafe.Add(ref input, row * inputs), ref Unsafe.Add(ref output, row * outputs), inputs, outputs, activation);
        }

        for (; row < rows; row++)
        {
            OneRowOfEight(ref w, ref bias, ref Unsafe.Add(ref input, row * inputs), ref Unsafe.Add(ref output, row * outputs), inputs, activation);
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

    /// <summary>The last 8 outputs of eight consecutive rows, from the first 8 of each input's 16 transposed weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EightRowsOfEight<TActivation>(ref float w, ref float bias, ref float x, ref float y, int inputs, int outputs, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        // A reference per row, so that each broadcast is one base and the input's index (no address arithmetic).
        var n = (nuint)inputs;
        ref var x1 = ref Unsafe.Add(ref x, n);
        ref var x2 = ref Unsafe.Add(ref x1, n);
        ref var x3 = ref Unsafe.Add(ref x2, n);
        ref var x4 = ref Unsafe.Add(ref x3, n);
        ref var x5 = ref Unsafe.Add(ref x4, n);
        ref var x6 = ref Unsafe.Add(ref x5, n);
        ref var x7 = ref Unsafe.Add(ref x6, n);
        var a0 = Width256.Load(ref bias, 0);
        var (a1, a2, a3, a4, a5, a6, a7) = (a0, a0, a0, a0, a0, a0, a0);
        ref var weight = ref w;
        for (nuint i = 0; i < n; i++)
        {
            var v = Width256.Load(ref weight, 0);
            a0 = Width256.MultiplyAdd(Width256.Broadcast(Unsafe.Add(ref x, i)), v, a0);
            a1 = Width256.MultiplyAdd(Width256.Broadcast(Unsafe.Add(ref x1, i)), v, a1);
            a2 = Width256.MultiplyAdd(Width256.Broadcast(Unsafe.Add(ref x2, i)), v, a2);
            a3 = Width256.MultiplyAdd(Width256.Broadcast(Unsafe.Add(ref x3, i)), v, a3);
            a4 = Width256.MultiplyAdd(Width256.Broadcast(Unsafe.Add(ref x4, i)), v, a4);
            a5 = Width256.MultiplyAdd(Width256.Broadcast(Unsafe.Add(ref x5, i)), v, a5);
            a6 = Width256.MultiplyAdd(Width256.Broadcast(Unsafe.Add(ref x6, i)), v, a6);
            a7 = Width256.MultiplyAdd(Width256.Broadcast(Unsafe.Add(ref x7, i)), v, a7);
            weight = ref Unsafe.Add(ref weight, ForwardBatchLayout.RowTileOutputs);
        }

        var stride = (nuint)outputs;
        Store(a0, ref y, 0, activation);
        Store(a1, ref y, stride, activation);
        Store(a2, ref y, 2 * stride, activation);
        Store(a3, ref y, 3 * stride, activation);
        Store(a4, ref y, 4 * stride, activation);
        Store(a5, ref y, 5 * stride, activation);
        Store(a6, ref y, 6 * stride, activation);
        Store(a7, ref y, 7 * stride, activation);
    }

    /// <summary>The last 8 outputs of one row, summed as <see cref="EightRowsOfEight"/> sums them.</summary>
    private static void OneRowOfEight<TActivation>(ref float w, ref float bias, ref float x, ref float y, int inputs, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var sum = Width256.Load(ref bias, 0);
        ref var weight = ref w;
        for (nuint i = 0; i < (nuint)inputs; i++)
        {
            sum = Width256.MultiplyAdd(Width256.Broadcast(Unsafe.Add(ref x, i)), Width256.Load(ref weight, 0), sum);
            weight = ref Unsafe.Add(ref weight, ForwardBatchLayout.RowTileOutputs);
        }

        Store(sum, ref y, 0, activation);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TActivation>(Vector256<float> sum, ref float y, nuint at, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        Width256.Store(typeof(TActivation) != typeof(IdentityFunction) ? Width256.Activate(sum, activation) : sum, ref y, at);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TActivation>(Vector256<float> low, Vector256<float> high, ref float y, nuint at, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        Store(low, ref y, at, activation);
        Store(high, ref y, at + (nuint)Width256.Count, activation);
    }
}
