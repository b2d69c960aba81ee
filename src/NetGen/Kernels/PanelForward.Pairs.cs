using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// The tiles of the 16-register widths (Vector256, Vector128), whose tiles have at most six outputs: their loop takes
/// two inputs per iteration, with one hint per two. A loop of one input ran 27 instructions per 12 FMAs (two panel
/// loads, six broadcasts, the hint and its address, the pointer and the count) and ran front-end bound on Zen 3;
/// two inputs share the hint, the pointer and the count. Each accumulator still adds input i, then i + 1, so the sums
/// are those of the one-input loop, bit for bit.
/// </summary>
internal static partial class PanelForward<TWidth, TVector>
{
    /// <summary>The most outputs of a <see cref="PairedTile{TOutputs}"/>: the 16 registers' 12 accumulators.</summary>
    private const int PairedTileOutputs = 6;

    private static void PairedTile(int count, ref float w, ref float bias, ref float x, ref float target, int inputs, int length, bool start, bool relu, nuint ahead)
    {
        switch (count)
        {
            case 6:
                PairedTile<Six>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 5:
                PairedTile<Five>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 4:
                PairedTile<Four>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 3:
                PairedTile<Three>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 2:
                PairedTile<Two>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            default:
                PairedTile<One>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
        }
    }

    /// <summary>
    /// As <see cref="Tile{TOutputs}"/> with at most six outputs, two inputs per iteration and a hint of a whole line per
    /// two (<see cref="AheadStride"/> per input, so the lines fetched are the same). An odd input left goes through the
    /// one-input loop from the sums stored: odd chunks are rare, and the sums keep their order.
    /// </summary>
    private static void PairedTile<TOutputs>(ref float w0, ref float bias, ref float input, ref float target, int inputs, int length, bool start, bool relu, nuint ahead)
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

        ref var x = ref input;
        var pairs = (nuint)length & ~(nuint)1;
        var hint = ahead;
        var hintStep = 2 * AheadStride;
        nuint i = 0;
        for (; i < pairs; i += 2)
        {
            {
                var x0 = TWidth.Load(ref x, 0);
                var x1 = TWidth.Load(ref x, lanes);
                var w = TWidth.Broadcast(Unsafe.Add(ref w0, i));
                lo0 = TWidth.MultiplyAdd(w, x0, lo0);
                hi0 = TWidth.MultiplyAdd(w, x1, hi0);
                if (outputs > 1)
                {
                    w = TWidth.Broadcast(Unsafe.Add(ref w1, i));
                    lo1 = TWidth.MultiplyAdd(w, x0, lo1);
                    hi1 = TWidth.MultiplyAdd(w, x1, hi1);
                }

                if (outputs > 2)
                {
                    w = TWidth.Broadcast(Unsafe.Add(ref w2, i));
                    lo2 = TWidth.MultiplyAdd(w, x0, lo2);
                    hi2 = TWidth.MultiplyAdd(w, x1, hi2);
                }

                if (outputs > 3)
                {
                    w = TWidth.Broadcast(Unsafe.Add(ref w3, i));
                    lo3 = TWidth.MultiplyAdd(w, x0, lo3);
                    hi3 = TWidth.MultiplyAdd(w, x1, hi3);
                }

                if (outputs > 4)
                {
                    w = TWidth.Broadcast(Unsafe.Add(ref w4, i));
                    lo4 = TWidth.MultiplyAdd(w, x0, lo4);
                    hi4 = TWidth.MultiplyAdd(w, x1, hi4);
                }

                if (outputs > 5)
                {
                    w = TWidth.Broadcast(Unsafe.Add(ref w5, i));
                    lo5 = TWidth.MultiplyAdd(w, x0, lo5);
                    hi5 = TWidth.MultiplyAdd(w, x1, hi5);
                }
            }

            {
                var x0 = TWidth.Load(ref x, 2 * lanes);
                var x1 = TWidth.Load(ref x, 3 * lanes);
                var w = TWidth.Broadcast(Unsafe.Add(ref w0, i + 1));
                lo0 = TWidth.MultiplyAdd(w, x0, lo0);
                hi0 = TWidth.MultiplyAdd(w, x1, hi0);
                if (outputs > 1)
                {
                    w = TWidth.Broadcast(Unsafe.Add(ref w1, i + 1));
                    lo1 = TWidth.MultiplyAdd(w, x0, lo1);
                    hi1 = TWidth.MultiplyAdd(w, x1, hi1);
                }

                if (outputs > 2)
                {
                    w = TWidth.Broadcast(Unsafe.Add(ref w2, i + 1));
                    lo2 = TWidth.MultiplyAdd(w, x0, lo2);
                    hi2 = TWidth.MultiplyAdd(w, x1, hi2);
                }

                if (outputs > 3)
                {
                    w = TWidth.Broadcast(Unsafe.Add(ref w3, i + 1));
                    lo3 = TWidth.MultiplyAdd(w, x0, lo3);
                    hi3 = TWidth.MultiplyAdd(w, x1, hi3);
                }

                if (outputs > 4)
                {
                    w = TWidth.Broadcast(Unsafe.Add(ref w4, i + 1));
                    lo4 = TWidth.MultiplyAdd(w, x0, lo4);
                    hi4 = TWidth.MultiplyAdd(w, x1, hi4);
                }

                if (outputs > 5)
                {
                    w = TWidth.Broadcast(Unsafe.Add(ref w5, i + 1));
                    lo5 = TWidth.MultiplyAdd(w, x0, lo5);
                    hi5 = TWidth.MultiplyAdd(w, x1, hi5);
                }
            }

            CachePrefetch.LineToL2(hint);
            hint += hintStep;
            x = ref Unsafe.Add(ref x, 4 * lanes);
        }

        var odd = i < (nuint)length;
        var reluNow = relu && !odd;
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

        if (odd)
        {
            Tile<TOutputs>(ref Unsafe.Add(ref w0, i), ref bias, ref x, ref target, inputs, 1, false, relu, hint);
        }
    }
}
