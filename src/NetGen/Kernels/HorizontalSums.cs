using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// Sums of several vectors at once: <c>Sums(a0, …, aN−1)</c> returns the vector whose lane i is the sum of aᵢ's
/// lanes. A dense layer's dot products end in such sums, one per output; reducing them together takes about four
/// shuffles and additions per output instead of a full horizontal sum each, and leaves the outputs in one vector.
/// </summary>
/// <remarks>
/// Each level pairs vectors x, y and, for blocks of h lanes, adds x's even block to its odd neighbour in the even
/// slot and y's blocks likewise in the odd slot: lo = select(odd blocks ← y, x), hi = select(odd blocks ← x, y),
/// lo + swap(hi). The inputs are taken in bit-reversed order so that the result comes out in natural order.
/// On x64 the two-source shuffles do a level in three instructions instead of four: the in-block levels first
/// (<c>shufps</c>, latency 1), and only the last one or two levels across 128-bit blocks, on fewer vectors.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HorizontalSums
{
    /// <summary>A shuffle's control that takes elements 0 and 2 of each source: (0, 2, 0, 2).</summary>
    private const byte EvenLanes = 0b10_00_10_00;

    /// <summary>A shuffle's control that takes elements 1 and 3 of each source: (1, 3, 1, 3).</summary>
    private const byte OddLanes = 0b11_01_11_01;

    /// <summary>Lane i of the result is the sum of the lanes of a{i}.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> Sums(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3, Vector512<float> a4, Vector512<float> a5, Vector512<float> a6, Vector512<float> a7, Vector512<float> a8, Vector512<float> a9, Vector512<float> a10, Vector512<float> a11, Vector512<float> a12, Vector512<float> a13, Vector512<float> a14, Vector512<float> a15)
    {
        if (Avx512F.IsSupported)
        {
            var q0 = PairSums(PairSums(a0, a1), PairSums(a2, a3));
            var q1 = PairSums(PairSums(a4, a5), PairSums(a6, a7));
            var q2 = PairSums(PairSums(a8, a9), PairSums(a10, a11));
            var q3 = PairSums(PairSums(a12, a13), PairSums(a14, a15));
            return BlockPairSums(BlockPairSums(q0, q1), BlockPairSums(q2, q3));
        }

        var l0_0 = Combine8(a0, a8);
        var l0_1 = Combine8(a4, a12);
        var l0_2 = Combine8(a2, a10);
        var l0_3 = Combine8(a6, a14);
        var l0_4 = Combine8(a1, a9);
        var l0_5 = Combine8(a5, a13);
        var l0_6 = Combine8(a3, a11);
        var l0_7 = Combine8(a7, a15);
        var l1_0 = Combine4(l0_0, l0_1);
        var l1_1 = Combine4(l0_2, l0_3);
        var l1_2 = Combine4(l0_4, l0_5);
        var l1_3 = Combine4(l0_6, l0_7);
        var l2_0 = Combine2(l1_0, l1_1);
        var l2_1 = Combine2(l1_2, l1_3);
        var sums = Combine1(l2_0, l2_1);
        return sums;
    }

    /// <summary>
    /// In each 128-bit block, [x0 + x1, x2 + x3, y0 + y1, y2 + y3]: two shuffles and one addition, all within the
    /// block. Twice over four vectors this leaves each block holding its share of the four vectors' sums in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> PairSums(Vector512<float> x, Vector512<float> y) =>
        Avx512F.Shuffle(x, y, EvenLanes) + Avx512F.Shuffle(x, y, OddLanes);

    /// <inheritdoc cref="PairSums(Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> PairSums(Vector256<float> x, Vector256<float> y) =>
        Avx.Shuffle(x, y, EvenLanes) + Avx.Shuffle(x, y, OddLanes);

    /// <inheritdoc cref="PairSums(Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> PairSums(Vector128<float> x, Vector128<float> y) =>
        Sse.Shuffle(x, y, EvenLanes) + Sse.Shuffle(x, y, OddLanes);

    /// <summary>The same as <see cref="PairSums(Vector512{float}, Vector512{float})"/> on 128-bit blocks instead of lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> BlockPairSums(Vector512<float> x, Vector512<float> y) =>
        Avx512F.Shuffle4x128(x, y, EvenLanes) + Avx512F.Shuffle4x128(x, y, OddLanes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Combine8(Vector512<float> x, Vector512<float> y)
    {
        var oddBlocks = Vector512.Create(0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1).AsSingle();
        var low = Vector512.ConditionalSelect(oddBlocks, y, x);
        var high = Vector512.ConditionalSelect(oddBlocks, x, y);
        return low + Vector512.Shuffle(high, Vector512.Create(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Combine4(Vector512<float> x, Vector512<float> y)
    {
        var oddBlocks = Vector512.Create(0, 0, 0, 0, -1, -1, -1, -1, 0, 0, 0, 0, -1, -1, -1, -1).AsSingle();
        var low = Vector512.ConditionalSelect(oddBlocks, y, x);
        var high = Vector512.ConditionalSelect(oddBlocks, x, y);
        return low + Vector512.Shuffle(high, Vector512.Create(4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Combine2(Vector512<float> x, Vector512<float> y)
    {
        var oddBlocks = Vector512.Create(0, 0, -1, -1, 0, 0, -1, -1, 0, 0, -1, -1, 0, 0, -1, -1).AsSingle();
        var low = Vector512.ConditionalSelect(oddBlocks, y, x);
        var high = Vector512.ConditionalSelect(oddBlocks, x, y);
        return low + Vector512.Shuffle(high, Vector512.Create(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Combine1(Vector512<float> x, Vector512<float> y)
    {
        var oddBlocks = Vector512.Create(0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1).AsSingle();
        var low = Vector512.ConditionalSelect(oddBlocks, y, x);
        var high = Vector512.ConditionalSelect(oddBlocks, x, y);
        return low + Vector512.Shuffle(high, Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));
    }

    /// <summary>Lane i of the result is the sum of the lanes of a{i}.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> Sums(Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3, Vector256<float> a4, Vector256<float> a5, Vector256<float> a6, Vector256<float> a7)
    {
        if (Avx.IsSupported)
        {
            var q0 = PairSums(PairSums(a0, a1), PairSums(a2, a3));
            var q1 = PairSums(PairSums(a4, a5), PairSums(a6, a7));
            return Avx.Permute2x128(q0, q1, 0x20) + Avx.Permute2x128(q0, q1, 0x31);
        }

        var l0_0 = Combine4(a0, a4);
        var l0_1 = Combine4(a2, a6);
        var l0_2 = Combine4(a1, a5);
        var l0_3 = Combine4(a3, a7);
        var l1_0 = Combine2(l0_0, l0_1);
        var l1_1 = Combine2(l0_2, l0_3);
        var sums = Combine1(l1_0, l1_1);
        return sums;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Combine4(Vector256<float> x, Vector256<float> y)
    {
        var oddBlocks = Vector256.Create(0, 0, 0, 0, -1, -1, -1, -1).AsSingle();
        var low = Select(oddBlocks, 0b1111_0000, y, x);
        var high = Select(oddBlocks, 0b1111_0000, x, y);
        return low + Vector256.Shuffle(high, Vector256.Create(4, 5, 6, 7, 0, 1, 2, 3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Combine2(Vector256<float> x, Vector256<float> y)
    {
        var oddBlocks = Vector256.Create(0, 0, -1, -1, 0, 0, -1, -1).AsSingle();
        var low = Select(oddBlocks, 0b1100_1100, y, x);
        var high = Select(oddBlocks, 0b1100_1100, x, y);
        return low + Vector256.Shuffle(high, Vector256.Create(2, 3, 0, 1, 6, 7, 4, 5));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Combine1(Vector256<float> x, Vector256<float> y)
    {
        var oddBlocks = Vector256.Create(0, -1, 0, -1, 0, -1, 0, -1).AsSingle();
        var low = Select(oddBlocks, 0b1010_1010, y, x);
        var high = Select(oddBlocks, 0b1010_1010, x, y);
        return low + Vector256.Shuffle(high, Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
    }

    /// <summary>Lane i of the result is the sum of the lanes of a{i}.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Sums(Vector128<float> a0, Vector128<float> a1, Vector128<float> a2, Vector128<float> a3)
    {
        if (Sse.IsSupported)
        {
            return PairSums(PairSums(a0, a1), PairSums(a2, a3));
        }

        var l0_0 = Combine2(a0, a2);
        var l0_1 = Combine2(a1, a3);
        var sums = Combine1(l0_0, l0_1);
        return sums;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Combine2(Vector128<float> x, Vector128<float> y)
    {
        var oddBlocks = Vector128.Create(0, 0, -1, -1).AsSingle();
        var low = Select(oddBlocks, 0b1100, y, x);
        var high = Select(oddBlocks, 0b1100, x, y);
        return low + Vector128.Shuffle(high, Vector128.Create(2, 3, 0, 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Combine1(Vector128<float> x, Vector128<float> y)
    {
        var oddBlocks = Vector128.Create(0, -1, 0, -1).AsSingle();
        var low = Select(oddBlocks, 0b1010, y, x);
        var high = Select(oddBlocks, 0b1010, x, y);
        return low + Vector128.Shuffle(high, Vector128.Create(1, 0, 3, 2));
    }

    /// <summary>
    /// Row sums of a 16-output tile whose weight rows have 4 inputs: each aᵢ holds the products of four rows
    /// (lanes 4j .. 4j + 3 are row 4i + j); lane r of the result is row r's sum.
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> GroupSums(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3)
    {
        var sums = Combine1(Combine2(a0, a1), Combine2(a2, a3));
        return Vector512.Shuffle(sums, Vector512.Create(0, 4, 8, 12, 2, 6, 10, 14, 1, 5, 9, 13, 3, 7, 11, 15));
    }

    /// <summary>
    /// Row sums of a 16-output tile whose weight rows have 8 inputs: each aᵢ holds the products of two rows
    /// (lanes 8j .. 8j + 7 are row 2i + j); lane r of the result is row r's sum.
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> GroupSums(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3, Vector512<float> a4, Vector512<float> a5, Vector512<float> a6, Vector512<float> a7)
    {
        var sums = Combine1(Combine2(Combine4(a0, a1), Combine4(a2, a3)), Combine2(Combine4(a4, a5), Combine4(a6, a7)));
        return Vector512.Shuffle(sums, Vector512.Create(0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15));
    }

    /// <summary>
    /// Row sums of an 8-output tile whose weight rows have 4 inputs: each aᵢ holds the products of two rows
    /// (lanes 4j .. 4j + 3 are row 2i + j); lane r of the result is row r's sum.
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> GroupSums(Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3)
    {
        var sums = Combine1(Combine2(a0, a1), Combine2(a2, a3));
        return Vector256.Shuffle(sums, Vector256.Create(0, 4, 2, 6, 1, 5, 3, 7));
    }

    /// <summary>
    /// <paramref name="ifOdd"/>'s lanes in the odd blocks, <paramref name="ifEven"/>'s in the others: one blend where
    /// the processor has it, since the JIT makes a select on a constant mask three instructions (and, and-not, or).
    /// </summary>
    /// <param name="oddBlocks">The odd blocks' lanes all ones, the others zero.</param>
    /// <param name="oddLanes">The same lanes as a blend's bits.</param>
    /// <param name="ifOdd">Where the odd blocks' lanes come from.</param>
    /// <param name="ifEven">Where the other lanes come from.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Select(
        Vector256<float> oddBlocks, [ConstantExpected] byte oddLanes, Vector256<float> ifOdd, Vector256<float> ifEven) =>
        Avx.IsSupported ? Avx.Blend(ifEven, ifOdd, oddLanes) : Vector256.ConditionalSelect(oddBlocks, ifOdd, ifEven);

    /// <inheritdoc cref="Select(Vector256{float}, byte, Vector256{float}, Vector256{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Select(
        Vector128<float> oddBlocks, [ConstantExpected] byte oddLanes, Vector128<float> ifOdd, Vector128<float> ifEven) =>
        Sse41.IsSupported ? Sse41.Blend(ifEven, ifOdd, oddLanes) : Vector128.ConditionalSelect(oddBlocks, ifOdd, ifEven);
}
