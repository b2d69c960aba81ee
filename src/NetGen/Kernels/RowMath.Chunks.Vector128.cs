using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// A tile's whole loop over the chunks of its rows, from zero sums to the sums of the chunks before `end`: the step of
// RowMath.Tiles.Vector128.cs once a chunk, on local sums (compiled on its own, this method would otherwise load and
// store every sum through its `out` reference each chunk). A kernel calls this rather than writing the loop itself,
// so that its tier-0 code has no loop over chunks: this method is compiled optimised at once, and no on-stack
// replacement of the kernel is compiled on the caller's thread a few calls in. Optimised kernels inline it (as a
// composite ReadyToRun image does) to the loop they used to write.
public static partial class RowMath128
{
    /// <summary>The sums of 1 row over the chunks before <paramref name="end"/>: each chunk times the input's, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddChunks1(ref float weights, nuint output, nuint inputs, ref float input, nuint end, out Vector128<float> sum0)
    {
        Zeros1(out var total0);
        for (nuint at = 0; at < end; at += (nuint)Vector128<float>.Count)
        {
            MultiplyAdd1(ref weights, output, inputs, ref input, at, ref total0);
        }

        sum0 = total0;
    }

    /// <summary>The sums of 2 rows over the chunks before <paramref name="end"/>: each chunk times the input's, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddChunks2(ref float weights, nuint output, nuint inputs, ref float input, nuint end, out Vector128<float> sum0, out Vector128<float> sum1)
    {
        Zeros2(out var total0, out var total1);
        for (nuint at = 0; at < end; at += (nuint)Vector128<float>.Count)
        {
            MultiplyAdd2(ref weights, output, inputs, ref input, at, ref total0, ref total1);
        }

        sum0 = total0;
        sum1 = total1;
    }

    /// <summary>The sums of 3 rows over the chunks before <paramref name="end"/>: each chunk times the input's, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddChunks3(ref float weights, nuint output, nuint inputs, ref float input, nuint end, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2)
    {
        Zeros3(out var total0, out var total1, out var total2);
        for (nuint at = 0; at < end; at += (nuint)Vector128<float>.Count)
        {
            MultiplyAdd3(ref weights, output, inputs, ref input, at, ref total0, ref total1, ref total2);
        }

        sum0 = total0;
        sum1 = total1;
        sum2 = total2;
    }

    /// <summary>The sums of 4 rows over the chunks before <paramref name="end"/>: each chunk times the input's, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddChunks4(ref float weights, nuint output, nuint inputs, ref float input, nuint end, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3)
    {
        Zeros4(out var total0, out var total1, out var total2, out var total3);
        for (nuint at = 0; at < end; at += (nuint)Vector128<float>.Count)
        {
            MultiplyAdd4(ref weights, output, inputs, ref input, at, ref total0, ref total1, ref total2, ref total3);
        }

        sum0 = total0;
        sum1 = total1;
        sum2 = total2;
        sum3 = total3;
    }

    /// <summary>The sums of 8 rows over the chunks before <paramref name="end"/>: each chunk times the input's, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddChunks8(ref float weights, nuint output, nuint inputs, ref float input, nuint end, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3, out Vector128<float> sum4, out Vector128<float> sum5, out Vector128<float> sum6, out Vector128<float> sum7)
    {
        Zeros8(out var total0, out var total1, out var total2, out var total3, out var total4, out var total5, out var total6, out var total7);
        for (nuint at = 0; at < end; at += (nuint)Vector128<float>.Count)
        {
            MultiplyAdd8(ref weights, output, inputs, ref input, at, ref total0, ref total1, ref total2, ref total3, ref total4, ref total5, ref total6, ref total7);
        }

        sum0 = total0;
        sum1 = total1;
        sum2 = total2;
        sum3 = total3;
        sum4 = total4;
        sum5 = total5;
        sum6 = total6;
        sum7 = total7;
    }

    /// <summary>The sums of 1 row over the chunks before <paramref name="end"/>: each chunk times the input's, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddChunks1(ref float weights, nuint output, nuint inputs, ref float input, nuint end, out Vector128<float> sum0)
    {
        Zeros1(out var total0);
        for (nuint at = 0; at < end; at += (nuint)Vector128<float>.Count)
        {
            FusedMultiplyAdd1(ref weights, output, inputs, ref input, at, ref total0);
        }

        sum0 = total0;
    }

    /// <summary>The sums of 2 rows over the chunks before <paramref name="end"/>: each chunk times the input's, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddChunks2(ref float weights, nuint output, nuint inputs, ref float input, nuint end, out Vector128<float> sum0, out Vector128<float> sum1)
    {
        Zeros2(out var total0, out var total1);
        for (nuint at = 0; at < end; at += (nuint)Vector128<float>.Count)
        {
            FusedMultiplyAdd2(ref weights, output, inputs, ref input, at, ref total0, ref total1);
        }

        sum0 = total0;
        sum1 = total1;
    }

    /// <summary>The sums of 3 rows over the chunks before <paramref name="end"/>: each chunk times the input's, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddChunks3(ref float weights, nuint output, nuint inputs, ref float input, nuint end, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2)
    {
        Zeros3(out var total0, out var total1, out var total2);
        for (nuint at = 0; at < end; at += (nuint)Vector128<float>.Count)
        {
            FusedMultiplyAdd3(ref weights, output, inputs, ref input, at, ref total0, ref total1, ref total2);
        }

        sum0 = total0;
        sum1 = total1;
        sum2 = total2;
    }

    /// <summary>The sums of 4 rows over the chunks before <paramref name="end"/>: each chunk times the input's, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddChunks4(ref float weights, nuint output, nuint inputs, ref float input, nuint end, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3)
    {
        Zeros4(out var total0, out var total1, out var total2, out var total3);
        for (nuint at = 0; at < end; at += (nuint)Vector128<float>.Count)
        {
            FusedMultiplyAdd4(ref weights, output, inputs, ref input, at, ref total0, ref total1, ref total2, ref total3);
        }

        sum0 = total0;
        sum1 = total1;
        sum2 = total2;
        sum3 = total3;
    }

    /// <summary>The sums of 8 rows over the chunks before <paramref name="end"/>: each chunk times the input's, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddChunks8(ref float weights, nuint output, nuint inputs, ref float input, nuint end, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3, out Vector128<float> sum4, out Vector128<float> sum5, out Vector128<float> sum6, out Vector128<float> sum7)
    {
        Zeros8(out var total0, out var total1, out var total2, out var total3, out var total4, out var total5, out var total6, out var total7);
        for (nuint at = 0; at < end; at += (nuint)Vector128<float>.Count)
        {
            FusedMultiplyAdd8(ref weights, output, inputs, ref input, at, ref total0, ref total1, ref total2, ref total3, ref total4, ref total5, ref total6, ref total7);
        }

        sum0 = total0;
        sum1 = total1;
        sum2 = total2;
        sum3 = total3;
        sum4 = total4;
        sum5 = total5;
        sum6 = total6;
        sum7 = total7;
    }
}
