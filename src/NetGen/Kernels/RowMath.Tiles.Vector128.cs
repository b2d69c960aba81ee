using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// One chunk of inputs into a tile of accumulators, one call a chunk: the tile's rows are those of outputs `output`,
// `output` + 1, … of a layer of `inputs` inputs, the chunk starts at `at` in the input and in each row, and sum{k}
// accumulates row `output` + k. Each body is what the kernels used to write out line by line — one load of the
// input's chunk, then one product or multiply-add per row, in order, each offset output · inputs + at + k · inputs
// with constants or the kernel's loop variables as arguments — so the JIT inlines it to the same instructions with
// the sums in registers. The bodies call no helper of their own: every level of inlining counts against the JIT's
// budget for the method a kernel is inlined into.
public static partial class RowMath128
{
    /// <summary>Starts one row's sum: each row's chunk times the input's chunk at <paramref name="at"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Multiply1(ref float weights, nuint output, nuint inputs, ref float input, nuint at, out Vector128<float> sum0)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x;
    }

    /// <summary>Starts 2 rows' sums: each row's chunk times the input's chunk at <paramref name="at"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Multiply2(ref float weights, nuint output, nuint inputs, ref float input, nuint at, out Vector128<float> sum0, out Vector128<float> sum1)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x;
        sum1 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x;
    }

    /// <summary>Starts 3 rows' sums: each row's chunk times the input's chunk at <paramref name="at"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Multiply3(ref float weights, nuint output, nuint inputs, ref float input, nuint at, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x;
        sum1 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x;
        sum2 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)) * x;
    }

    /// <summary>Starts 4 rows' sums: each row's chunk times the input's chunk at <paramref name="at"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Multiply4(ref float weights, nuint output, nuint inputs, ref float input, nuint at, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x;
        sum1 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x;
        sum2 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)) * x;
        sum3 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (3 * inputs)) * x;
    }

    /// <summary>Starts 8 rows' sums: each row's chunk times the input's chunk at <paramref name="at"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Multiply8(ref float weights, nuint output, nuint inputs, ref float input, nuint at, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3, out Vector128<float> sum4, out Vector128<float> sum5, out Vector128<float> sum6, out Vector128<float> sum7)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x;
        sum1 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x;
        sum2 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)) * x;
        sum3 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (3 * inputs)) * x;
        sum4 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (4 * inputs)) * x;
        sum5 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (5 * inputs)) * x;
        sum6 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (6 * inputs)) * x;
        sum7 = Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (7 * inputs)) * x;
    }

    /// <summary>Starts the one row's sum of a tile whose chunks are a loop: zero.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Zeros1(out Vector128<float> sum0)
    {
        sum0 = Vector128<float>.Zero;
    }

    /// <summary>Starts the 2 rows' sums of a tile whose chunks are a loop: zero.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Zeros2(out Vector128<float> sum0, out Vector128<float> sum1)
    {
        sum0 = Vector128<float>.Zero;
        sum1 = Vector128<float>.Zero;
    }

    /// <summary>Starts the 3 rows' sums of a tile whose chunks are a loop: zero.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Zeros3(out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2)
    {
        sum0 = Vector128<float>.Zero;
        sum1 = Vector128<float>.Zero;
        sum2 = Vector128<float>.Zero;
    }

    /// <summary>Starts the 4 rows' sums of a tile whose chunks are a loop: zero.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Zeros4(out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3)
    {
        sum0 = Vector128<float>.Zero;
        sum1 = Vector128<float>.Zero;
        sum2 = Vector128<float>.Zero;
        sum3 = Vector128<float>.Zero;
    }

    /// <summary>Starts the 8 rows' sums of a tile whose chunks are a loop: zero.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Zeros8(out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3, out Vector128<float> sum4, out Vector128<float> sum5, out Vector128<float> sum6, out Vector128<float> sum7)
    {
        sum0 = Vector128<float>.Zero;
        sum1 = Vector128<float>.Zero;
        sum2 = Vector128<float>.Zero;
        sum3 = Vector128<float>.Zero;
        sum4 = Vector128<float>.Zero;
        sum5 = Vector128<float>.Zero;
        sum6 = Vector128<float>.Zero;
        sum7 = Vector128<float>.Zero;
    }

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to the row's sum, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAdd1(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x) + sum0;
    }

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to the row's sum, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAdd2(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x) + sum0;
        sum1 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x) + sum1;
    }

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to the row's sum, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAdd3(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x) + sum0;
        sum1 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x) + sum1;
        sum2 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)) * x) + sum2;
    }

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to the row's sum, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAdd4(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x) + sum0;
        sum1 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x) + sum1;
        sum2 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)) * x) + sum2;
        sum3 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (3 * inputs)) * x) + sum3;
    }

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to the row's sum, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAdd8(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3, ref Vector128<float> sum4, ref Vector128<float> sum5, ref Vector128<float> sum6, ref Vector128<float> sum7)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x) + sum0;
        sum1 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x) + sum1;
        sum2 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)) * x) + sum2;
        sum3 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (3 * inputs)) * x) + sum3;
        sum4 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (4 * inputs)) * x) + sum4;
        sum5 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (5 * inputs)) * x) + sum5;
        sum6 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (6 * inputs)) * x) + sum6;
        sum7 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (7 * inputs)) * x) + sum7;
    }

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to the row's sum, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAdd1(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at), x, sum0);
    }

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to the row's sum, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAdd2(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at), x, sum0);
        sum1 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs), x, sum1);
    }

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to the row's sum, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAdd3(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at), x, sum0);
        sum1 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs), x, sum1);
        sum2 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)), x, sum2);
    }

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to the row's sum, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAdd4(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at), x, sum0);
        sum1 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs), x, sum1);
        sum2 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)), x, sum2);
        sum3 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (3 * inputs)), x, sum3);
    }

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to the row's sum, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAdd8(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3, ref Vector128<float> sum4, ref Vector128<float> sum5, ref Vector128<float> sum6, ref Vector128<float> sum7)
    {
        var x = Vector128.LoadUnsafe(ref input, at);
        sum0 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at), x, sum0);
        sum1 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs), x, sum1);
        sum2 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)), x, sum2);
        sum3 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (3 * inputs)), x, sum3);
        sum4 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (4 * inputs)), x, sum4);
        sum5 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (5 * inputs)), x, sum5);
        sum6 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (6 * inputs)), x, sum6);
        sum7 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (7 * inputs)), x, sum7);
    }

    /// <summary>The last chunk, which starts early: as <see cref="MultiplyAdd1"/> with the input's chunk times <paramref name="mask"/> (0 on the lanes the chunk before counted).</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddMasked1(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0)
    {
        var x = Vector128.LoadUnsafe(ref input, at) * mask;
        sum0 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x) + sum0;
    }

    /// <summary>The last chunk, which starts early: as <see cref="MultiplyAdd2"/> with the input's chunk times <paramref name="mask"/> (0 on the lanes the chunk before counted).</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddMasked2(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1)
    {
        var x = Vector128.LoadUnsafe(ref input, at) * mask;
        sum0 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x) + sum0;
        sum1 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x) + sum1;
    }

    /// <summary>The last chunk, which starts early: as <see cref="MultiplyAdd3"/> with the input's chunk times <paramref name="mask"/> (0 on the lanes the chunk before counted).</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddMasked3(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2)
    {
        var x = Vector128.LoadUnsafe(ref input, at) * mask;
        sum0 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x) + sum0;
        sum1 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x) + sum1;
        sum2 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)) * x) + sum2;
    }

    /// <summary>The last chunk, which starts early: as <see cref="MultiplyAdd4"/> with the input's chunk times <paramref name="mask"/> (0 on the lanes the chunk before counted).</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddMasked4(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3)
    {
        var x = Vector128.LoadUnsafe(ref input, at) * mask;
        sum0 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x) + sum0;
        sum1 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x) + sum1;
        sum2 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)) * x) + sum2;
        sum3 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (3 * inputs)) * x) + sum3;
    }

    /// <summary>The last chunk, which starts early: as <see cref="MultiplyAdd8"/> with the input's chunk times <paramref name="mask"/> (0 on the lanes the chunk before counted).</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddMasked8(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3, ref Vector128<float> sum4, ref Vector128<float> sum5, ref Vector128<float> sum6, ref Vector128<float> sum7)
    {
        var x = Vector128.LoadUnsafe(ref input, at) * mask;
        sum0 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at) * x) + sum0;
        sum1 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs) * x) + sum1;
        sum2 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)) * x) + sum2;
        sum3 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (3 * inputs)) * x) + sum3;
        sum4 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (4 * inputs)) * x) + sum4;
        sum5 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (5 * inputs)) * x) + sum5;
        sum6 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (6 * inputs)) * x) + sum6;
        sum7 = (Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (7 * inputs)) * x) + sum7;
    }

    /// <summary>The last chunk, which starts early: as <see cref="FusedMultiplyAdd1"/> with the input's chunk times <paramref name="mask"/> (0 on the lanes the chunk before counted).</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddMasked1(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0)
    {
        var x = Vector128.LoadUnsafe(ref input, at) * mask;
        sum0 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at), x, sum0);
    }

    /// <summary>The last chunk, which starts early: as <see cref="FusedMultiplyAdd2"/> with the input's chunk times <paramref name="mask"/> (0 on the lanes the chunk before counted).</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddMasked2(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1)
    {
        var x = Vector128.LoadUnsafe(ref input, at) * mask;
        sum0 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at), x, sum0);
        sum1 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs), x, sum1);
    }

    /// <summary>The last chunk, which starts early: as <see cref="FusedMultiplyAdd3"/> with the input's chunk times <paramref name="mask"/> (0 on the lanes the chunk before counted).</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddMasked3(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2)
    {
        var x = Vector128.LoadUnsafe(ref input, at) * mask;
        sum0 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at), x, sum0);
        sum1 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs), x, sum1);
        sum2 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)), x, sum2);
    }

    /// <summary>The last chunk, which starts early: as <see cref="FusedMultiplyAdd4"/> with the input's chunk times <paramref name="mask"/> (0 on the lanes the chunk before counted).</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddMasked4(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3)
    {
        var x = Vector128.LoadUnsafe(ref input, at) * mask;
        sum0 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at), x, sum0);
        sum1 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs), x, sum1);
        sum2 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)), x, sum2);
        sum3 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (3 * inputs)), x, sum3);
    }

    /// <summary>The last chunk, which starts early: as <see cref="FusedMultiplyAdd8"/> with the input's chunk times <paramref name="mask"/> (0 on the lanes the chunk before counted).</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddMasked8(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3, ref Vector128<float> sum4, ref Vector128<float> sum5, ref Vector128<float> sum6, ref Vector128<float> sum7)
    {
        var x = Vector128.LoadUnsafe(ref input, at) * mask;
        sum0 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at), x, sum0);
        sum1 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + inputs), x, sum1);
        sum2 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (2 * inputs)), x, sum2);
        sum3 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (3 * inputs)), x, sum3);
        sum4 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (4 * inputs)), x, sum4);
        sum5 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (5 * inputs)), x, sum5);
        sum6 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (6 * inputs)), x, sum6);
        sum7 = FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, (output * inputs) + at + (7 * inputs)), x, sum7);
    }
}
