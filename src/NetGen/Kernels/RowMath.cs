using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The steps of a generated one-row kernel on vectors of 16 floats: each a single non-generic method, so that the
/// compiler binds each of the kernel's written-out lines without type inference or a search through the
/// <see cref="Vector512"/> overloads, and the JIT inlines it to the same instructions. Generator-facing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RowMath512
{
    /// <summary>A vector of zeros, where a looped chunk's sums start.</summary>
    public static Vector512<float> Zero
    {
        [MethodImpl(KernelMethodImpl.Entry)]
        get => Vector512<float>.Zero;
    }

    /// <summary>The 16 floats from <paramref name="source"/> + <paramref name="offset"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> Load(ref float source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    /// <summary>Stores <paramref name="value"/> at <paramref name="destination"/> + <paramref name="offset"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Store(Vector512<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <summary>The 16 weights at <paramref name="offset"/> times <paramref name="x"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> Multiply(ref float weights, nuint offset, Vector512<float> x) => Vector512.LoadUnsafe(ref weights, offset) * x;

    /// <summary>The 16 weights at <paramref name="offset"/> times <paramref name="x"/>, plus <paramref name="sum"/>, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> MultiplyAdd(ref float weights, nuint offset, Vector512<float> x, Vector512<float> sum) =>
        (Vector512.LoadUnsafe(ref weights, offset) * x) + sum;

    /// <summary>The 16 weights at <paramref name="offset"/> times <paramref name="x"/>, plus <paramref name="sum"/>, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> FusedMultiplyAdd(ref float weights, nuint offset, Vector512<float> x, Vector512<float> sum) =>
        FusedOperations.MultiplyAdd(Vector512.LoadUnsafe(ref weights, offset), x, sum);

    /// <summary>The lower half of <paramref name="value"/> plus its upper half.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> AddHalves(Vector512<float> value) => value.GetLower() + value.GetUpper();
}

/// <summary>
/// The steps of a generated one-row kernel on vectors of 8 floats (see <see cref="RowMath512"/>). Generator-facing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RowMath256
{
    /// <summary>A vector of zeros, where a looped chunk's sums start.</summary>
    public static Vector256<float> Zero
    {
        [MethodImpl(KernelMethodImpl.Entry)]
        get => Vector256<float>.Zero;
    }

    /// <summary>The 8 floats from <paramref name="source"/> + <paramref name="offset"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> Load(ref float source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    /// <summary>Stores <paramref name="value"/> at <paramref name="destination"/> + <paramref name="offset"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Store(Vector256<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <summary>The 8 weights at <paramref name="offset"/> times <paramref name="x"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> Multiply(ref float weights, nuint offset, Vector256<float> x) => Vector256.LoadUnsafe(ref weights, offset) * x;

    /// <summary>The 8 weights at <paramref name="offset"/> times <paramref name="x"/>, plus <paramref name="sum"/>, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> MultiplyAdd(ref float weights, nuint offset, Vector256<float> x, Vector256<float> sum) =>
        (Vector256.LoadUnsafe(ref weights, offset) * x) + sum;

    /// <summary>The 8 weights at <paramref name="offset"/> times <paramref name="x"/>, plus <paramref name="sum"/>, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> FusedMultiplyAdd(ref float weights, nuint offset, Vector256<float> x, Vector256<float> sum) =>
        FusedOperations.MultiplyAdd(Vector256.LoadUnsafe(ref weights, offset), x, sum);

    /// <summary>The lower half of <paramref name="value"/> plus its upper half.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> AddHalves(Vector256<float> value) => value.GetLower() + value.GetUpper();
}

/// <summary>
/// The steps of a generated one-row kernel on vectors of 4 floats (see <see cref="RowMath512"/>). Generator-facing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RowMath128
{
    /// <summary>A vector of zeros, where a looped chunk's sums start.</summary>
    public static Vector128<float> Zero
    {
        [MethodImpl(KernelMethodImpl.Entry)]
        get => Vector128<float>.Zero;
    }

    /// <summary>The 4 floats from <paramref name="source"/> + <paramref name="offset"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Load(ref float source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

    /// <summary>Stores <paramref name="value"/> at <paramref name="destination"/> + <paramref name="offset"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Store(Vector128<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <summary>The 4 weights at <paramref name="offset"/> times <paramref name="x"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Multiply(ref float weights, nuint offset, Vector128<float> x) => Vector128.LoadUnsafe(ref weights, offset) * x;

    /// <summary>The 4 weights at <paramref name="offset"/> times <paramref name="x"/>, plus <paramref name="sum"/>, rounded twice.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> MultiplyAdd(ref float weights, nuint offset, Vector128<float> x, Vector128<float> sum) =>
        (Vector128.LoadUnsafe(ref weights, offset) * x) + sum;

    /// <summary>The 4 weights at <paramref name="offset"/> times <paramref name="x"/>, plus <paramref name="sum"/>, rounded once.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> FusedMultiplyAdd(ref float weights, nuint offset, Vector128<float> x, Vector128<float> sum) =>
        FusedOperations.MultiplyAdd(Vector128.LoadUnsafe(ref weights, offset), x, sum);
}
