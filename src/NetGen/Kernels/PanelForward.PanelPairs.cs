using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// Layers of one to three outputs at the 16-register widths (N1's 16 → 2): a tile of theirs has two to six
/// accumulators, each a chain of dependent multiply-adds as long as the inputs, and the tiles of consecutive panels
/// barely overlap. A pair tile walks two panels at once with the same weights, twice the chains in one loop; each
/// accumulator still adds the bias, then input by input, so the sums are those of a tile per panel, bit for bit.
/// </summary>
internal static partial class PanelForward<TWidth, TVector>
{
    /// <summary>The most outputs of a <see cref="PairTile{TOutputs}"/>: two panels' accumulators in the 12 of a tile.</summary>
    private const int PairTileOutputs = SixteenRegisterTileOutputs / 2;

    /// <summary>Whether a layer's panels go two by two through <see cref="PairTile"/>: one tile, few outputs, one chunk of whole quads.</summary>
    private static bool PairsPanels(int outputs, int inputs, int chunk) =>
        MaxTile <= SixteenRegisterTileOutputs && outputs <= PairTileOutputs && inputs <= chunk && (inputs & 3) == 0;

    private static void PairTile(int count, ref float w, ref float bias, ref float x, ref float target, int inputs, int outputs, bool relu, nuint ahead)
    {
        switch (count)
        {
            case 3:
                PairTile<Three>(ref w, ref bias, ref x, ref target, inputs, outputs, relu, ahead);
                break;
            case 2:
                PairTile<Two>(ref w, ref bias, ref x, ref target, inputs, outputs, relu, ahead);
                break;
            default:
                PairTile<One>(ref w, ref bias, ref x, ref target, inputs, outputs, relu, ahead);
                break;
        }
    }

    /// <summary>
    /// As <see cref="SixteenRegisterTile{TOutputs}"/> from the bias over all <paramref name="inputs"/> (a multiple of four),
    /// on the panel at <paramref name="input"/> and the next one (<paramref name="inputs"/> panel rows on, its outputs
    /// <paramref name="outputs"/> panel rows after <paramref name="target"/>); the hints are those of one panel's tile,
    /// which the next panel's tile would repeat.
    /// </summary>
    private static void PairTile<TOutputs>(ref float w0, ref float bias, ref float input, ref float target, int inputs, int outputs, bool relu, nuint ahead)
        where TOutputs : struct, ITileOutputs
    {
        var count = TOutputs.Count;
        var (n, lanes) = ((nuint)inputs, (nuint)TWidth.Count);
        ref var nextTarget = ref Unsafe.Add(ref target, (nuint)outputs * 2 * lanes);
        ref var w1 = ref Unsafe.Add(ref w0, count > 1 ? n : 0);
        ref var w2 = ref Unsafe.Add(ref w1, count > 2 ? n : 0);
        var lo0 = TWidth.Broadcast(Unsafe.Add(ref bias, 0));
        var lo1 = count > 1 ? TWidth.Broadcast(Unsafe.Add(ref bias, 1)) : TWidth.Zero;
        var lo2 = count > 2 ? TWidth.Broadcast(Unsafe.Add(ref bias, 2)) : TWidth.Zero;
        var (hi0, hi1, hi2) = (lo0, lo1, lo2);
        var (nextLo0, nextHi0, nextLo1, nextHi1, nextLo2, nextHi2) = (lo0, lo0, lo1, lo1, lo2, lo2);
        for (nuint line = 0; line < (nuint)(count * 2) * lanes; line += (nuint)CacheLines.LineFloats)
        {
            CachePrefetch.Line(ref Unsafe.Add(ref target, line));
            CachePrefetch.Line(ref Unsafe.Add(ref nextTarget, line));
        }

        ref var x = ref input;
        ref var nextX = ref Unsafe.Add(ref input, n * 2 * lanes);
        var hint = ahead;
        for (nuint i = 0; i < n; i += 4)
        {
            AddPairInput<TOutputs>(ref x, ref nextX, i, 0, ref w0, ref w1, ref w2, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref nextLo0, ref nextHi0, ref nextLo1, ref nextHi1, ref nextLo2, ref nextHi2);
            AddPairInput<TOutputs>(ref x, ref nextX, i, 1, ref w0, ref w1, ref w2, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref nextLo0, ref nextHi0, ref nextLo1, ref nextHi1, ref nextLo2, ref nextHi2);
            CachePrefetch.LineToL2(hint);
            hint += 2 * AheadStride;
            AddPairInput<TOutputs>(ref x, ref nextX, i, 2, ref w0, ref w1, ref w2, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref nextLo0, ref nextHi0, ref nextLo1, ref nextHi1, ref nextLo2, ref nextHi2);
            AddPairInput<TOutputs>(ref x, ref nextX, i, 3, ref w0, ref w1, ref w2, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref nextLo0, ref nextHi0, ref nextLo1, ref nextHi1, ref nextLo2, ref nextHi2);
            CachePrefetch.LineToL2(hint);
            hint += 2 * AheadStride;
            x = ref Unsafe.Add(ref x, 8 * lanes);
            nextX = ref Unsafe.Add(ref nextX, 8 * lanes);
        }

        Store(lo0, hi0, ref target, 0, relu);
        Store(nextLo0, nextHi0, ref nextTarget, 0, relu);
        if (count > 1)
        {
            Store(lo1, hi1, ref target, 1, relu);
            Store(nextLo1, nextHi1, ref nextTarget, 1, relu);
        }

        if (count > 2)
        {
            Store(lo2, hi2, ref target, 2, relu);
            Store(nextLo2, nextHi2, ref nextTarget, 2, relu);
        }
    }

    /// <summary>
    /// Input <paramref name="i"/> + <paramref name="k"/> of a pair tile's loop on both panels through
    /// <see cref="AddInput{TOutputs}"/>, whose outputs three to five are not the tile's (a JIT constant): never read or written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddPairInput<TOutputs>(ref float x, ref float nextX, nuint i, nuint k, ref float w0, ref float w1, ref float w2, ref TVector lo0, ref TVector hi0, ref TVector lo1, ref TVector hi1, ref TVector lo2, ref TVector hi2, ref TVector nextLo0, ref TVector nextHi0, ref TVector nextLo1, ref TVector nextHi1, ref TVector nextLo2, ref TVector nextHi2)
        where TOutputs : struct, ITileOutputs
    {
        var unused = TWidth.Zero;
        AddInput<TOutputs>(ref x, (nint)i, k, ref w0, ref w1, ref w2, ref w2, ref w2, ref w2, ref lo0, ref hi0, ref lo1, ref hi1, ref lo2, ref hi2, ref unused, ref unused, ref unused, ref unused, ref unused, ref unused);
        AddInput<TOutputs>(ref nextX, (nint)i, k, ref w0, ref w1, ref w2, ref w2, ref w2, ref w2, ref nextLo0, ref nextHi0, ref nextLo1, ref nextHi1, ref nextLo2, ref nextHi2, ref unused, ref unused, ref unused, ref unused, ref unused, ref unused);
    }
}
