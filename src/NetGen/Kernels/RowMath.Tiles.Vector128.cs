using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// One chunk of inputs into a tile of accumulators, one call a chunk: the tile's rows are those of outputs `output`,
// `output` + 1, … of a layer of `inputs` inputs, the chunk starts at `at` in the input and in each row, and sum{k}
// accumulates row `output` + k. Every offset is written as the kernel used to write it, output · inputs + at + k · inputs,
// with constants or the kernel's loop variables as arguments, so the JIT folds it into the load's address alike. Each
// call does what the kernel used to write out line by line (one load of the input, then one product or multiply-add
// per row, rows in order), so the JIT inlines it to the same instructions with the sums in registers.
public static partial class RowMath128
{
    /// <summary>Starts one row's sum: its chunk times the input's at <paramref name="at"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Multiply1(ref float weights, nuint output, nuint inputs, ref float input, nuint at, out Vector128<float> sum0) =>
        sum0 = Multiply(ref weights, (output * inputs) + at, Load(ref input, at));

    /// <summary>Starts two rows' sums: each row's chunk times the input's chunk at <paramref name="at"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Multiply2(ref float weights, nuint output, nuint inputs, ref float input, nuint at, out Vector128<float> sum0, out Vector128<float> sum1)
    {
        var x = Load(ref input, at);
        sum0 = Multiply(ref weights, (output * inputs) + at, x);
        sum1 = Multiply(ref weights, (output * inputs) + at + inputs, x);
    }

    /// <summary>Starts three rows' sums: each row's chunk times the input's chunk at <paramref name="at"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Multiply3(ref float weights, nuint output, nuint inputs, ref float input, nuint at, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2)
    {
        var x = Load(ref input, at);
        sum0 = Multiply(ref weights, (output * inputs) + at, x);
        sum1 = Multiply(ref weights, (output * inputs) + at + inputs, x);
        sum2 = Multiply(ref weights, (output * inputs) + at + (2 * inputs), x);
    }

    /// <summary>Starts four rows' sums: each row's chunk times the input's chunk at <paramref name="at"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Multiply4(ref float weights, nuint output, nuint inputs, ref float input, nuint at, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3)
    {
        var x = Load(ref input, at);
        sum0 = Multiply(ref weights, (output * inputs) + at, x);
        sum1 = Multiply(ref weights, (output * inputs) + at + inputs, x);
        sum2 = Multiply(ref weights, (output * inputs) + at + (2 * inputs), x);
        sum3 = Multiply(ref weights, (output * inputs) + at + (3 * inputs), x);
    }

    /// <summary>Starts eight rows' sums: each row's chunk times the input's chunk at <paramref name="at"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Multiply8(ref float weights, nuint output, nuint inputs, ref float input, nuint at, out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3, out Vector128<float> sum4, out Vector128<float> sum5, out Vector128<float> sum6, out Vector128<float> sum7)
    {
        var x = Load(ref input, at);
        sum0 = Multiply(ref weights, (output * inputs) + at, x);
        sum1 = Multiply(ref weights, (output * inputs) + at + inputs, x);
        sum2 = Multiply(ref weights, (output * inputs) + at + (2 * inputs), x);
        sum3 = Multiply(ref weights, (output * inputs) + at + (3 * inputs), x);
        sum4 = Multiply(ref weights, (output * inputs) + at + (4 * inputs), x);
        sum5 = Multiply(ref weights, (output * inputs) + at + (5 * inputs), x);
        sum6 = Multiply(ref weights, (output * inputs) + at + (6 * inputs), x);
        sum7 = Multiply(ref weights, (output * inputs) + at + (7 * inputs), x);
    }

    /// <summary>Starts the sums of a tile whose chunks are a loop: zero.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Zeros1(out Vector128<float> sum0) => sum0 = Zero;

    /// <summary>Starts the sums of a tile whose chunks are a loop: zero.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Zeros2(out Vector128<float> sum0, out Vector128<float> sum1) => (sum0, sum1) = (Zero, Zero);

    /// <summary>Starts the sums of a tile whose chunks are a loop: zero.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Zeros3(out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2) => (sum0, sum1, sum2) = (Zero, Zero, Zero);

    /// <summary>Starts the sums of a tile whose chunks are a loop: zero.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Zeros4(out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3) =>
        (sum0, sum1, sum2, sum3) = (Zero, Zero, Zero, Zero);

    /// <summary>Starts the sums of a tile whose chunks are a loop: zero.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Zeros8(out Vector128<float> sum0, out Vector128<float> sum1, out Vector128<float> sum2, out Vector128<float> sum3, out Vector128<float> sum4, out Vector128<float> sum5, out Vector128<float> sum6, out Vector128<float> sum7) =>
        (sum0, sum1, sum2, sum3, sum4, sum5, sum6, sum7) = (Zero, Zero, Zero, Zero, Zero, Zero, Zero, Zero);

    /// <summary>Adds one row's chunk times the input's chunk at <paramref name="at"/> to its sum, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAdd1(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0) =>
        Accumulate1(false, ref weights, output, inputs, at, Load(ref input, at), ref sum0);

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to its sum, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAdd2(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1) =>
        Accumulate2(false, ref weights, output, inputs, at, Load(ref input, at), ref sum0, ref sum1);

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to its sum, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAdd3(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2) =>
        Accumulate3(false, ref weights, output, inputs, at, Load(ref input, at), ref sum0, ref sum1, ref sum2);

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to its sum, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAdd4(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3) =>
        Accumulate4(false, ref weights, output, inputs, at, Load(ref input, at), ref sum0, ref sum1, ref sum2, ref sum3);

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to its sum, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAdd8(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3, ref Vector128<float> sum4, ref Vector128<float> sum5, ref Vector128<float> sum6, ref Vector128<float> sum7) =>
        Accumulate8(false, ref weights, output, inputs, at, Load(ref input, at), ref sum0, ref sum1, ref sum2, ref sum3, ref sum4, ref sum5, ref sum6, ref sum7);

    /// <summary>Adds one row's chunk times the input's chunk at <paramref name="at"/> to its sum, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAdd1(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0) =>
        Accumulate1(true, ref weights, output, inputs, at, Load(ref input, at), ref sum0);

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to its sum, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAdd2(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1) =>
        Accumulate2(true, ref weights, output, inputs, at, Load(ref input, at), ref sum0, ref sum1);

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to its sum, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAdd3(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2) =>
        Accumulate3(true, ref weights, output, inputs, at, Load(ref input, at), ref sum0, ref sum1, ref sum2);

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to its sum, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAdd4(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3) =>
        Accumulate4(true, ref weights, output, inputs, at, Load(ref input, at), ref sum0, ref sum1, ref sum2, ref sum3);

    /// <summary>Adds each row's chunk times the input's chunk at <paramref name="at"/> to its sum, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAdd8(ref float weights, nuint output, nuint inputs, ref float input, nuint at, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3, ref Vector128<float> sum4, ref Vector128<float> sum5, ref Vector128<float> sum6, ref Vector128<float> sum7) =>
        Accumulate8(true, ref weights, output, inputs, at, Load(ref input, at), ref sum0, ref sum1, ref sum2, ref sum3, ref sum4, ref sum5, ref sum6, ref sum7);

    /// <summary>The last chunk, which starts early: the input's chunk at <paramref name="at"/> times <paramref name="mask"/> (0 on lanes the chunk before counted), then as <see cref="MultiplyAdd1"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddMasked1(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0) =>
        Accumulate1(false, ref weights, output, inputs, at, Load(ref input, at) * mask, ref sum0);

    /// <summary>The last chunk, which starts early: the input's chunk at <paramref name="at"/> times <paramref name="mask"/> (0 on lanes the chunk before counted), then as <see cref="MultiplyAdd2"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddMasked2(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1) =>
        Accumulate2(false, ref weights, output, inputs, at, Load(ref input, at) * mask, ref sum0, ref sum1);

    /// <summary>The last chunk, which starts early: the input's chunk at <paramref name="at"/> times <paramref name="mask"/> (0 on lanes the chunk before counted), then as <see cref="MultiplyAdd3"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddMasked3(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2) =>
        Accumulate3(false, ref weights, output, inputs, at, Load(ref input, at) * mask, ref sum0, ref sum1, ref sum2);

    /// <summary>The last chunk, which starts early: the input's chunk at <paramref name="at"/> times <paramref name="mask"/> (0 on lanes the chunk before counted), then as <see cref="MultiplyAdd4"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddMasked4(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3) =>
        Accumulate4(false, ref weights, output, inputs, at, Load(ref input, at) * mask, ref sum0, ref sum1, ref sum2, ref sum3);

    /// <summary>The last chunk, which starts early: the input's chunk at <paramref name="at"/> times <paramref name="mask"/> (0 on lanes the chunk before counted), then as <see cref="MultiplyAdd8"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void MultiplyAddMasked8(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3, ref Vector128<float> sum4, ref Vector128<float> sum5, ref Vector128<float> sum6, ref Vector128<float> sum7) =>
        Accumulate8(false, ref weights, output, inputs, at, Load(ref input, at) * mask, ref sum0, ref sum1, ref sum2, ref sum3, ref sum4, ref sum5, ref sum6, ref sum7);

    /// <summary>The last chunk, which starts early: the input's chunk at <paramref name="at"/> times <paramref name="mask"/> (0 on lanes the chunk before counted), then as <see cref="FusedMultiplyAdd1"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddMasked1(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0) =>
        Accumulate1(true, ref weights, output, inputs, at, Load(ref input, at) * mask, ref sum0);

    /// <summary>The last chunk, which starts early: the input's chunk at <paramref name="at"/> times <paramref name="mask"/> (0 on lanes the chunk before counted), then as <see cref="FusedMultiplyAdd2"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddMasked2(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1) =>
        Accumulate2(true, ref weights, output, inputs, at, Load(ref input, at) * mask, ref sum0, ref sum1);

    /// <summary>The last chunk, which starts early: the input's chunk at <paramref name="at"/> times <paramref name="mask"/> (0 on lanes the chunk before counted), then as <see cref="FusedMultiplyAdd3"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddMasked3(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2) =>
        Accumulate3(true, ref weights, output, inputs, at, Load(ref input, at) * mask, ref sum0, ref sum1, ref sum2);

    /// <summary>The last chunk, which starts early: the input's chunk at <paramref name="at"/> times <paramref name="mask"/> (0 on lanes the chunk before counted), then as <see cref="FusedMultiplyAdd4"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddMasked4(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3) =>
        Accumulate4(true, ref weights, output, inputs, at, Load(ref input, at) * mask, ref sum0, ref sum1, ref sum2, ref sum3);

    /// <summary>The last chunk, which starts early: the input's chunk at <paramref name="at"/> times <paramref name="mask"/> (0 on lanes the chunk before counted), then as <see cref="FusedMultiplyAdd8"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void FusedMultiplyAddMasked8(ref float weights, nuint output, nuint inputs, ref float input, nuint at, Vector128<float> mask, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3, ref Vector128<float> sum4, ref Vector128<float> sum5, ref Vector128<float> sum6, ref Vector128<float> sum7) =>
        Accumulate8(true, ref weights, output, inputs, at, Load(ref input, at) * mask, ref sum0, ref sum1, ref sum2, ref sum3, ref sum4, ref sum5, ref sum6, ref sum7);

    // The tile's rows in order against one chunk x; `fused` is a constant at every call, so the JIT keeps one form.
    // Each offset is used once, so the JIT substitutes it rather than keeping it in a temporary.
    [MethodImpl(KernelMethodImpl.Entry)]
    private static Vector128<float> Accumulate(bool fused, ref float weights, nuint offset, Vector128<float> x, Vector128<float> sum)
    {
        var rowChunk = Load(ref weights, offset);
        return fused ? FusedOperations.MultiplyAdd(rowChunk, x, sum) : (rowChunk * x) + sum;
    }

    [MethodImpl(KernelMethodImpl.Entry)]
    private static void Accumulate1(bool fused, ref float weights, nuint output, nuint inputs, nuint at, Vector128<float> x, ref Vector128<float> sum0) =>
        sum0 = Accumulate(fused, ref weights, (output * inputs) + at, x, sum0);

    [MethodImpl(KernelMethodImpl.Entry)]
    private static void Accumulate2(bool fused, ref float weights, nuint output, nuint inputs, nuint at, Vector128<float> x, ref Vector128<float> sum0, ref Vector128<float> sum1)
    {
        sum0 = Accumulate(fused, ref weights, (output * inputs) + at, x, sum0);
        sum1 = Accumulate(fused, ref weights, (output * inputs) + at + inputs, x, sum1);
    }

    [MethodImpl(KernelMethodImpl.Entry)]
    private static void Accumulate3(bool fused, ref float weights, nuint output, nuint inputs, nuint at, Vector128<float> x, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2)
    {
        sum0 = Accumulate(fused, ref weights, (output * inputs) + at, x, sum0);
        sum1 = Accumulate(fused, ref weights, (output * inputs) + at + inputs, x, sum1);
        sum2 = Accumulate(fused, ref weights, (output * inputs) + at + (2 * inputs), x, sum2);
    }

    [MethodImpl(KernelMethodImpl.Entry)]
    private static void Accumulate4(bool fused, ref float weights, nuint output, nuint inputs, nuint at, Vector128<float> x, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3)
    {
        sum0 = Accumulate(fused, ref weights, (output * inputs) + at, x, sum0);
        sum1 = Accumulate(fused, ref weights, (output * inputs) + at + inputs, x, sum1);
        sum2 = Accumulate(fused, ref weights, (output * inputs) + at + (2 * inputs), x, sum2);
        sum3 = Accumulate(fused, ref weights, (output * inputs) + at + (3 * inputs), x, sum3);
    }

    [MethodImpl(KernelMethodImpl.Entry)]
    private static void Accumulate8(bool fused, ref float weights, nuint output, nuint inputs, nuint at, Vector128<float> x, ref Vector128<float> sum0, ref Vector128<float> sum1, ref Vector128<float> sum2, ref Vector128<float> sum3, ref Vector128<float> sum4, ref Vector128<float> sum5, ref Vector128<float> sum6, ref Vector128<float> sum7)
    {
        sum0 = Accumulate(fused, ref weights, (output * inputs) + at, x, sum0);
        sum1 = Accumulate(fused, ref weights, (output * inputs) + at + inputs, x, sum1);
        sum2 = Accumulate(fused, ref weights, (output * inputs) + at + (2 * inputs), x, sum2);
        sum3 = Accumulate(fused, ref weights, (output * inputs) + at + (3 * inputs), x, sum3);
        sum4 = Accumulate(fused, ref weights, (output * inputs) + at + (4 * inputs), x, sum4);
        sum5 = Accumulate(fused, ref weights, (output * inputs) + at + (5 * inputs), x, sum5);
        sum6 = Accumulate(fused, ref weights, (output * inputs) + at + (6 * inputs), x, sum6);
        sum7 = Accumulate(fused, ref weights, (output * inputs) + at + (7 * inputs), x, sum7);
    }
}
