using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// The steps that end a tile, which change width and so cannot come from the 128-bit template: the accumulators
// folded to the tile's width (the lower half plus the upper half, as often as it takes) and summed together, one
// output a lane (HorizontalSums), or each to one float for tiles under four outputs; and the packed short rows'
// products and group sums.
public static partial class RowMath512
{
    /// <summary>The lower half of <paramref name="value"/> plus its upper half.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> AddHalves(Vector512<float> value) => value.GetLower() + value.GetUpper();

    /// <summary>
    /// <paramref name="lower"/> and <paramref name="upper"/> as one vector of 16: one insert (<c>Vector512.Create</c>
    /// of two halves is two).
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> Join(Vector256<float> lower, Vector256<float> upper) => lower.ToVector512Unsafe().WithUpper(upper);

    /// <summary>
    /// <paramref name="activation"/> of a layer of 16 outputs held as two tiles' sums, <paramref name="lower"/> and
    /// <paramref name="upper"/>, plus the 16 biases at <paramref name="offset"/>: on one vector of 16 where Vector512 is
    /// accelerated (one instruction a step instead of two), each tile on its own elsewhere. Each lane the same
    /// operations either way, so the same bits.
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static (Vector256<float> Lower, Vector256<float> Upper) Activate<TActivation>(
        TActivation activation, Vector256<float> lower, Vector256<float> upper, ref float weights, nuint offset)
        where TActivation : struct, IActivationFunction
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var joined = activation.Apply(Join(lower, upper) + Vector512.LoadUnsafe(ref weights, offset));
            return (joined.GetLower(), joined.GetUpper());
        }

        return (activation.Apply(lower + Vector256.LoadUnsafe(ref weights, offset)),
            activation.Apply(upper + Vector256.LoadUnsafe(ref weights, offset + 8)));
    }

    /// <summary>
    /// As <see cref="Activate"/>, the 16 values also stored at <paramref name="target"/>: as one vector of 16 where
    /// Vector512 is accelerated, so that the backward's loads of 16 each find one store to forward from.
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static (Vector256<float> Lower, Vector256<float> Upper) ActivateStoring<TActivation>(
        TActivation activation, Vector256<float> lower, Vector256<float> upper, ref float weights, nuint offset, ref float target)
        where TActivation : struct, IActivationFunction
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var joined = activation.Apply(Join(lower, upper) + Vector512.LoadUnsafe(ref weights, offset));
            joined.StoreUnsafe(ref target);
            return (joined.GetLower(), joined.GetUpper());
        }

        var (a0, a1) = Activate(activation, lower, upper, ref weights, offset);
        a0.StoreUnsafe(ref target);
        a1.StoreUnsafe(ref target, 8);
        return (a0, a1);
    }

    /// <summary>Lane i of the result is the sum of sum{i}'s lanes: a tile of 16 outputs.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> Sums16(Vector512<float> sum0, Vector512<float> sum1, Vector512<float> sum2, Vector512<float> sum3, Vector512<float> sum4, Vector512<float> sum5, Vector512<float> sum6, Vector512<float> sum7, Vector512<float> sum8, Vector512<float> sum9, Vector512<float> sum10, Vector512<float> sum11, Vector512<float> sum12, Vector512<float> sum13, Vector512<float> sum14, Vector512<float> sum15) =>
        HorizontalSums.Sums(sum0, sum1, sum2, sum3, sum4, sum5, sum6, sum7, sum8, sum9, sum10, sum11, sum12, sum13, sum14, sum15);

    /// <summary>Lane i of the result is the sum of sum{i}'s lanes, each folded to 8 lanes first: a tile of 8 outputs.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> Sums8(Vector512<float> sum0, Vector512<float> sum1, Vector512<float> sum2, Vector512<float> sum3, Vector512<float> sum4, Vector512<float> sum5, Vector512<float> sum6, Vector512<float> sum7) =>
        HorizontalSums.Sums(AddHalves(sum0), AddHalves(sum1), AddHalves(sum2), AddHalves(sum3), AddHalves(sum4), AddHalves(sum5), AddHalves(sum6), AddHalves(sum7));

    /// <summary>Lane i of the result is the sum of sum{i}'s lanes, each folded to 4 lanes first: a tile of 4 outputs.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Sums4(Vector512<float> sum0, Vector512<float> sum1, Vector512<float> sum2, Vector512<float> sum3) =>
        HorizontalSums.Sums(FoldTo4(sum0), FoldTo4(sum1), FoldTo4(sum2), FoldTo4(sum3));

    /// <summary>The sum of <paramref name="sum"/>'s lanes, folded to 4 lanes first: one output of a tile under four.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static float Sum(Vector512<float> sum) => Vector128.Sum(FoldTo4(sum));

    /// <summary>
    /// Row sums of 16 weight rows of 4 inputs from <paramref name="offset"/>, four to a vector, times
    /// <paramref name="x"/> (the input repeated): lane r is row r's sum.
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> GroupSums4(ref float weights, nuint offset, Vector512<float> x) =>
        HorizontalSums.GroupSums(Vector512.LoadUnsafe(ref weights, offset) * x, Vector512.LoadUnsafe(ref weights, offset + 16) * x, Vector512.LoadUnsafe(ref weights, offset + 32) * x, Vector512.LoadUnsafe(ref weights, offset + 48) * x);

    /// <summary>
    /// Row sums of 16 weight rows of 8 inputs from <paramref name="offset"/>, two to a vector, times
    /// <paramref name="x"/> (the input repeated): lane r is row r's sum.
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> GroupSums8(ref float weights, nuint offset, Vector512<float> x) =>
        HorizontalSums.GroupSums(
            Vector512.LoadUnsafe(ref weights, offset) * x, Vector512.LoadUnsafe(ref weights, offset + 16) * x, Vector512.LoadUnsafe(ref weights, offset + 32) * x, Vector512.LoadUnsafe(ref weights, offset + 48) * x,
            Vector512.LoadUnsafe(ref weights, offset + 64) * x, Vector512.LoadUnsafe(ref weights, offset + 80) * x, Vector512.LoadUnsafe(ref weights, offset + 96) * x, Vector512.LoadUnsafe(ref weights, offset + 112) * x);

    [MethodImpl(KernelMethodImpl.Entry)]
    private static Vector128<float> FoldTo4(Vector512<float> sum) => RowMath256.AddHalves(AddHalves(sum));
}

public static partial class RowMath256
{
    /// <summary>The lower half of <paramref name="value"/> plus its upper half.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> AddHalves(Vector256<float> value) => value.GetLower() + value.GetUpper();

    /// <summary>Lane i of the result is the sum of sum{i}'s lanes: a tile of 8 outputs.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> Sums8(Vector256<float> sum0, Vector256<float> sum1, Vector256<float> sum2, Vector256<float> sum3, Vector256<float> sum4, Vector256<float> sum5, Vector256<float> sum6, Vector256<float> sum7) =>
        HorizontalSums.Sums(sum0, sum1, sum2, sum3, sum4, sum5, sum6, sum7);

    /// <summary>Lane i of the result is the sum of sum{i}'s lanes, each folded to 4 lanes first: a tile of 4 outputs.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Sums4(Vector256<float> sum0, Vector256<float> sum1, Vector256<float> sum2, Vector256<float> sum3) =>
        HorizontalSums.Sums(AddHalves(sum0), AddHalves(sum1), AddHalves(sum2), AddHalves(sum3));

    /// <summary>The sum of <paramref name="sum"/>'s lanes, folded to 4 lanes first: one output of a tile under four.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static float Sum(Vector256<float> sum) => Vector128.Sum(AddHalves(sum));

    /// <summary>
    /// Row sums of 8 weight rows of 4 inputs from <paramref name="offset"/>, two to a vector, times
    /// <paramref name="x"/> (the input repeated): lane r is row r's sum.
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> GroupSums4(ref float weights, nuint offset, Vector256<float> x) =>
        HorizontalSums.GroupSums(Vector256.LoadUnsafe(ref weights, offset) * x, Vector256.LoadUnsafe(ref weights, offset + 8) * x, Vector256.LoadUnsafe(ref weights, offset + 16) * x, Vector256.LoadUnsafe(ref weights, offset + 24) * x);
}

public static partial class RowMath128
{
    /// <summary>Lane i of the result is the sum of sum{i}'s lanes: a tile of 4 outputs.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Sums4(Vector128<float> sum0, Vector128<float> sum1, Vector128<float> sum2, Vector128<float> sum3) =>
        HorizontalSums.Sums(sum0, sum1, sum2, sum3);

    /// <summary>The sum of <paramref name="sum"/>'s lanes: one output of a tile under four.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static float Sum(Vector128<float> sum) => Vector128.Sum(sum);
}
