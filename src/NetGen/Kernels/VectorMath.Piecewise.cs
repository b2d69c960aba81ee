using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// The piecewise-linear activations at every width: comparisons and selects, no transcendental functions.
public static partial class VectorMath
{
    /// <summary>max(0, x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Relu(float x) => x > 0f ? x : 0f;

    /// <summary>x for x ≥ 0, else α·x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LeakyRelu(float x, float alpha) => x >= 0f ? x : alpha * x;

    /// <summary>min(max(0, x), 6).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Relu6(float x) => x > 0f ? (x < 6f ? x : 6f) : 0f;

    /// <summary>1 for x ≥ 0, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Step(float x) => x >= 0f ? 1f : 0f;

    /// <summary>max(0, x) in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Relu(Vector128<float> x) => AtLeastZero(x);

    /// <summary>x for x ≥ 0, else α·x, in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LeakyRelu(Vector128<float> x, float alpha) => Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), x, x * alpha);

    /// <summary>min(max(0, x), 6) in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Relu6(Vector128<float> x) => AtMost(AtLeastZero(x), Vector128.Create(6f));

    /// <summary>1 for x ≥ 0, else 0, in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Step(Vector128<float> x) => Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), Vector128<float>.One, Vector128<float>.Zero);

    /// <summary>max(0, x) in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Relu(Vector256<float> x) => AtLeastZero(x);

    /// <summary>x for x ≥ 0, else α·x, in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LeakyRelu(Vector256<float> x, float alpha) => Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), x, x * alpha);

    /// <summary>min(max(0, x), 6) in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Relu6(Vector256<float> x) => AtMost(AtLeastZero(x), Vector256.Create(6f));

    /// <summary>1 for x ≥ 0, else 0, in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Step(Vector256<float> x) => Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), Vector256<float>.One, Vector256<float>.Zero);

    /// <summary>max(0, x) in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Relu(Vector512<float> x) => AtLeastZero(x);

    /// <summary>x for x ≥ 0, else α·x, in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LeakyRelu(Vector512<float> x, float alpha) => Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), x, x * alpha);

    /// <summary>min(max(0, x), 6) in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Relu6(Vector512<float> x) => AtMost(AtLeastZero(x), Vector512.Create(6f));

    /// <summary>1 for x ≥ 0, else 0, in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Step(Vector512<float> x) => Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), Vector512<float>.One, Vector512<float>.Zero);
}
