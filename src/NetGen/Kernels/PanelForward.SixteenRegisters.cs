using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// The tiles of the 16-register widths (Vector256, Vector128), whose tiles have at most six outputs: their loop takes
/// eight inputs per iteration, with a hint after every two. A loop of one input ran 27 instructions per 12 FMAs (two
/// panel loads, six broadcasts, the hint and its address, the pointer and the count) and ran front-end bound on Zen 3;
/// two inputs per iteration ran 23, four 22 (88 per iteration), and eight with the count run up to 0 on the weight
/// rows' ends (no compare: it is the weights' index as it is) 21.4 (171 per iteration, no spill). Each accumulator
/// still adds input i, then i + 1, … i + 7, so the sums are those of the one-input loop, bit for bit.
/// </summary>
internal static partial class PanelForward<TWidth, TVector>
{
    /// <summary>The most outputs of a <see cref="SixteenRegisterTile{TOutputs}"/>: the 16 registers' 12 accumulators.</summary>
    private const int SixteenRegisterTileOutputs = 6;

    private static void SixteenRegisterTile(int count, ref float w, ref float bias, ref float x, ref float target, int inputs, int length, bool start, bool relu, nuint ahead)
    {
        switch (count)
        {
            case 6:
                SixteenRegisterTile<Six>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 5:
                SixteenRegisterTile<Five>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 4:
                SixteenRegisterTile<Four>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 3:
                SixteenRegisterTile<Three>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 2:
                SixteenRegisterTile<Two>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            default:
                SixteenRegisterTile<One>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
        }
    }

    /// <summary>
    /// As <see cref="Tile{TOutputs}"/> with at most six outputs, eight inputs per iteration and a hint of a whole line
    /// after every two (<see cref="AheadStride"/> per input, so the lines fetched are the same; one hint of a line per
    /// four fetched half of them, and N4 lost 2–3 %). The one to seven inputs left go through the one-input loop from
    /// the sums stored: such chunks are rare (none in the suite's networks), and the sums keep their order.
    /// </summary>
    private static void SixteenRegisterTile<TOutputs>(ref float w0, ref float bias, ref float input, ref float target, int inputs, int length, bool start, bool relu, nuint ahead)
        where TOutputs : struct, ITileOutputs
    {
        var n = (nuint)inputs;
        var lanes = (nuint)TWidth.Count;
        var outputs = TOutputs.Count;
        ref var w1 = ref Unsafe.Add(ref w0, outputs > 1 ? n : 0);
        ref var w2 = ref Unsafe.Add(ref w1, outputs > 2 ? n : 0);
        ref var w3 = ref Unsafe.Add(ref w2, outputs > 3 ? n : 0);
        ref var w4 = ref Unsafe.Add(ref w3, outputs > 4 ? n : 0);
        ref var w5 = ref Unsafe.Add(ref w4, outputs > 5 ? n : 0);
        TVector lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3, lo4, hi4, lo5, hi5;
        if (start)
        {
            lo0 = TWidth.Broadcast(Unsafe.Add(ref bias, 0));
            hi0 = lo0;
            lo1 = outputs > 1 ? TWidth.Broadcast(Unsafe.Add(ref bias, 1)) : TWidth.Zero;
            hi1 = lo1;
            lo2 = outputs > 2 ? TWidth.Broadcast(Unsafe.Add(ref bias, 2)) : TWidth.Zero;
            hi2 = lo2;
            lo3 = outputs > 3 ? TWidth.Broadcast(Unsafe.Add(ref bias, 3)) : TWidth.Zero;
            hi3 = lo3;
            lo4 = outputs > 4 ? TWidth.Broadcast(Unsafe.Add(ref bias, 4)) : TWidth.Zero;
            hi4 = lo4;
            lo5 = outputs > 5 ? TWidth.Broadcast(Unsafe.Add(ref bias, 5)) : TWidth.Zero;
            hi5 = lo5;
        }
        else
        {
            lo0 = Sum(ref target, 0, 0);
            hi0 = Sum(ref target, 0, 1);
            lo1 = outputs > 1 ? Sum(ref target, 1, 0) : TWidth.Zero;
            hi1 = outputs > 1 ? Sum(ref target, 1, 1) : TWidth.Zero;
            lo2 = outputs > 2 ? Sum(ref target, 2, 0) : TWidth.Zero;
            hi2 = outputs > 2 ? Sum(ref target, 2, 1) : TWidth.Zero;
            lo3 = outputs > 3 ? Sum(ref target, 3, 0) : TWidth.Zero;
            hi3 = outputs > 3 ? Sum(ref target, 3, 1) : TWidth.Zero;
            lo4 = outputs > 4 ? Sum(ref target, 4, 0) : TWidth.Zero;
            hi4 = outputs > 4 ? Sum(ref target, 4, 1) : TWidth.Zero;
            lo5 = outputs > 5 ? Sum(ref target, 5, 0) : TWidth.Zero;
            hi5 = outputs > 5 ? Sum(ref target, 5, 1) : TWidth.Zero;
        }

        if (start)
        {
            // The tile's outputs, stored only after its loop: their lines on the way meanwhile.
            for (nuint line = 0; line < (nuint)(outputs * 2) * lanes; line += (nuint)CacheLines.LineFloats)
            {
                CachePrefetch.Line(ref Unsafe.Add(ref target, line));
            }
        }

        // The count runs from −octets up to 0 on the weight rows' ends (a reference at most one past a row's end, where
        // the next row or the biases start): it is the weights' index as it is and needs no compare. The hint address
        // takes one add per iteration and its other lines a lea each: the JIT folds no displacement into a prefetch.
        // The hints' line is a local: with AheadStride in the loop, the JIT's inlining budget ran out on six outputs,
        // left a call in the loop and spilled every accumulator.
        ref var x = ref input;
        var octets = (nuint)length & ~(nuint)7;
        ref var e0 = ref Unsafe.Add(ref w0, octets);
        ref var e1 = ref Unsafe.Add(ref w1, octets);
        ref var e2 = ref Unsafe.Add(ref w2, octets);
        ref var e3 = ref Unsafe.Add(ref w3, octets);
        ref var e4 = ref Unsafe.Add(ref w4, octets);
        ref var e5 = ref Unsafe.Add(ref w5, octets);
        var hint = ahead;
        var hintLine = 2 * AheadStride;
        for (var i = -(nint)octets; i != 0; i += 8)
        {
            AddInput<TOutputs>(ref x, i, 0, ref e0, ref e1, ref e2, ref e3, ref e4, ref e5, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref lo3, ref hi3, ref lo4, ref hi4, ref lo5, ref hi5);
            AddInput<TOutputs>(ref x, i, 1, ref e0, ref e1, ref e2, ref e3, ref e4, ref e5, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref lo3, ref hi3, ref lo4, ref hi4, ref lo5, ref hi5);
            CachePrefetch.LineToL2(hint);
            AddInput<TOutputs>(ref x, i, 2, ref e0, ref e1, ref e2, ref e3, ref e4, ref e5, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref lo3, ref hi3, ref lo4, ref hi4, ref lo5, ref hi5);
            AddInput<TOutputs>(ref x, i, 3, ref e0, ref e1, ref e2, ref e3, ref e4, ref e5, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref lo3, ref hi3, ref lo4, ref hi4, ref lo5, ref hi5);
            CachePrefetch.LineToL2(hint + (1 * hintLine));
            AddInput<TOutputs>(ref x, i, 4, ref e0, ref e1, ref e2, ref e3, ref e4, ref e5, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref lo3, ref hi3, ref lo4, ref hi4, ref lo5, ref hi5);
            AddInput<TOutputs>(ref x, i, 5, ref e0, ref e1, ref e2, ref e3, ref e4, ref e5, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref lo3, ref hi3, ref lo4, ref hi4, ref lo5, ref hi5);
            CachePrefetch.LineToL2(hint + (2 * hintLine));
            AddInput<TOutputs>(ref x, i, 6, ref e0, ref e1, ref e2, ref e3, ref e4, ref e5, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref lo3, ref hi3, ref lo4, ref hi4, ref lo5, ref hi5);
            AddInput<TOutputs>(ref x, i, 7, ref e0, ref e1, ref e2, ref e3, ref e4, ref e5, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref lo3, ref hi3, ref lo4, ref hi4, ref lo5, ref hi5);
            CachePrefetch.LineToL2(hint + (3 * hintLine));
            hint += 4 * hintLine;
            x = ref Unsafe.Add(ref x, 16 * lanes);
        }

        var rest = (int)((nuint)length - octets);
        var reluNow = relu && rest == 0;
        Store(lo0, hi0, ref target, 0, reluNow);
        if (outputs > 1)
        {
            Store(lo1, hi1, ref target, 1, reluNow);
        }

        if (outputs > 2)
        {
            Store(lo2, hi2, ref target, 2, reluNow);
        }

        if (outputs > 3)
        {
            Store(lo3, hi3, ref target, 3, reluNow);
        }

        if (outputs > 4)
        {
            Store(lo4, hi4, ref target, 4, reluNow);
        }

        if (outputs > 5)
        {
            Store(lo5, hi5, ref target, 5, reluNow);
        }

        if (rest > 0)
        {
            Tile<TOutputs>(ref e0, ref bias, ref x, ref target, inputs, rest, false, relu, hint);
        }
    }

    /// <summary>
    /// Input <paramref name="i"/> + <paramref name="k"/> of a tile's loop of eight, whose panel vectors lie
    /// 2·<paramref name="k"/> vectors on from <paramref name="x"/>: each of the tile's outputs adds its weight times them.
    /// Inlined, the accumulators stay in registers; <paramref name="k"/> a constant and <paramref name="i"/> the loop's
    /// own count, so the JIT folds k into each address (given i + k or a moved reference, it spent a lea on each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddInput<TOutputs>(ref float x, nint i, nuint k, ref float w0, ref float w1, ref float w2, ref float w3, ref float w4, ref float w5, ref TVector lo0, ref TVector hi0, ref TVector lo1, ref TVector hi1, ref TVector lo2, ref TVector hi2, ref TVector lo3, ref TVector hi3, ref TVector lo4, ref TVector hi4, ref TVector lo5, ref TVector hi5)
        where TOutputs : struct, ITileOutputs
    {
        var lanes = (nuint)TWidth.Count;
        var x0 = TWidth.Load(ref x, 2 * k * lanes);
        var x1 = TWidth.Load(ref x, ((2 * k) + 1) * lanes);
        AddOutput(true, ref w0, i + (nint)k, x0, x1, ref lo0, ref hi0);
        AddOutput(TOutputs.Count > 1, ref w1, i + (nint)k, x0, x1, ref lo1, ref hi1);
        AddOutput(TOutputs.Count > 2, ref w2, i + (nint)k, x0, x1, ref lo2, ref hi2);
        AddOutput(TOutputs.Count > 3, ref w3, i + (nint)k, x0, x1, ref lo3, ref hi3);
        AddOutput(TOutputs.Count > 4, ref w4, i + (nint)k, x0, x1, ref lo4, ref hi4);
        AddOutput(TOutputs.Count > 5, ref w5, i + (nint)k, x0, x1, ref lo5, ref hi5);
    }

    /// <summary>One output's weight for input <paramref name="i"/> times both panel vectors, if the tile has the output (a JIT constant).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddOutput(bool used, ref float weights, nint i, TVector x0, TVector x1, ref TVector low, ref TVector high)
    {
        if (used)
        {
            var w = TWidth.Broadcast(Unsafe.Add(ref weights, i));
            low = TWidth.MultiplyAdd(w, x0, low);
            high = TWidth.MultiplyAdd(w, x1, high);
        }
    }
}
