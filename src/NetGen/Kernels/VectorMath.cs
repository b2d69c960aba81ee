using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Activation functions, their derivatives and the logarithm for <see cref="float"/> and for
/// <c>Vector128/256/512&lt;float&gt;</c>, called by the code NetGen generates. Not meant to be called by users.
/// </summary>
/// <remarks>
/// <para>
/// Every width runs the same algorithm with the same operations in the same order, so the scalar and the three
/// vector overloads return bitwise identical results (a generated layer may process its last few units with the
/// scalar overload). The vector overloads use only the cross-platform <c>Vector128/256/512</c> APIs and no
/// branches, so they serve x64 and ARM64 alike.
/// </para>
/// <para>
/// Accuracy against a double-precision reference: within 1e-6 relative or 4 ulp for every finite input, except
/// results that underflow to subnormals (judged by absolute error, a few hundred times
/// <see cref="float.Epsilon"/>) and the zero crossings of the derivatives (absolute 1e-7). No finite input gives
/// NaN; results saturate (<see cref="Exp(float)"/> gives +∞ only where e^x exceeds <see cref="float.MaxValue"/>).
/// </para>
/// <para>
/// The scalar overloads live in this file and the vector ones in <c>VectorMath.Vector128.cs</c>, from which the build
/// writes the Vector256 and Vector512 overloads.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class VectorMath
{
    // Exp: x is clamped to [ExpLowerBound, ExpUpperBound]; e^-104 rounds to 0 and e^89 to +∞ in float, and the
    // clamp keeps the exponent n = round(x / ln 2) within [-150, 128], which two normal powers of two can scale.
    private const float ExpLowerBound = -104f;
    private const float ExpUpperBound = 89f;

    // expm1 is needed for non-positive arguments only; below -20 it is -1 in float.
    private const float ExpM1LowerBound = -20f;

    // Adding 1.5·2^23 rounds a float of magnitude below 2^22 to an integer, which the low mantissa bits then hold.
    private const float RoundingShift = 12582912f;
    private const int RoundingShiftBits = 0x4B400000;

    private const float Log2E = 1.44269504088896341f;

    // Cody–Waite split of ln 2: Ln2Hi has 9 significant bits, so n·Ln2Hi is exact for |n| ≤ 2^15.
    private const float Ln2Hi = 0.693359375f;
    private const float Ln2Lo = -2.12194440e-4f;

    // e^r − 1 ≈ r + r²·P(r) on |r| ≤ ln2/2 (Cephes expf).
    private const float ExpP0 = 1.9875691500e-4f;
    private const float ExpP1 = 1.3981999507e-3f;
    private const float ExpP2 = 8.3334519073e-3f;
    private const float ExpP3 = 4.1665795894e-2f;
    private const float ExpP4 = 1.6666665459e-1f;
    private const float ExpP5 = 5.0000001201e-1f;

    private const int ExponentBias = 127;
    private const int MantissaBits = 23;
    private const int MantissaMask = 0x007FFFFF;

    // Log: x = m·2^e with m in [√½, √2), from integer arithmetic on the bits offset by those of √½.
    private const int SqrtHalfBits = 0x3F3504F3;

    // ln(1 + f) ≈ f − f²/2 + f³·Q(f) on √½ − 1 ≤ f < √2 − 1 (Cephes logf).
    private const float LogQ0 = 7.0376836292e-2f;
    private const float LogQ1 = -1.1514610310e-1f;
    private const float LogQ2 = 1.1676998740e-1f;
    private const float LogQ3 = -1.2420140846e-1f;
    private const float LogQ4 = 1.4249322787e-1f;
    private const float LogQ5 = -1.6668057665e-1f;
    private const float LogQ6 = 2.0000714765e-1f;
    private const float LogQ7 = -2.4999993993e-1f;
    private const float LogQ8 = 3.3333331174e-1f;

    // Subnormal inputs of Log are scaled by 2^23 first, then 23·ln 2 is subtracted.
    private const float SubnormalScale = 8388608f;
    private const float SubnormalLogOffset = 15.9423851528787f;
    private const float SmallestNormal = 1.17549435e-38f;

    // tanh x ≈ x·P(x²) / Q(x²) with P(0) = Q(0) = 1, a (7, 8) rational fitted to tanh's relative error on (0, 8] (Lawson-weighted
    // least squares; 1.5e-7 before float rounding). Both polynomials are evaluated in factors, whose roots in x² are all real
    // and negative: x·P = C3·x·(u + R)·(u² + S·u + T) and Q = (u² + A·u + B)·(u² + G·u + D) with u = x², each quadratic
    // as u·(x·x + A) + B, so that every factor is two operations from u and numerator and denominator are ready one multiply
    // later, side by side (one multiply-add shorter than the degree-4 polynomials of Estrin's scheme). In float it is within
    // 5.2e-7 relative (8.0 ulp) of tanh with fused multiply-adds and 5.5e-7 (9.2 ulp) without, for every float, checked
    // exhaustively. The input is clamped to ±TanhSaturation, the first float where the rational is exactly ±1 (fused or not)
    // and below which it never exceeds 1: within 4.2e-7 of tanh beyond it. A clamp costs two instructions before the
    // rational instead of a comparison and a blend after it.
    private const float TanhSaturation = 7.691232f;
    private const float TanhC3 = 46.396904f;
    private const float TanhC3R = 9492.176f;
    private const float TanhS = 52.99486f;
    private const float TanhT = 425.9494f;
    private const float TanhA = 942.62036f;
    private const float TanhB = 72764.26f;
    private const float TanhG = 24.986824f;
    private const float TanhD = 55.565556f;

    // Mish and its derivative use e^x only up to 20: beyond it tanh(softplus(x)) is 1 in float and the
    // correction terms vanish, while e^20·(e^20 + 2) still fits a float.
    private const float MishUpperBound = 20f;

    /// <summary>e^x; 0 for x below about -103.97, +∞ for x above ln(<see cref="float.MaxValue"/>) ≈ 88.72.</summary>
    /// <remarks>Cody–Waite reduction x = n·ln 2 + r, a degree-7 polynomial for e^r and 2^n from the exponent bits.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float x)
    {
        x = x < ExpLowerBound ? ExpLowerBound : x;
        return ExpOfClamped(x > ExpUpperBound ? ExpUpperBound : x);
    }

    /// <summary>The logistic function σ(x) = 1 / (1 + e^-x), in [0, 1] for every finite x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x)
    {
        // With e = e^-|x| ≤ 1 nothing overflows: σ(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0.
        float e = ExpOfNonPositive(-MathF.Abs(x));
        return (x < 0f ? e : 1f) / (1f + e);
    }

    /// <summary>The hyperbolic tangent, ±1 for large |x| and relatively accurate near 0.</summary>
    /// <remarks>A rational function of x (no exponential): short factors in x² side by side and one division.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float x)
    {
        // The factors side by side, as the vector overloads. NaN passes the clamp.
        x = x < -TanhSaturation ? -TanhSaturation : x;
        x = x > TanhSaturation ? TanhSaturation : x;
        float u = x * x;
        float linear = MultiplyAdd(TanhC3 * x, u, TanhC3R * x);
        float quadratic = MultiplyAdd(u, MultiplyAdd(x, x, TanhS), TanhT);
        float q1 = MultiplyAdd(u, MultiplyAdd(x, x, TanhA), TanhB);
        float q2 = MultiplyAdd(u, MultiplyAdd(x, x, TanhG), TanhD);
        return linear * quadratic / (q1 * q2);
    }

    /// <summary>Swish (SiLU): x·σ(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Swish(float x)
    {
        float e = ExpOfNonPositive(-MathF.Abs(x));
        return x * ((x < 0f ? e : 1f) / (1f + e));
    }

    /// <summary>The derivative of <see cref="Swish(float)"/> at the pre-activation z: σ(z) + z·σ(z)·(1 − σ(z)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SwishDerivative(float z)
    {
        // With e = e^-|z| and s = 1/(1 + e): σ(z)·(1 − σ(z)) = e·s² on both sides of 0.
        float e = ExpOfNonPositive(-MathF.Abs(z));
        float s = 1f / (1f + e);
        return (z < 0f ? e * s : s) + z * (e * s * s);
    }

    /// <summary>Softplus: ln(1 + e^x), computed without overflow; x for large x, e^x for very negative x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Softplus(float x)
    {
        // max(x, 0) + ln(1 + e) with e = e^-|x|; u = 1 + e is rounded, c is what the rounding lost.
        float e = ExpOfNonPositive(-MathF.Abs(x));
        float u = 1f + e;
        float c = e - (u - 1f);
        return (x > 0f ? x : 0f) + (LogOfNormal(u) + c);
    }

    /// <summary>Mish: x·tanh(softplus(x)); x for x above about 9, tending to 0 (never NaN) for very negative x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Mish(float x)
    {
        // tanh(ln(1 + e)) = n / (n + 2) with n = e·(e + 2), e = e^x.
        float clamped = x > ExpLowerBound ? x : ExpLowerBound;
        float e = ExpOfClamped(clamped < MishUpperBound ? clamped : MishUpperBound);
        float n = e * (e + 2f);
        return x * (n / (n + 2f));
    }

    /// <summary>The derivative of <see cref="Mish(float)"/> at the pre-activation z.</summary>
    /// <remarks>tanh(sp) + z·σ(z)·sech²(sp) with sp = softplus(z), which is (n·d + 4z·e·(1 + e)) / d² with e = e^z, n = e·(e + 2), d = n + 2.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MishDerivative(float z)
    {
        z = z < MishUpperBound ? z : MishUpperBound;
        float e = ExpOfClamped(z > ExpLowerBound ? z : ExpLowerBound);
        float n = e * (e + 2f);
        float d = n + 2f;
        return (n * d + z * (4f * e * (e + 1f))) / (d * d);
    }

    /// <summary>ELU: x for x ≥ 0, α·(e^x − 1) otherwise, with e^x − 1 accurate near 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Elu(float x, float alpha)
    {
        float negative = alpha * ExpM1NonPositive(x < 0f ? x : 0f);
        return x >= 0f ? x : negative;
    }

    /// <summary>The natural logarithm: -∞ at 0, NaN below 0, accurate for subnormal x and near 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Log(float x)
    {
        bool subnormal = x < SmallestNormal;
        float result = LogOfNormal(subnormal ? x * SubnormalScale : x);
        result = subnormal ? result - SubnormalLogOffset : result;
        result = x == float.PositiveInfinity ? x : result;
        result = x == 0f ? float.NegativeInfinity : result;
        return x >= 0f ? result : float.NaN;
    }

    /// <summary>e^x for x ≤ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ExpOfNonPositive(float x) => ExpOfClamped(x > ExpLowerBound ? x : ExpLowerBound);

    /// <summary>e^x for x in [<see cref="ExpLowerBound"/>, <see cref="ExpUpperBound"/>].</summary>
    /// <remarks>Cody–Waite reduction x = n·ln 2 + r, a degree-7 polynomial for e^r and 2^n from the exponent bits.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ExpOfClamped(float x)
    {
        float shifted = x * Log2E + RoundingShift;
        float n = shifted - RoundingShift;
        int k = BitConverter.SingleToInt32Bits(shifted) - RoundingShiftBits;
        float r = x - n * Ln2Hi - n * Ln2Lo;
        float p = ExpM1Polynomial(r) + 1f;
        // 2^k as two normal factors, so that results in the subnormal range are rounded once.
        int half = k >> 1;
        float scaleLow = BitConverter.Int32BitsToSingle((half + ExponentBias) << MantissaBits);
        float scaleHigh = BitConverter.Int32BitsToSingle((k - half + ExponentBias) << MantissaBits);
        return p * scaleLow * scaleHigh;
    }

    /// <summary>e^x − 1 for x ≤ 0 (larger x are not supported), accurate near 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ExpM1NonPositive(float x)
    {
        x = x < ExpM1LowerBound ? ExpM1LowerBound : x;
        float shifted = x * Log2E + RoundingShift;
        float n = shifted - RoundingShift;
        int k = BitConverter.SingleToInt32Bits(shifted) - RoundingShiftBits;
        float r = x - n * Ln2Hi - n * Ln2Lo;
        float scale = BitConverter.Int32BitsToSingle((k + ExponentBias) << MantissaBits);
        // e^x − 1 = 2^k·(e^r − 1) + (2^k − 1); both terms are exact or nearly so, and for k = 0 the second is 0.
        return ExpM1Polynomial(r) * scale + (scale - 1f);
    }

    /// <summary>e^r − 1 for |r| ≤ ln2/2 (slightly beyond is fine).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ExpM1Polynomial(float r)
    {
        float p = ExpP0;
        p = MultiplyAdd(p, r, ExpP1);
        p = MultiplyAdd(p, r, ExpP2);
        p = MultiplyAdd(p, r, ExpP3);
        p = MultiplyAdd(p, r, ExpP4);
        p = MultiplyAdd(p, r, ExpP5);
        return p * (r * r) + r;
    }

    /// <summary>ln x for a positive, normal, finite x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float LogOfNormal(float x)
    {
        int offset = BitConverter.SingleToInt32Bits(x) - SqrtHalfBits;
        float exponent = offset >> MantissaBits;
        float f = BitConverter.Int32BitsToSingle((offset & MantissaMask) + SqrtHalfBits) - 1f;
        float f2 = f * f;
        float q = LogQ0;
        q = MultiplyAdd(q, f, LogQ1);
        q = MultiplyAdd(q, f, LogQ2);
        q = MultiplyAdd(q, f, LogQ3);
        q = MultiplyAdd(q, f, LogQ4);
        q = MultiplyAdd(q, f, LogQ5);
        q = MultiplyAdd(q, f, LogQ6);
        q = MultiplyAdd(q, f, LogQ7);
        q = MultiplyAdd(q, f, LogQ8);
        float y = q * f * f2 + exponent * Ln2Lo - 0.5f * f2;
        return f + y + exponent * Ln2Hi;
    }

    /// <summary>a·b + c, fused where the vector overloads fuse too, so that every width agrees bitwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float MultiplyAdd(float a, float b, float c) =>
#if NET9_0_OR_GREATER
        FusesMultiplyAdd ? MathF.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        (a * b) + c;
#endif

    /// <summary>
    /// Whether every overload's multiply-adds round once (on .NET 9 and later): where the processor has the
    /// instruction, and without SIMD, where only the scalar overloads run. With vectors but no FMA (AVX without
    /// AVX2) an exact fused result costs about six times a multiply and an add, so all widths round twice there.
    /// The JIT folds it.
    /// </summary>
    private static bool FusesMultiplyAdd
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => FusedOperations.IsHardwareAccelerated || !Vector128.IsHardwareAccelerated;
    }
}
