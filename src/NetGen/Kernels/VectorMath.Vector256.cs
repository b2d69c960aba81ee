using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// The Vector256 overloads: VectorMath.Vector128.cs with the width replaced (keep the three files so). Every
// operation mirrors the scalar overload in VectorMath.cs, so all widths agree bitwise.
public static partial class VectorMath
{
    /// <summary>e^x per lane; see <see cref="Exp(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Vector256.Max(x, Vector256.Create(ExpLowerBound));
        return ExpOfClamped(Vector256.Min(x, Vector256.Create(ExpUpperBound)));
    }

    /// <summary>σ(x) = 1 / (1 + e^-x) per lane; see <see cref="Sigmoid(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x)
    {
        Vector256<float> e = ExpOfNonPositive(x | Vector256.Create(-0f));
        Vector256<float> numerator = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), e, Vector256.Create(1f));
        return numerator / (Vector256.Create(1f) + e);
    }

    /// <summary>tanh x per lane; see <see cref="Tanh(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        Vector256<float> m = ExpM1NonPositive(Vector256.Create(-2f) * Vector256.Abs(x));
        Vector256<float> magnitude = -m / (Vector256.Create(2f) + m);
        return Vector256.ConditionalSelect(Vector256.Create(-0f), x, magnitude);
    }

    /// <summary>x·σ(x) per lane; see <see cref="Swish(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Swish(Vector256<float> x)
    {
        Vector256<float> e = ExpOfNonPositive(x | Vector256.Create(-0f));
        Vector256<float> numerator = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), e, Vector256.Create(1f));
        return x * (numerator / (Vector256.Create(1f) + e));
    }

    /// <summary>σ(z) + z·σ(z)·(1 − σ(z)) per lane; see <see cref="SwishDerivative(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SwishDerivative(Vector256<float> z)
    {
        Vector256<float> e = ExpOfNonPositive(z | Vector256.Create(-0f));
        Vector256<float> s = Vector256.Create(1f) / (Vector256.Create(1f) + e);
        Vector256<float> sigmoid = Vector256.ConditionalSelect(Vector256.LessThan(z, Vector256<float>.Zero), e * s, s);
        return sigmoid + z * (e * s * s);
    }

    /// <summary>ln(1 + e^x) per lane; see <see cref="Softplus(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Softplus(Vector256<float> x)
    {
        Vector256<float> e = ExpOfNonPositive(x | Vector256.Create(-0f));
        Vector256<float> u = Vector256.Create(1f) + e;
        Vector256<float> c = e - (u - Vector256.Create(1f));
        return Vector256.Max(x, Vector256<float>.Zero) + (LogOfNormal(u) + c);
    }

    /// <summary>x·tanh(softplus(x)) per lane; see <see cref="Mish(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Mish(Vector256<float> x)
    {
        Vector256<float> e = ExpOfClamped(Vector256.Min(Vector256.Max(x, Vector256.Create(ExpLowerBound)), Vector256.Create(MishUpperBound)));
        Vector256<float> n = e * (e + Vector256.Create(2f));
        return x * (n / (n + Vector256.Create(2f)));
    }

    /// <summary>The derivative of Mish at the pre-activation z, per lane; see <see cref="MishDerivative(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MishDerivative(Vector256<float> z)
    {
        z = Vector256.Min(z, Vector256.Create(MishUpperBound));
        Vector256<float> e = ExpOfClamped(Vector256.Max(z, Vector256.Create(ExpLowerBound)));
        Vector256<float> n = e * (e + Vector256.Create(2f));
        Vector256<float> d = n + Vector256.Create(2f);
        return (n * d + z * (Vector256.Create(4f) * e * (e + Vector256.Create(1f)))) / (d * d);
    }

    /// <summary>x for x ≥ 0, α·(e^x − 1) otherwise, per lane; see <see cref="Elu(float, float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Elu(Vector256<float> x, float alpha)
    {
        Vector256<float> negative = Vector256.Create(alpha) * ExpM1NonPositive(Vector256.Min(x, Vector256<float>.Zero));
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), x, negative);
    }

    /// <summary>ln x per lane; see <see cref="Log(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log(Vector256<float> x)
    {
        Vector256<float> subnormal = Vector256.LessThan(x, Vector256.Create(SmallestNormal));
        Vector256<float> result = LogOfNormal(Vector256.ConditionalSelect(subnormal, x * Vector256.Create(SubnormalScale), x));
        result -= subnormal & Vector256.Create(SubnormalLogOffset);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(float.PositiveInfinity)), x, result);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<float>.Zero), Vector256.Create(float.NegativeInfinity), result);
        // Negative and NaN lanes: all bits set is a NaN.
        return result | ~Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpOfNonPositive(Vector256<float> x) => ExpOfClamped(Vector256.Max(x, Vector256.Create(ExpLowerBound)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpOfClamped(Vector256<float> x)
    {
        Vector256<float> shifted = x * Vector256.Create(Log2E) + Vector256.Create(RoundingShift);
        Vector256<float> n = shifted - Vector256.Create(RoundingShift);
        Vector256<int> k = shifted.AsInt32() - Vector256.Create(RoundingShiftBits);
        Vector256<float> r = x - n * Vector256.Create(Ln2Hi) - n * Vector256.Create(Ln2Lo);
        Vector256<float> p = ExpM1Polynomial(r) + Vector256.Create(1f);
        Vector256<int> half = Vector256.ShiftRightArithmetic(k, 1);
        Vector256<float> scaleLow = Vector256.ShiftLeft(half + Vector256.Create(ExponentBias), MantissaBits).AsSingle();
        Vector256<float> scaleHigh = Vector256.ShiftLeft(k - half + Vector256.Create(ExponentBias), MantissaBits).AsSingle();
        return p * scaleLow * scaleHigh;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpM1NonPositive(Vector256<float> x)
    {
        x = Vector256.Max(x, Vector256.Create(ExpM1LowerBound));
        Vector256<float> shifted = x * Vector256.Create(Log2E) + Vector256.Create(RoundingShift);
        Vector256<float> n = shifted - Vector256.Create(RoundingShift);
        Vector256<int> k = shifted.AsInt32() - Vector256.Create(RoundingShiftBits);
        Vector256<float> r = x - n * Vector256.Create(Ln2Hi) - n * Vector256.Create(Ln2Lo);
        Vector256<float> scale = Vector256.ShiftLeft(k + Vector256.Create(ExponentBias), MantissaBits).AsSingle();
        return ExpM1Polynomial(r) * scale + (scale - Vector256.Create(1f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpM1Polynomial(Vector256<float> r)
    {
        Vector256<float> p = Vector256.Create(ExpP0);
        p = MultiplyAdd(p, r, Vector256.Create(ExpP1));
        p = MultiplyAdd(p, r, Vector256.Create(ExpP2));
        p = MultiplyAdd(p, r, Vector256.Create(ExpP3));
        p = MultiplyAdd(p, r, Vector256.Create(ExpP4));
        p = MultiplyAdd(p, r, Vector256.Create(ExpP5));
        return p * (r * r) + r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> LogOfNormal(Vector256<float> x)
    {
        Vector256<int> offset = x.AsInt32() - Vector256.Create(SqrtHalfBits);
        Vector256<float> exponent = Vector256.ConvertToSingle(Vector256.ShiftRightArithmetic(offset, MantissaBits));
        Vector256<float> f = ((offset & Vector256.Create(MantissaMask)) + Vector256.Create(SqrtHalfBits)).AsSingle() - Vector256.Create(1f);
        Vector256<float> f2 = f * f;
        Vector256<float> q = Vector256.Create(LogQ0);
        q = MultiplyAdd(q, f, Vector256.Create(LogQ1));
        q = MultiplyAdd(q, f, Vector256.Create(LogQ2));
        q = MultiplyAdd(q, f, Vector256.Create(LogQ3));
        q = MultiplyAdd(q, f, Vector256.Create(LogQ4));
        q = MultiplyAdd(q, f, Vector256.Create(LogQ5));
        q = MultiplyAdd(q, f, Vector256.Create(LogQ6));
        q = MultiplyAdd(q, f, Vector256.Create(LogQ7));
        q = MultiplyAdd(q, f, Vector256.Create(LogQ8));
        Vector256<float> y = q * f * f2 + exponent * Vector256.Create(Ln2Lo) - Vector256.Create(0.5f) * f2;
        return f + y + exponent * Vector256.Create(Ln2Hi);
    }

    /// <summary>a·b + c, fused (one rounding, half the latency) where the framework has the API; every width and the scalar overloads make the same choice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
#if NET9_0_OR_GREATER
        Vector256.FusedMultiplyAdd(a, b, c);
#else
        (a * b) + c;
#endif
}
