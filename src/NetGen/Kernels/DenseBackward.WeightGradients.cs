using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// dW = δᵀ·X for a block of rows: tiles of four weight rows by up to three vectors of inputs (six on Vector512, whose
/// 32 registers hold 24 accumulators), each weight summed over the batch in one accumulator, in row order, and handed
/// to the rule once.
/// </summary>
internal static partial class DenseBackward<TWidth, TVector>
{
    /// <summary>A stride of input rows that maps a column block's lines into a sixteenth or less of L1's sets.</summary>
    private const int ConflictingStrideBytes = 1024;

    /// <summary>Tiles of three vectors side by side in a column block of dW: a cache line a tile shares with the next is still in L1.</summary>
    private const int TilesPerColumnBlock = 4;

    /// <summary>The most floats of δ regrouped for the tiles of four weight rows (64 KiB of stack: 32 rows of 512 outputs).</summary>
    private const int GroupedDeltaFloats = 16 * 1024;

    /// <summary>
    /// dW = Σᵣ δᵣxᵣᵀ for two or more rows, each weight through the rule exactly once. Column blocks outside, weight
    /// rows inside, so the batch's inputs under a block stay in L1 while every weight row passes: tiles of six vectors
    /// on Vector512, then of three, the block's last four or two vectors in tiles of two (a tile of one vector has too
    /// few accumulators to hide the multiply-add's latency), in tiles of four weight rows and then of one; the last
    /// inputs one by one.
    /// When rows of inputs lie a multiple of 1 KiB apart (in place they fall into a few cache sets and evict each
    /// other), a block's inputs are copied into a contiguous buffer, the block narrowed to fit the rows, down to one
    /// tile; other strides read in place, where a copy costs more than it saves. Below Vector512, rows of δ that lie a
    /// multiple of 1 KiB apart are regrouped once per call (<see cref="GroupDeltas"/>): a tile's 32 broadcasts then
    /// read 512 consecutive bytes instead of 32 lines in two or four of L1's sets, which missed L1 on every row.
    /// </summary>
    [SkipLocalsInit]
    private static void WeightGradients<TRule>(ref float target, int index, ref float x, ref float delta, int inputs, int outputs, int rows, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var n = (nuint)inputs;
        var m = (nuint)outputs;
        var count = (nuint)TWidth.Count;
        var whole = n - (n % count);
        var blocks = m - (m % 4);
        var fit = (nuint)(StripBytes / sizeof(float)) / ((nuint)rows * 3 * count);
        var tiles = fit < TilesPerColumnBlock ? fit : TilesPerColumnBlock;
        var packing = tiles > 0 && whole > 0 && (n * sizeof(float)) % ConflictingStrideBytes == 0;
        var block = (packing ? tiles : TilesPerColumnBlock) * 3 * count;
        var buffer = packing ? CacheLines.Align(stackalloc float[(StripBytes / sizeof(float)) + CacheLines.Slack]) : default;
        ref var packed = ref MemoryMarshal.GetReference(buffer);
        var grouping = count < 16 && whole > 0 && blocks > 0 && (m * sizeof(float)) % ConflictingStrideBytes == 0 && (nuint)rows * blocks <= GroupedDeltaFloats;
        Span<float> groups = stackalloc float[grouping ? rows * (int)blocks : 0];
        ref var grouped = ref MemoryMarshal.GetReference(groups);
        if (grouping)
        {
            GroupDeltas(ref delta, ref grouped, m, blocks, (nuint)rows);
        }
        for (nuint from = 0, to; from < whole; from = to)
        {
            to = from + block < whole ? from + block : whole;
            if (count == 16 && to - from == 6 * count && whole - to == 2 * count)
            {
                // Six and two vectors left: two blocks of four instead, whose 4 × 4 tiles take a FLOP in less time than 4 × 2's.
                to -= 2 * count;
            }

            scoped ref var xs = ref Unsafe.Add(ref x, from);
            var stride = n;
            if (packing)
            {
                Pack(ref xs, n, ref packed, to - from, (nuint)rows);
                xs = ref packed;
                stride = to - from;
            }

            nuint o = 0;
            for (; o < blocks; o += 4)
            {
                if (grouping)
                {
                    WeightRows4(ref target, index, ref xs, stride, ref Unsafe.Add(ref grouped, o * (nuint)rows), 4, n, (nuint)rows, o, from, to, ref rule);
                }
                else
                {
                    WeightRows4(ref target, index, ref xs, stride, ref Unsafe.Add(ref delta, o), m, n, (nuint)rows, o, from, to, ref rule);
                }
            }

            for (; o < m; o++)
            {
                var i = from;
                for (; i + (3 * count) <= to; i += 3 * count)
                {
                    WeightTile1x3(ref target, index, ref Unsafe.Add(ref xs, i - from), stride, ref delta, n, m, (nuint)rows, o, i, ref rule);
                }

                for (; i < to; i += count)
                {
                    WeightTile1x1(ref target, index, ref Unsafe.Add(ref xs, i - from), stride, ref delta, n, m, (nuint)rows, o, i, ref rule);
                }
            }
        }

        for (var i = whole; i < n; i++)
        {
            for (nuint o = 0; o < m; o++)
            {
                WeightScalar(ref target, index, ref x, ref delta, n, m, (nuint)rows, o, i, ref rule);
            }
        }
    }

    /// <summary>
    /// Weight rows <paramref name="o"/> to o + 3 from column <paramref name="from"/> to <paramref name="to"/>,
    /// <paramref name="xs"/> the inputs under <paramref name="from"/>, <paramref name="delta"/> the first row's δ of
    /// weight row o and the three after it, each row's <paramref name="deltaStride"/> floats past the one before.
    /// </summary>
    private static void WeightRows4<TRule>(ref float target, int index, ref float xs, nuint stride, ref float delta, nuint deltaStride, nuint n, nuint rows, nuint o, nuint from, nuint to, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var count = (nuint)TWidth.Count;
        var i = from;
        for (; count == 16 && to - i >= 6 * count; i += 6 * count)
        {
            WeightTile4x6(ref target, index, ref Unsafe.Add(ref xs, i - from), stride, ref delta, deltaStride, n, rows, o, i, ref rule);
        }

        if (count == 16 && to - i == 4 * count)
        {
            WeightTile4x4(ref target, index, ref Unsafe.Add(ref xs, i - from), stride, ref delta, deltaStride, n, rows, o, i, ref rule);
            return;
        }

        for (; to - i >= 3 * count && to - i != 4 * count; i += 3 * count)
        {
            WeightTile4x3(ref target, index, ref Unsafe.Add(ref xs, i - from), stride, ref delta, deltaStride, n, rows, o, i, ref rule);
        }

        for (; to - i >= 2 * count; i += 2 * count)
        {
            WeightTile4x2(ref target, index, ref Unsafe.Add(ref xs, i - from), stride, ref delta, deltaStride, n, rows, o, i, ref rule);
        }

        if (i < to)
        {
            WeightTile4x1(ref target, index, ref Unsafe.Add(ref xs, i - from), stride, ref delta, deltaStride, n, rows, o, i, ref rule);
        }
    }

    /// <summary>
    /// Four weight rows by six vectors on Vector512: 24 accumulators, 31 of the 32 registers, four broadcasts of δ for
    /// every six loads of x.
    /// </summary>
    private static void WeightTile4x6<TRule>(ref float target, int index, ref float xi, nuint stride, ref float delta, nuint deltaStride, nuint n, nuint rows, nuint o, nuint i, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var c = (nuint)TWidth.Count;
        TVector a00 = TWidth.Zero, a01 = TWidth.Zero, a02 = TWidth.Zero, a03 = TWidth.Zero, a04 = TWidth.Zero, a05 = TWidth.Zero;
        TVector a10 = TWidth.Zero, a11 = TWidth.Zero, a12 = TWidth.Zero, a13 = TWidth.Zero, a14 = TWidth.Zero, a15 = TWidth.Zero;
        TVector a20 = TWidth.Zero, a21 = TWidth.Zero, a22 = TWidth.Zero, a23 = TWidth.Zero, a24 = TWidth.Zero, a25 = TWidth.Zero;
        TVector a30 = TWidth.Zero, a31 = TWidth.Zero, a32 = TWidth.Zero, a33 = TWidth.Zero, a34 = TWidth.Zero, a35 = TWidth.Zero;
        var at = (o * n) + i;
        var hints = new RowHints(ref Unsafe.Add(ref target, at), n, 6 * c, rows);
        ref var xr = ref xi;
        ref var dr = ref delta;
        for (nuint r = 0; r < rows; r++)
        {
            hints.Fetch(r);
            var x0 = TWidth.Load(ref xr, 0);
            var x1 = TWidth.Load(ref xr, c);
            var x2 = TWidth.Load(ref xr, 2 * c);
            var x3 = TWidth.Load(ref xr, 3 * c);
            var x4 = TWidth.Load(ref xr, 4 * c);
            var x5 = TWidth.Load(ref xr, 5 * c);
            var b = TWidth.Broadcast(dr);
            a00 = TWidth.MultiplyAdd(x0, b, a00);
            a01 = TWidth.MultiplyAdd(x1, b, a01);
            a02 = TWidth.MultiplyAdd(x2, b, a02);
            a03 = TWidth.MultiplyAdd(x3, b, a03);
            a04 = TWidth.MultiplyAdd(x4, b, a04);
            a05 = TWidth.MultiplyAdd(x5, b, a05);
            b = TWidth.Broadcast(Unsafe.Add(ref dr, 1));
            a10 = TWidth.MultiplyAdd(x0, b, a10);
            a11 = TWidth.MultiplyAdd(x1, b, a11);
            a12 = TWidth.MultiplyAdd(x2, b, a12);
            a13 = TWidth.MultiplyAdd(x3, b, a13);
            a14 = TWidth.MultiplyAdd(x4, b, a14);
            a15 = TWidth.MultiplyAdd(x5, b, a15);
            b = TWidth.Broadcast(Unsafe.Add(ref dr, 2));
            a20 = TWidth.MultiplyAdd(x0, b, a20);
            a21 = TWidth.MultiplyAdd(x1, b, a21);
            a22 = TWidth.MultiplyAdd(x2, b, a22);
            a23 = TWidth.MultiplyAdd(x3, b, a23);
            a24 = TWidth.MultiplyAdd(x4, b, a24);
            a25 = TWidth.MultiplyAdd(x5, b, a25);
            b = TWidth.Broadcast(Unsafe.Add(ref dr, 3));
            a30 = TWidth.MultiplyAdd(x0, b, a30);
            a31 = TWidth.MultiplyAdd(x1, b, a31);
            a32 = TWidth.MultiplyAdd(x2, b, a32);
            a33 = TWidth.MultiplyAdd(x3, b, a33);
            a34 = TWidth.MultiplyAdd(x4, b, a34);
            a35 = TWidth.MultiplyAdd(x5, b, a35);
            xr = ref Unsafe.Add(ref xr, stride);
            dr = ref Unsafe.Add(ref dr, deltaStride);
        }

        var local = rule;
        Apply3(ref target, index, at, a00, a01, a02, ref local);
        Apply3(ref target, index, at + (3 * c), a03, a04, a05, ref local);
        Apply3(ref target, index, at + n, a10, a11, a12, ref local);
        Apply3(ref target, index, at + n + (3 * c), a13, a14, a15, ref local);
        Apply3(ref target, index, at + (2 * n), a20, a21, a22, ref local);
        Apply3(ref target, index, at + (2 * n) + (3 * c), a23, a24, a25, ref local);
        Apply3(ref target, index, at + (3 * n), a30, a31, a32, ref local);
        Apply3(ref target, index, at + (3 * n) + (3 * c), a33, a34, a35, ref local);
        rule = local;
    }

    /// <summary>
    /// Four weight rows by four vectors on Vector512, for a column block's last four vectors: one tile of 16
    /// accumulators instead of two tiles of four by two, each with a tile's fixed costs for half the multiply-adds.
    /// </summary>
    private static void WeightTile4x4<TRule>(ref float target, int index, ref float xi, nuint stride, ref float delta, nuint deltaStride, nuint n, nuint rows, nuint o, nuint i, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var c = (nuint)TWidth.Count;
        TVector a00 = TWidth.Zero, a01 = TWidth.Zero, a02 = TWidth.Zero, a03 = TWidth.Zero;
        TVector a10 = TWidth.Zero, a11 = TWidth.Zero, a12 = TWidth.Zero, a13 = TWidth.Zero;
        TVector a20 = TWidth.Zero, a21 = TWidth.Zero, a22 = TWidth.Zero, a23 = TWidth.Zero;
        TVector a30 = TWidth.Zero, a31 = TWidth.Zero, a32 = TWidth.Zero, a33 = TWidth.Zero;
        var at = (o * n) + i;
        var hints = new RowHints(ref Unsafe.Add(ref target, at), n, 4 * c, rows);
        ref var xr = ref xi;
        ref var dr = ref delta;
        for (nuint r = 0; r < rows; r++)
        {
            hints.Fetch(r);
            var x0 = TWidth.Load(ref xr, 0);
            var x1 = TWidth.Load(ref xr, c);
            var x2 = TWidth.Load(ref xr, 2 * c);
            var x3 = TWidth.Load(ref xr, 3 * c);
            var b = TWidth.Broadcast(dr);
            a00 = TWidth.MultiplyAdd(x0, b, a00);
            a01 = TWidth.MultiplyAdd(x1, b, a01);
            a02 = TWidth.MultiplyAdd(x2, b, a02);
            a03 = TWidth.MultiplyAdd(x3, b, a03);
            b = TWidth.Broadcast(Unsafe.Add(ref dr, 1));
            a10 = TWidth.MultiplyAdd(x0, b, a10);
            a11 = TWidth.MultiplyAdd(x1, b, a11);
            a12 = TWidth.MultiplyAdd(x2, b, a12);
            a13 = TWidth.MultiplyAdd(x3, b, a13);
            b = TWidth.Broadcast(Unsafe.Add(ref dr, 2));
            a20 = TWidth.MultiplyAdd(x0, b, a20);
            a21 = TWidth.MultiplyAdd(x1, b, a21);
            a22 = TWidth.MultiplyAdd(x2, b, a22);
            a23 = TWidth.MultiplyAdd(x3, b, a23);
            b = TWidth.Broadcast(Unsafe.Add(ref dr, 3));
            a30 = TWidth.MultiplyAdd(x0, b, a30);
            a31 = TWidth.MultiplyAdd(x1, b, a31);
            a32 = TWidth.MultiplyAdd(x2, b, a32);
            a33 = TWidth.MultiplyAdd(x3, b, a33);
            xr = ref Unsafe.Add(ref xr, stride);
            dr = ref Unsafe.Add(ref dr, deltaStride);
        }

        var local = rule;
        Apply2(ref target, index, at, a00, a01, ref local);
        Apply2(ref target, index, at + (2 * c), a02, a03, ref local);
        Apply2(ref target, index, at + n, a10, a11, ref local);
        Apply2(ref target, index, at + n + (2 * c), a12, a13, ref local);
        Apply2(ref target, index, at + (2 * n), a20, a21, ref local);
        Apply2(ref target, index, at + (2 * n) + (2 * c), a22, a23, ref local);
        Apply2(ref target, index, at + (3 * n), a30, a31, ref local);
        Apply2(ref target, index, at + (3 * n) + (2 * c), a32, a33, ref local);
        rule = local;
    }

    /// <summary>Four weight rows by three vectors from column <paramref name="i"/>; <paramref name="xi"/> is the rows' first input of the tile, <paramref name="stride"/> apart.</summary>
    private static void WeightTile4x3<TRule>(ref float target, int index, ref float xi, nuint stride, ref float delta, nuint deltaStride, nuint n, nuint rows, nuint o, nuint i, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var c = (nuint)TWidth.Count;
        TVector a00 = TWidth.Zero, a01 = TWidth.Zero, a02 = TWidth.Zero;
        TVector a10 = TWidth.Zero, a11 = TWidth.Zero, a12 = TWidth.Zero;
        TVector a20 = TWidth.Zero, a21 = TWidth.Zero, a22 = TWidth.Zero;
        TVector a30 = TWidth.Zero, a31 = TWidth.Zero, a32 = TWidth.Zero;
        var at = (o * n) + i;
        var hints = new RowHints(ref Unsafe.Add(ref target, at), n, 3 * c, rows);

        // The rows' inputs and gradients by moving references: no multiplication in the loop. Below Vector512 the rows
        // go four at a time, the four hints of a group together: one exit and one hint test per four rows.
        ref var xr = ref xi;
        ref var dr = ref delta;
        nuint r = 0;
        if (c < 16)
        {
            for (; r + 4 <= rows; r += 4)
            {
                hints.FetchFour(r);
                Row4x3(ref xr, ref dr, c, ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32);
                Row4x3(ref Unsafe.Add(ref xr, stride), ref Unsafe.Add(ref dr, deltaStride), c, ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32);
                Row4x3(ref Unsafe.Add(ref xr, 2 * stride), ref Unsafe.Add(ref dr, 2 * deltaStride), c, ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32);
                Row4x3(ref Unsafe.Add(ref xr, 3 * stride), ref Unsafe.Add(ref dr, 3 * deltaStride), c, ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32);
                xr = ref Unsafe.Add(ref xr, 4 * stride);
                dr = ref Unsafe.Add(ref dr, 4 * deltaStride);
            }
        }

        for (; r < rows; r++)
        {
            hints.Fetch(r);
            Row4x3(ref xr, ref dr, c, ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32);
            xr = ref Unsafe.Add(ref xr, stride);
            dr = ref Unsafe.Add(ref dr, deltaStride);
        }

        // A copy the JIT keeps in registers: through the reference, every store to the target could change the rule.
        var local = rule;
        Apply3(ref target, index, at, a00, a01, a02, ref local);
        Apply3(ref target, index, at + n, a10, a11, a12, ref local);
        Apply3(ref target, index, at + (2 * n), a20, a21, a22, ref local);
        Apply3(ref target, index, at + (3 * n), a30, a31, a32, ref local);
        rule = local;
    }

    /// <summary>One batch row of a tile of four weight rows by three vectors: three loads of x, four broadcasts of δ, twelve multiply-adds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row4x3(ref float xr, ref float dr, nuint c, ref TVector a00, ref TVector a01, ref TVector a02, ref TVector a10, ref TVector a11, ref TVector a12,
        ref TVector a20, ref TVector a21, ref TVector a22, ref TVector a30, ref TVector a31, ref TVector a32)
    {
        var x0 = TWidth.Load(ref xr, 0);
        var x1 = TWidth.Load(ref xr, c);
        var x2 = TWidth.Load(ref xr, 2 * c);
        AddProducts(ref a00, ref a01, ref a02, x0, x1, x2, TWidth.Broadcast(dr), true);
        AddProducts(ref a10, ref a11, ref a12, x0, x1, x2, TWidth.Broadcast(Unsafe.Add(ref dr, 1)), true);
        AddProducts(ref a20, ref a21, ref a22, x0, x1, x2, TWidth.Broadcast(Unsafe.Add(ref dr, 2)), true);
        AddProducts(ref a30, ref a31, ref a32, x0, x1, x2, TWidth.Broadcast(Unsafe.Add(ref dr, 3)), true);
    }

    /// <summary>Four weight rows by two vectors: eight accumulators, as many as two pipes of four-cycle multiply-adds keep busy.</summary>
    private static void WeightTile4x2<TRule>(ref float target, int index, ref float xi, nuint stride, ref float delta, nuint deltaStride, nuint n, nuint rows, nuint o, nuint i, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var c = (nuint)TWidth.Count;
        TVector a00 = TWidth.Zero, a01 = TWidth.Zero, a10 = TWidth.Zero, a11 = TWidth.Zero;
        TVector a20 = TWidth.Zero, a21 = TWidth.Zero, a30 = TWidth.Zero, a31 = TWidth.Zero;
        var at = (o * n) + i;
        var hints = new RowHints(ref Unsafe.Add(ref target, at), n, 2 * c, rows);
        ref var xr = ref xi;
        ref var dr = ref delta;
        for (nuint r = 0; r < rows; r++)
        {
            hints.Fetch(r);
            var x0 = TWidth.Load(ref xr, 0);
            var x1 = TWidth.Load(ref xr, c);
            var b = TWidth.Broadcast(dr);
            a00 = TWidth.MultiplyAdd(x0, b, a00);
            a01 = TWidth.MultiplyAdd(x1, b, a01);
            b = TWidth.Broadcast(Unsafe.Add(ref dr, 1));
            a10 = TWidth.MultiplyAdd(x0, b, a10);
            a11 = TWidth.MultiplyAdd(x1, b, a11);
            b = TWidth.Broadcast(Unsafe.Add(ref dr, 2));
            a20 = TWidth.MultiplyAdd(x0, b, a20);
            a21 = TWidth.MultiplyAdd(x1, b, a21);
            b = TWidth.Broadcast(Unsafe.Add(ref dr, 3));
            a30 = TWidth.MultiplyAdd(x0, b, a30);
            a31 = TWidth.MultiplyAdd(x1, b, a31);
            xr = ref Unsafe.Add(ref xr, stride);
            dr = ref Unsafe.Add(ref dr, deltaStride);
        }

        var local = rule;
        Apply2(ref target, index, at, a00, a01, ref local);
        Apply2(ref target, index, at + n, a10, a11, ref local);
        Apply2(ref target, index, at + (2 * n), a20, a21, ref local);
        Apply2(ref target, index, at + (3 * n), a30, a31, ref local);
        rule = local;
    }

    private static void WeightTile4x1<TRule>(ref float target, int index, ref float xi, nuint stride, ref float delta, nuint deltaStride, nuint n, nuint rows, nuint o, nuint i, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        TVector a0 = TWidth.Zero, a1 = TWidth.Zero, a2 = TWidth.Zero, a3 = TWidth.Zero;
        for (nuint r = 0; r < rows; r++)
        {
            var xr = TWidth.Load(ref xi, r * stride);
            ref var dr = ref Unsafe.Add(ref delta, r * deltaStride);
            a0 = TWidth.MultiplyAdd(xr, TWidth.Broadcast(dr), a0);
            a1 = TWidth.MultiplyAdd(xr, TWidth.Broadcast(Unsafe.Add(ref dr, 1)), a1);
            a2 = TWidth.MultiplyAdd(xr, TWidth.Broadcast(Unsafe.Add(ref dr, 2)), a2);
            a3 = TWidth.MultiplyAdd(xr, TWidth.Broadcast(Unsafe.Add(ref dr, 3)), a3);
        }

        var at = (o * n) + i;
        Apply(ref target, index, at, a0, ref rule);
        Apply(ref target, index, at + n, a1, ref rule);
        Apply(ref target, index, at + (2 * n), a2, ref rule);
        Apply(ref target, index, at + (3 * n), a3, ref rule);
    }

    private static void WeightTile1x3<TRule>(ref float target, int index, ref float xi, nuint stride, ref float delta, nuint n, nuint m, nuint rows, nuint o, nuint i, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var c = (nuint)TWidth.Count;
        TVector a0 = TWidth.Zero, a1 = TWidth.Zero, a2 = TWidth.Zero;
        for (nuint r = 0; r < rows; r++)
        {
            ref var xr = ref Unsafe.Add(ref xi, r * stride);
            var b = TWidth.Broadcast(Unsafe.Add(ref delta, (r * m) + o));
            a0 = TWidth.MultiplyAdd(TWidth.Load(ref xr, 0), b, a0);
            a1 = TWidth.MultiplyAdd(TWidth.Load(ref xr, c), b, a1);
            a2 = TWidth.MultiplyAdd(TWidth.Load(ref xr, 2 * c), b, a2);
        }

        Apply3(ref target, index, (o * n) + i, a0, a1, a2, ref rule);
    }

    private static void WeightTile1x1<TRule>(ref float target, int index, ref float xi, nuint stride, ref float delta, nuint n, nuint m, nuint rows, nuint o, nuint i, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var a = TWidth.Zero;
        for (nuint r = 0; r < rows; r++)
        {
            a = TWidth.MultiplyAdd(TWidth.Load(ref xi, r * stride), TWidth.Broadcast(Unsafe.Add(ref delta, (r * m) + o)), a);
        }

        Apply(ref target, index, (o * n) + i, a, ref rule);
    }

    private static void WeightScalar<TRule>(ref float target, int index, ref float x, ref float delta, nuint n, nuint m, nuint rows, nuint o, nuint i, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var sum = 0f;
        for (nuint r = 0; r < rows; r++)
        {
            sum += Unsafe.Add(ref delta, (r * m) + o) * Unsafe.Add(ref x, (r * n) + i);
        }

        var at = (o * n) + i;
        Unsafe.Add(ref target, at) = rule.Update(Unsafe.Add(ref target, at), sum, index + (int)at);
    }

    /// <summary>
    /// δ's first <paramref name="blocks"/> outputs of every row into groups of four outputs, each group's rows
    /// consecutive (the group of outputs o to o + 3 from <paramref name="grouped"/>[o · rows]), so that a tile of four
    /// weight rows reads its δ as one run of 16-byte rows. Only the layout changes: the sums are the same.
    /// </summary>
    private static void GroupDeltas(ref float delta, ref float grouped, nuint m, nuint blocks, nuint rows)
    {
        for (nuint r = 0; r < rows; r++)
        {
            ref var row = ref Unsafe.Add(ref delta, r * m);
            ref var first = ref Unsafe.Add(ref grouped, 4 * r);
            for (nuint o = 0; o < blocks; o += 4)
            {
                Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref first, o * rows)), Unsafe.ReadUnaligned<Vector128<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref row, o))));
            }
        }
    }

    /// <summary>
    /// The lines of a tile's four weight rows, which the rule reads and writes after the tile's sums, fetched one per
    /// row of the batch as the sums run: row r of the batch hints at line r / 4 of weight row r % 4. The lines a short
    /// batch has no row for are fetched at the start. All of them at the start, as a burst of 16–28 hints before the
    /// first multiply-add, made dW 3.5–4.7 % slower on Zen 4.
    /// </summary>
    private readonly struct RowHints
    {
        private readonly nuint _first;
        private readonly nuint _rowBytes;
        private readonly nuint _count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public RowHints(ref float first, nuint n, nuint width, nuint rows)
        {
            var address = CachePrefetch.Address(ref first, 0);
            _first = address & ~(nuint)(CacheLines.LineBytes - 1);
            _rowBytes = n * sizeof(float);
            // The lines of the first weight row's span, and one more when the other rows start elsewhere in a line.
            var lines = ((address - _first) + (width * sizeof(float)) + CacheLines.LineBytes - 1) / CacheLines.LineBytes;
            _count = 4 * (lines + (_rowBytes % CacheLines.LineBytes != 0 ? 1u : 0u));
            for (var r = rows; r < _count; r++)
            {
                Fetch(r);
            }
        }

        /// <summary>Rows <paramref name="r"/> to r + 3 (r a multiple of four): line r / 4 of each of the four weight rows.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void FetchFour(nuint r)
        {
            if (r < _count)
            {
                var line = _first + ((r / 4) * CacheLines.LineBytes);
                CachePrefetch.LineAt(line);
                CachePrefetch.LineAt(line + _rowBytes);
                CachePrefetch.LineAt(line + (2 * _rowBytes));
                CachePrefetch.LineAt(line + (3 * _rowBytes));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Fetch(nuint r)
        {
            if (r < _count)
            {
                CachePrefetch.LineAt(_first + ((r % 4) * _rowBytes) + ((r / 4) * CacheLines.LineBytes));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Apply<TRule>(ref float target, int index, nuint at, TVector gradient, ref TRule rule)
        where TRule : struct, IUpdateRule =>
        TWidth.Store(TWidth.Update(ref rule, TWidth.Load(ref target, at), gradient, index + (int)at), ref target, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Apply2<TRule>(ref float target, int index, nuint at, TVector a0, TVector a1, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        Apply(ref target, index, at, a0, ref rule);
        Apply(ref target, index, at + (nuint)TWidth.Count, a1, ref rule);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Apply3<TRule>(ref float target, int index, nuint at, TVector a0, TVector a1, TVector a2, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var c = (nuint)TWidth.Count;
        Apply(ref target, index, at, a0, ref rule);
        Apply(ref target, index, at + c, a1, ref rule);
        Apply(ref target, index, at + (2 * c), a2, ref rule);
    }
}
