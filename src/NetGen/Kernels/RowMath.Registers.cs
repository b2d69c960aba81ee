using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// The steps of a one-row Forward that keeps every layer's values in registers (small networks, wherever Vector256 is
// accelerated): a layer's input is one or two vectors of 8 rather than a row in memory. Each step is the same
// operations in the same order as the chunk steps, a reduction and nothing else, so both forms give the same bits:
// the first chunk's products, the second chunk multiplied and added (fused or not, as the kernels), then the sums.
public static partial class RowMath256
{
    /// <summary>Outputs 0 .. 7 of the 8 weight rows of 8 inputs from <paramref name="offset"/>: each row times <paramref name="x"/>, summed.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> Dots8(ref float weights, nuint offset, Vector256<float> x) =>
        Sums8(
            Vector256.LoadUnsafe(ref weights, offset) * x, Vector256.LoadUnsafe(ref weights, offset + 8) * x,
            Vector256.LoadUnsafe(ref weights, offset + 16) * x, Vector256.LoadUnsafe(ref weights, offset + 24) * x,
            Vector256.LoadUnsafe(ref weights, offset + 32) * x, Vector256.LoadUnsafe(ref weights, offset + 40) * x,
            Vector256.LoadUnsafe(ref weights, offset + 48) * x, Vector256.LoadUnsafe(ref weights, offset + 56) * x);

    /// <summary>
    /// Outputs 0 .. 7 of the 8 weight rows of 16 inputs from <paramref name="offset"/>: each row's first half times
    /// <paramref name="x0"/>, plus its second half times <paramref name="x1"/> (rounded twice), summed.
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> Dots8(ref float weights, nuint offset, Vector256<float> x0, Vector256<float> x1) =>
        Sums8(
            RowProducts(ref weights, offset, x0, x1), RowProducts(ref weights, offset + 16, x0, x1),
            RowProducts(ref weights, offset + 32, x0, x1), RowProducts(ref weights, offset + 48, x0, x1),
            RowProducts(ref weights, offset + 64, x0, x1), RowProducts(ref weights, offset + 80, x0, x1),
            RowProducts(ref weights, offset + 96, x0, x1), RowProducts(ref weights, offset + 112, x0, x1));

    /// <summary>As <see cref="Dots8(ref float, nuint, Vector256{float}, Vector256{float})"/>, each second half's product added rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> FusedDots8(ref float weights, nuint offset, Vector256<float> x0, Vector256<float> x1) =>
        Sums8(
            FusedRowProducts(ref weights, offset, x0, x1), FusedRowProducts(ref weights, offset + 16, x0, x1),
            FusedRowProducts(ref weights, offset + 32, x0, x1), FusedRowProducts(ref weights, offset + 48, x0, x1),
            FusedRowProducts(ref weights, offset + 64, x0, x1), FusedRowProducts(ref weights, offset + 80, x0, x1),
            FusedRowProducts(ref weights, offset + 96, x0, x1), FusedRowProducts(ref weights, offset + 112, x0, x1));

    /// <summary>The lanes of one weight row of 8 inputs at <paramref name="offset"/> times <paramref name="x"/>, before their sum.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> RowProducts(ref float weights, nuint offset, Vector256<float> x) => Vector256.LoadUnsafe(ref weights, offset) * x;

    /// <summary>One weight row of 16 inputs at <paramref name="offset"/>: its halves times <paramref name="x0"/> and <paramref name="x1"/>, added, before their sum.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> RowProducts(ref float weights, nuint offset, Vector256<float> x0, Vector256<float> x1) =>
        (Vector256.LoadUnsafe(ref weights, offset + 8) * x1) + (Vector256.LoadUnsafe(ref weights, offset) * x0);

    /// <summary>As <see cref="RowProducts(ref float, nuint, Vector256{float}, Vector256{float})"/>, the second half's product added rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> FusedRowProducts(ref float weights, nuint offset, Vector256<float> x0, Vector256<float> x1) =>
        FusedOperations.MultiplyAdd(Vector256.LoadUnsafe(ref weights, offset + 8), x1, Vector256.LoadUnsafe(ref weights, offset) * x0);
}
