using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// The backward pass of a block of rows as two register-blocked products, each tile twelve accumulators (four rows
/// by three vectors) fed by one broadcast at a time: dX = δ·W here, panels of three vectors of inputs walked down
/// the weight rows for four batch rows at once; then dW = δᵀ·X (<c>DenseBackward.WeightGradients.cs</c>). dX runs
/// first, so it sees the weights as they were. Both go in blocks whose operands stay in L1, in an order that keeps
/// each sum as one pass would add it.
/// </summary>
internal static partial class DenseBackward<TWidth, TVector>
{
    /// <summary>The bytes of a panel's strip of weight rows that stay in L1 while every row of the block passes.</summary>
    private const int StripBytes = 16 * 1024;

    /// <summary>The bytes of dX's copy of a strip when the strips go outside the panels (L1's 32 KiB hold it, δ's four rows and dx's).</summary>
    private const int OuterStripBytes = 24 * 1024;

    /// <summary>
    /// dxᵣ = Wᵀδᵣ for two or more rows. For each panel of inputs the weight rows go in strips of equal length, each
    /// strip copied into a contiguous buffer that stays in L1 while every tile of batch rows walks it (walked in place,
    /// a strip of rows a power of two apart falls into a few cache sets and evicts itself). The first tile of four rows
    /// reads the strip in place and writes the copy as it goes, so the copy's loads overlap its multiply-adds instead
    /// of stalling a pass of their own; the first three tiles each fetch one line of every weight row of the next
    /// strip. A tile's accumulators start from what the strip before left in dx, so each sum runs in the order of one
    /// pass. dx is written rather than added to on the first strip, so the last panel may overlap the one before: a
    /// value computed twice is stored twice. Where no panel overlaps another (below Vector512, inputs one vector past a
    /// multiple of three: the last four vectors in two panels of two), the strips go outside instead, every panel of
    /// a strip before the next strip, each value still one sum in weight-row order. Rows past the last four go one by
    /// one, on the weights in place when there are fewer than four.
    /// </summary>
    [SkipLocalsInit]
    private static void InputGradients(ref float weights, ref float delta, ref float dx, int inputs, int outputs, int rows)
    {
        var n = (nuint)inputs;
        var m = (nuint)outputs;
        var count = (nuint)TWidth.Count;
        var panel = n >= 3 * count ? 3 * count : count;
        // Two vectors left after the panels of three (512 inputs on Vector512: 10 × 3 + 2): a panel of two, where a
        // third panel overlapping the one before would compute a vector of every row twice. One vector left (below
        // Vector512, 512 inputs are 21 × 3 + 1): the last four vectors as two panels of two, and with no panel
        // overlapping another the strips go outside the panels (every panel of a strip before the next strip), in
        // strips of up to 24 KiB: a strip's rows stay in L2 while each panel's copying tile reads its own lines of them.
        var pair = panel == 3 * count && n % panel == 2 * count;
        var stripsOuter = panel == 3 * count && count < 16 && n % panel == count;
        var stripBytes = stripsOuter ? OuterStripBytes : StripBytes;
        var longest = (nuint)stripBytes / (panel * sizeof(float));
        var strip = Share(m, Share(m, longest));
        var blocks = (nuint)rows - ((nuint)rows % 4);
        var buffer = blocks > 0 ? CacheLines.Align(stackalloc float[(stripBytes / sizeof(float)) + CacheLines.Slack]) : default;
        ref var packed = ref MemoryMarshal.GetReference(buffer);
        if (panel == count)
        {
            for (nuint i = 0; i < n; i += count)
            {
                var at = Math.Min(i, n - count);
                for (nuint o = 0; o < m; o += strip)
                {
                    InputPanel1(ref Unsafe.Add(ref weights, (o * n) + at), ref packed, ref Unsafe.Add(ref delta, o), ref Unsafe.Add(ref dx, at), n, m, (nuint)rows, blocks, Math.Min(strip, m - o), o == 0);
                }
            }

            return;
        }

        for (nuint i = 0, o = 0; ;)
        {
            var width = PanelWidth(n, i, panel, pair, stripsOuter);
            var at = Math.Min(i, n - width);
            var length = Math.Min(strip, m - o);
            ref var inPlace = ref Unsafe.Add(ref weights, (o * n) + at);
            ref var d = ref Unsafe.Add(ref delta, o);
            var first = o == 0;

            // The strip after this one, in the order of the loops: the rest of this panel, then the next panel's
            // first (or, strips outside, the next panel's strip of the same rows, then the next strip's first panel).
            // The tiles hint at as many rows as this strip has, so a shorter next strip (the panel's last) is fetched
            // from as many rows before it: every hint stays inside the weights.
            nuint nextO, nextI;
            bool fetching;
            if (stripsOuter)
            {
                nextI = i + width < n ? i + width : 0;
                nextO = nextI == 0 ? o + strip : o;
                fetching = nextO < m;
            }
            else
            {
                nextO = o + strip < m ? o + strip : 0;
                nextI = nextO == 0 ? i + width : i;
                fetching = nextI < n;
            }

            var nextWidth = fetching ? PanelWidth(n, nextI, panel, pair, stripsOuter) : panel;
            var back = fetching ? length - Math.Min(length, m - nextO) : 0;
            ref var next = ref fetching ? ref Unsafe.Add(ref weights, ((nextO - back) * n) + Math.Min(nextI, n - nextWidth)) : ref weights;
            for (nuint r = 0; r < (nuint)rows; r += r < blocks ? 4u : 1u)
            {
                ref var dr = ref Unsafe.Add(ref d, r * m);
                ref var xr = ref Unsafe.Add(ref dx, (r * n) + at);
                if (r < blocks)
                {
                    // Tiles 0 to 2 fetch the lines of the next strip's first, middle and last floats; the others
                    // hint at a line of the copy, which is in L1.
                    var tile = r / 4;
                    var ahead = fetching && tile < 3;
                    ref var line = ref ahead ? ref Unsafe.Add(ref next, tile == 0 ? 0 : tile == 1 ? nextWidth / 2 : nextWidth - 1) : ref packed;
                    if (width == 2 * count)
                    {
                        if (r == 0)
                        {
                            InputTile4<Copying, NoThirdVector>(ref inPlace, n, ref dr, ref xr, n, m, length, first, ref packed, ref line, ahead ? n : 0);
                        }
                        else
                        {
                            InputTile4<NotCopying, NoThirdVector>(ref packed, width, ref dr, ref xr, n, m, length, first, ref packed, ref line, ahead ? n : 0);
                        }
                    }
                    else if (r == 0)
                    {
                        InputTile4<Copying, ThirdVector>(ref inPlace, n, ref dr, ref xr, n, m, length, first, ref packed, ref line, ahead ? n : 0);
                    }
                    else
                    {
                        InputTile4<NotCopying, ThirdVector>(ref packed, panel, ref dr, ref xr, n, m, length, first, ref packed, ref line, ahead ? n : 0);
                    }
                }
                else if (width == 2 * count)
                {
                    ref var w = ref blocks > 0 ? ref packed : ref inPlace;
                    var stride = blocks > 0 ? width : n;
                    InputTile1x1(ref w, stride, ref dr, ref xr, length, first);
                    InputTile1x1(ref Unsafe.Add(ref w, count), stride, ref dr, ref Unsafe.Add(ref xr, count), length, first);
                }
                else
                {
                    InputTile1x3(ref blocks > 0 ? ref packed : ref inPlace, blocks > 0 ? panel : n, ref dr, ref xr, length, first);
                }
            }

            if (!fetching)
            {
                return;
            }

            (i, o) = (nextI, nextO);
        }
    }

    /// <summary>The width of the panel at input <paramref name="i"/>: two vectors where the inputs end in a pair of them, else <paramref name="panel"/>.</summary>
    private static nuint PanelWidth(nuint n, nuint i, nuint panel, bool pair, bool pairs)
    {
        var count = (nuint)TWidth.Count;
        return (pair && n - i == 2 * count) || (pairs && n - i <= 4 * count) ? 2 * count : panel;
    }

    /// <summary>One panel of one vector for every row: the strip copied first when there are tiles of four rows to share it.</summary>
    private static void InputPanel1(ref float inPlace, ref float packed, ref float delta, ref float dx, nuint n, nuint m, nuint rows, nuint blocks, nuint length, bool first)
    {
        var count = (nuint)TWidth.Count;
        ref var w = ref inPlace;
        var stride = n;
        if (blocks > 0)
        {
            Pack(ref inPlace, n, ref packed, count, length);
            w = ref packed;
            stride = count;
        }

        for (nuint r = 0; r < rows; r += r < blocks ? 4u : 1u)
        {
            ref var dr = ref Unsafe.Add(ref delta, r * m);
            ref var xr = ref Unsafe.Add(ref dx, r * n);
            if (r < blocks)
            {
                InputTile4x1(ref w, stride, ref dr, ref xr, n, m, length, first);
            }
            else
            {
                InputTile1x1(ref w, stride, ref dr, ref xr, length, first);
            }
        }
    }

    /// <summary><paramref name="total"/> in <paramref name="parts"/> parts, rounded up.</summary>
    private static nuint Share(nuint total, nuint parts) => (total + parts - 1) / parts;

    /// <summary><paramref name="length"/> rows of <paramref name="width"/> weights, <paramref name="stride"/> apart, into consecutive rows of <paramref name="packed"/>.</summary>
    private static void Pack(ref float weights, nuint stride, ref float packed, nuint width, nuint length)
    {
        var count = (nuint)TWidth.Count;
        for (nuint o = 0; o < length; o++)
        {
            ref var source = ref Unsafe.Add(ref weights, o * stride);
            ref var target = ref Unsafe.Add(ref packed, o * width);
            for (nuint k = 0; k < width; k += count)
            {
                TWidth.Store(TWidth.Load(ref source, k), ref target, k);
            }
        }
    }

    /// <summary>
    /// Four rows by three vectors of dx (two where <typeparamref name="TThird"/> says not: the panel that ends a row two
    /// vectors past a multiple of three) over <paramref name="length"/> weight rows, from zero or from what dx holds;
    /// writes the weights it reads into <paramref name="copy"/> when <typeparamref name="TCopy"/> says so, and hints at
    /// one line per weight row from <paramref name="ahead"/>, <paramref name="aheadStride"/> apart.
    /// </summary>
    private static void InputTile4<TCopy, TThird>(ref float w, nuint stride, ref float delta, ref float dx, nuint n, nuint m, nuint length, bool first,
        ref float copy, ref float ahead, nuint aheadStride)
        where TCopy : struct, IFlag
        where TThird : struct, IFlag
    {
        var c = (nuint)TWidth.Count;
        var third = TThird.Enabled;
        ref var x1 = ref Unsafe.Add(ref dx, n);
        ref var x2 = ref Unsafe.Add(ref x1, n);
        ref var x3 = ref Unsafe.Add(ref x2, n);
        TVector a00 = Start(ref dx, 0, first), a01 = Start(ref dx, c, first), a02 = third ? Start(ref dx, 2 * c, first) : TWidth.Zero;
        TVector a10 = Start(ref x1, 0, first), a11 = Start(ref x1, c, first), a12 = third ? Start(ref x1, 2 * c, first) : TWidth.Zero;
        TVector a20 = Start(ref x2, 0, first), a21 = Start(ref x2, c, first), a22 = third ? Start(ref x2, 2 * c, first) : TWidth.Zero;
        TVector a30 = Start(ref x3, 0, first), a31 = Start(ref x3, c, first), a32 = third ? Start(ref x3, 2 * c, first) : TWidth.Zero;
        ref var d1 = ref Unsafe.Add(ref delta, m);
        ref var d2 = ref Unsafe.Add(ref d1, m);
        ref var d3 = ref Unsafe.Add(ref d2, m);
        ref var wo = ref w;
        // Below Vector512 the weight rows go two at a time: half the loop's exits and counters (each sum in row order still).
        nuint o = 0;
        if (c < 16)
        {
            for (; o + 2 <= length; o += 2)
            {
                InputRow<TCopy>(ref wo, ref copy, ref ahead, ref Unsafe.Add(ref delta, o), ref Unsafe.Add(ref d1, o), ref Unsafe.Add(ref d2, o), ref Unsafe.Add(ref d3, o), c, third,
                    ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32);
                InputRow<TCopy>(ref Unsafe.Add(ref wo, stride), ref Unsafe.Add(ref copy, (third ? 3u : 2u) * c), ref Unsafe.Add(ref ahead, aheadStride),
                    ref Unsafe.Add(ref delta, o + 1), ref Unsafe.Add(ref d1, o + 1), ref Unsafe.Add(ref d2, o + 1), ref Unsafe.Add(ref d3, o + 1), c, third,
                    ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32);
                wo = ref Unsafe.Add(ref wo, 2 * stride);
                copy = ref Unsafe.Add(ref copy, TCopy.Enabled ? (third ? 6u : 4u) * c : 0);
                ahead = ref Unsafe.Add(ref ahead, 2 * aheadStride);
            }
        }

        for (; o < length; o++)
        {
            InputRow<TCopy>(ref wo, ref copy, ref ahead, ref Unsafe.Add(ref delta, o), ref Unsafe.Add(ref d1, o), ref Unsafe.Add(ref d2, o), ref Unsafe.Add(ref d3, o), c, third,
                ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32);
            wo = ref Unsafe.Add(ref wo, stride);
            copy = ref Unsafe.Add(ref copy, TCopy.Enabled ? (third ? 3u : 2u) * c : 0);
            ahead = ref Unsafe.Add(ref ahead, aheadStride);
        }

        Store(ref dx, c, a00, a01, a02, third);
        Store(ref x1, c, a10, a11, a12, third);
        Store(ref x2, c, a20, a21, a22, third);
        Store(ref x3, c, a30, a31, a32, third);
    }

    /// <summary>One weight row of a dX tile of four rows: its vectors loaded (and copied), one line hinted, four broadcasts of δ, twelve or eight multiply-adds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InputRow<TCopy>(ref float wo, ref float copy, ref float ahead, ref float e0, ref float e1, ref float e2, ref float e3, nuint c, bool third,
        ref TVector a00, ref TVector a01, ref TVector a02, ref TVector a10, ref TVector a11, ref TVector a12,
        ref TVector a20, ref TVector a21, ref TVector a22, ref TVector a30, ref TVector a31, ref TVector a32)
        where TCopy : struct, IFlag
    {
        var w0 = TWidth.Load(ref wo, 0);
        var w1 = TWidth.Load(ref wo, c);
        var w2 = third ? TWidth.Load(ref wo, 2 * c) : TWidth.Zero;
        if (TCopy.Enabled)
        {
            Store(ref copy, c, w0, w1, w2, third);
        }

        CachePrefetch.Line(ref ahead);
        AddProducts(ref a00, ref a01, ref a02, w0, w1, w2, TWidth.Broadcast(e0), third);
        AddProducts(ref a10, ref a11, ref a12, w0, w1, w2, TWidth.Broadcast(e1), third);
        AddProducts(ref a20, ref a21, ref a22, w0, w1, w2, TWidth.Broadcast(e2), third);
        AddProducts(ref a30, ref a31, ref a32, w0, w1, w2, TWidth.Broadcast(e3), third);
    }

    /// <summary>Each accumulator plus its vector times <paramref name="b"/>; the third left as it is where <paramref name="third"/> is false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddProducts(ref TVector a0, ref TVector a1, ref TVector a2, TVector v0, TVector v1, TVector v2, TVector b, bool third)
    {
        a0 = TWidth.MultiplyAdd(v0, b, a0);
        a1 = TWidth.MultiplyAdd(v1, b, a1);
        a2 = third ? TWidth.MultiplyAdd(v2, b, a2) : a2;
    }

    private static void InputTile4x1(ref float w, nuint stride, ref float delta, ref float dx, nuint n, nuint m, nuint length, bool first)
    {
        TVector a0 = Start(ref dx, 0, first), a1 = Start(ref dx, n, first), a2 = Start(ref dx, 2 * n, first), a3 = Start(ref dx, 3 * n, first);
        for (nuint o = 0; o < length; o++)
        {
            var wo = TWidth.Load(ref w, o * stride);
            a0 = TWidth.MultiplyAdd(wo, TWidth.Broadcast(Unsafe.Add(ref delta, o)), a0);
            a1 = TWidth.MultiplyAdd(wo, TWidth.Broadcast(Unsafe.Add(ref delta, m + o)), a1);
            a2 = TWidth.MultiplyAdd(wo, TWidth.Broadcast(Unsafe.Add(ref delta, (2 * m) + o)), a2);
            a3 = TWidth.MultiplyAdd(wo, TWidth.Broadcast(Unsafe.Add(ref delta, (3 * m) + o)), a3);
        }

        TWidth.Store(a0, ref dx, 0);
        TWidth.Store(a1, ref dx, n);
        TWidth.Store(a2, ref dx, 2 * n);
        TWidth.Store(a3, ref dx, 3 * n);
    }

    private static void InputTile1x3(ref float w, nuint stride, ref float delta, ref float dx, nuint length, bool first)
    {
        var c = (nuint)TWidth.Count;
        TVector a0 = Start(ref dx, 0, first), a1 = Start(ref dx, c, first), a2 = Start(ref dx, 2 * c, first);
        for (nuint o = 0; o < length; o++)
        {
            ref var wo = ref Unsafe.Add(ref w, o * stride);
            var d = TWidth.Broadcast(Unsafe.Add(ref delta, o));
            a0 = TWidth.MultiplyAdd(TWidth.Load(ref wo, 0), d, a0);
            a1 = TWidth.MultiplyAdd(TWidth.Load(ref wo, c), d, a1);
            a2 = TWidth.MultiplyAdd(TWidth.Load(ref wo, 2 * c), d, a2);
        }

        Store3(ref dx, c, a0, a1, a2);
    }

    private static void InputTile1x1(ref float w, nuint stride, ref float delta, ref float dx, nuint length, bool first)
    {
        var a = Start(ref dx, 0, first);
        for (nuint o = 0; o < length; o++)
        {
            a = TWidth.MultiplyAdd(TWidth.Load(ref w, o * stride), TWidth.Broadcast(Unsafe.Add(ref delta, o)), a);
        }

        TWidth.Store(a, ref dx, 0);
    }

    /// <summary>An accumulator's start: zero on the first chunk of weight rows, else the sum so far in dx.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Start(ref float dx, nuint at, bool first) => first ? TWidth.Zero : TWidth.Load(ref dx, at);

    /// <summary>Three vectors, or the first two where <paramref name="third"/> is false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref float target, nuint count, TVector a0, TVector a1, TVector a2, bool third)
    {
        TWidth.Store(a0, ref target, 0);
        TWidth.Store(a1, ref target, count);
        if (third)
        {
            TWidth.Store(a2, ref target, 2 * count);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store3(ref float target, nuint count, TVector a0, TVector a1, TVector a2)
    {
        TWidth.Store(a0, ref target, 0);
        TWidth.Store(a1, ref target, count);
        TWidth.Store(a2, ref target, 2 * count);
    }
}
