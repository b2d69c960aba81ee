using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The steps of a generated one-row kernel on one width of vector: each a single non-generic method, so that the
/// compiler binds each of the kernel's written-out lines without type inference or a search through the
/// <see cref="Vector128"/> overloads, and the JIT inlines it to the same instructions. Generator-facing.
/// </summary>
/// <remarks>
/// Written once: this file holds the 128-bit width, and the build writes <c>RowMath256</c> and <c>RowMath512</c>
/// from it (VectorMathWidths.targets).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class RowMath128
{
    /// <summary>A vector of zeros, where a looped chunk's sums start.</summary>
    public static Vector128<float> Zero
    {
        [MethodImpl(KernelMethodImpl.Entry)]
        get => Vector128<float>.Zero;
    }

    /// <summary>One vector of floats from <paramref name="source"/> + <paramref name="offset"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Load(ref float source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

    /// <summary>Stores <paramref name="value"/> at <paramref name="destination"/> + <paramref name="offset"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Store(Vector128<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <summary>One vector of weights at <paramref name="offset"/> times <paramref name="x"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Multiply(ref float weights, nuint offset, Vector128<float> x) => Vector128.LoadUnsafe(ref weights, offset) * x;

    /// <summary>One vector of weights at <paramref name="offset"/> times <paramref name="x"/>, plus <paramref name="sum"/>, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> MultiplyAdd(ref float weights, nuint offset, Vector128<float> x, Vector128<float> sum) =>
        (Vector128.LoadUnsafe(ref weights, offset) * x) + sum;

    /// <summary>One vector of weights at <paramref name="offset"/> times <paramref name="x"/>, plus <paramref name="sum"/>, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> FusedMultiplyAdd(ref float weights, nuint offset, Vector128<float> x, Vector128<float> sum) =>
        FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, offset), x, sum);
}
