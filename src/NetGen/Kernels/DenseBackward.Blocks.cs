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

    /// <summary>
    /// dxᵣ = Wᵀδᵣ for two or more rows. For each panel of inputs the weight rows go in chunks, each chunk's strip
    /// copied into a contiguous buffer that stays in L1 while every tile of batch rows walks it (walked in place, a
    /// strip of rows a power of two apart falls into a few cache sets and evicts itself). A tile's accumulators start
    /// from what the chunk before left in dx, so each sum runs in the order of one pass. dx is written rather than
    /// added to on the first chunk, so the last panel may overlap the one before: a value computed twice is stored
    /// twice. Rows past the last four go one by one, on the weights in place when there are fewer than four.
    /// </summary>
    [SkipLocalsInit]
    private static void InputGradients(ref float weights, ref float delta, ref float dx, int inputs, int outputs, int rows)
    {
        var n = (nuint)inputs;
        var m = (nuint)outputs;
        var count = (nuint)TWidth.Count;
        var panel = n >= 3 * count ? 3 * count : count;
        var chunk = (nuint)StripBytes / (panel * sizeof(float));
        var blocks = (nuint)rows - ((nuint)rows % 4);
        Span<float> buffer = stackalloc float[blocks > 0 ? StripBytes / sizeof(float) : 0];
        ref var packed = ref MemoryMarshal.GetReference(buffer);
        for (nuint i = 0; i < n; i += panel)
        {
            var at = i + panel <= n ? i : n - panel;
            for (nuint o = 0; o < m; o += chunk)
            {
                var length = (o + chunk < m ? o + chunk : m) - o;
                scoped ref var w = ref Unsafe.Add(ref weights, (o * n) + at);
                var stride = n;
                if (blocks > 0)
                {
                    Pack(ref w, n, ref packed, panel, length);
                    w = ref packed;
                    stride = panel;
                }

                ref var d = ref Unsafe.Add(ref delta, o);
                var first = o == 0;
                for (nuint r = 0; r < (nuint)rows; r += r < blocks ? 4u : 1u)
                {
                    ref var dr = ref Unsafe.Add(ref d, r * m);
                    ref var xr = ref Unsafe.Add(ref dx, (r * n) + at);
                    if (r < blocks)
                    {
                        if (panel == count)
                        {
                            InputTile4x1(ref w, stride, ref dr, ref xr, n, m, length, first);
                        }
                        else
                        {
                            InputTile4x3(ref w, stride, ref dr, ref xr, n, m, length, first);
                        }
                    }
                    else if (panel == count)
                    {
                        InputTile1x1(ref w, stride, ref dr, ref xr, length, first);
                    }
                    else
                    {
                        InputTile1x3(ref w, stride, ref dr, ref xr, length, first);
                    }
                }
            }
        }
    }

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

    /// <summary>Four rows by three vectors of dx over <paramref name="length"/> weight rows, from zero or from what dx holds.</summary>
    private static void InputTile4x3(ref float w, nuint stride, ref float delta, ref float dx, nuint n, nuint m, nuint length, bool first)
    {
        var c = (nuint)TWidth.Count;
        ref var x1 = ref Unsafe.Add(ref dx, n);
        ref var x2 = ref Unsafe.Add(ref x1, n);
        ref var x3 = ref Unsafe.Add(ref x2, n);
        TVector a00 = Start(ref dx, 0, first), a01 = Start(ref dx, c, first), a02 = Start(ref dx, 2 * c, first);
        TVector a10 = Start(ref x1, 0, first), a11 = Start(ref x1, c, first), a12 = Start(ref x1, 2 * c, first);
        TVector a20 = Start(ref x2, 0, first), a21 = Start(ref x2, c, first), a22 = Start(ref x2, 2 * c, first);
        TVector a30 = Start(ref x3, 0, first), a31 = Start(ref x3, c, first), a32 = Start(ref x3, 2 * c, first);
        ref var d1 = ref Unsafe.Add(ref delta, m);
        ref var d2 = ref Unsafe.Add(ref d1, m);
        ref var d3 = ref Unsafe.Add(ref d2, m);
        ref var wo = ref w;
        for (nuint o = 0; o < length; o++)
        {
            var w0 = TWidth.Load(ref wo, 0);
            var w1 = TWidth.Load(ref wo, c);
            var w2 = TWidth.Load(ref wo, 2 * c);
            var d = TWidth.Broadcast(Unsafe.Add(ref delta, o));
            a00 = TWidth.MultiplyAdd(w0, d, a00);
            a01 = TWidth.MultiplyAdd(w1, d, a01);
            a02 = TWidth.MultiplyAdd(w2, d, a02);
            d = TWidth.Broadcast(Unsafe.Add(ref d1, o));
            a10 = TWidth.MultiplyAdd(w0, d, a10);
            a11 = TWidth.MultiplyAdd(w1, d, a11);
            a12 = TWidth.MultiplyAdd(w2, d, a12);
            d = TWidth.Broadcast(Unsafe.Add(ref d2, o));
            a20 = TWidth.MultiplyAdd(w0, d, a20);
            a21 = TWidth.MultiplyAdd(w1, d, a21);
            a22 = TWidth.MultiplyAdd(w2, d, a22);
            d = TWidth.Broadcast(Unsafe.Add(ref d3, o));
            a30 = TWidth.MultiplyAdd(w0, d, a30);
            a31 = TWidth.MultiplyAdd(w1, d, a31);
            a32 = TWidth.MultiplyAdd(w2, d, a32);
            wo = ref Unsafe.Add(ref wo, stride);
        }

        Store3(ref dx, c, a00, a01, a02);
        Store3(ref x1, c, a10, a11, a12);
        Store3(ref x2, c, a20, a21, a22);
        Store3(ref x3, c, a30, a31, a32);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store3(ref float target, nuint count, TVector a0, TVector a1, TVector a2)
    {
        TWidth.Store(a0, ref target, 0);
        TWidth.Store(a1, ref target, count);
        TWidth.Store(a2, ref target, 2 * count);
    }
}
