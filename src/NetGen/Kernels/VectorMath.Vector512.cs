using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// The Vector512 overloads: VectorMath.Vector128.cs with the width replaced (keep the three files so). Every
// operation mirrors the scalar overload in VectorMath.cs, so all widths agree bitwise.
public static partial class VectorMath
{
    /// <summary>e^x per lane; see <see cref="Exp(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        x = Vector512.Max(x, Vector512.Create(ExpLowerBound));
        return ExpOfClamped(Vector512.Min(x, Vector512.Create(ExpUpperBound)));
    }

    /// <summary>σ(x) = 1 / (1 + e^-x) per lane; see <see cref="Sigmoid(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x)
    {
        Vector512<float> e = ExpOfNonPositive(x | Vector512.Create(-0f));
        Vector512<float> numerator = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), e, Vector512.Create(1f));
        return numerator / (Vector512.Create(1f) + e);
    }

    /// <summary>tanh x per lane; see <see cref="Tanh(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        Vector512<float> m = ExpM1NonPositive(Vector512.Create(-2f) * Vector512.Abs(x));
        Vector512<float> magnitude = -m / (Vector512.Create(2f) + m);
        return Vector512.ConditionalSelect(Vector512.Create(-0f), x, magnitude);
    }

    /// <summary>x·σ(x) per lane; see <see cref="Swish(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Swish(Vector512<float> x)
    {
        Vector512<float> e = ExpOfNonPositive(x | Vector512.Create(-0f));
        Vector512<float> numerator = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), e, Vector512.Create(1f));
        return x * (numerator / (Vector512.Create(1f) + e));
    }

    /// <summary>σ(z) + z·σ(z)·(1 − σ(z)) per lane; see <see cref="SwishDerivative(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> SwishDerivative(Vector512<float> z)
    {
        Vector512<float> e = ExpOfNonPositive(z | Vector512.Create(-0f));
        Vector512<float> s = Vector512.Create(1f) / (Vector512.Create(1f) + e);
        Vector512<float> sigmoid = Vector512.ConditionalSelect(Vector512.LessThan(z, Vector512<float>.Zero), e * s, s);
        return sigmoid + z * (e * s * s);
    }

    /// <summary>ln(1 + e^x) per lane; see <see cref="Softplus(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Softplus(Vector512<float> x)
    {
        Vector512<float> e = ExpOfNonPositive(x | Vector512.Create(-0f));
        Vector512<float> u = Vector512.Create(1f) + e;
        Vector512<float> c = e - (u - Vector512.Create(1f));
        return Vector512.Max(x, Vector512<float>.Zero) + (LogOfNormal(u) + c);
    }

    /// <summary>x·tanh(softplus(x)) per lane; see <see cref="Mish(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Mish(Vector512<float> x)
    {
        Vector512<float> e = ExpOfClamped(Vector512.Min(Vector512.Max(x, Vector512.Create(ExpLowerBound)), Vector512.Create(MishUpperBound)));
        Vector512<float> n = e * (e + Vector512.Create(2f));
        return x * (n / (n + Vector512.Create(2f)));
    }

    /// <summary>The derivative of Mish at the pre-activation z, per lane; see <see cref="MishDerivative(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MishDerivative(Vector512<float> z)
    {
        z = Vector512.Min(z, Vector512.Create(MishUpperBound));
        Vector512<float> e = ExpOfClamped(Vector512.Max(z, Vector512.Create(ExpLowerBound)));
        Vector512<float> n = e * (e + Vector512.Create(2f));
        Vector512<float> d = n + Vector512.Create(2f);
        return (n * d + z * (Vector512.Create(4f) * e * (e + Vector512.Create(1f)))) / (d * d);
    }

    /// <summary>x for x ≥ 0, α·(e^x − 1) otherwise, per lane; see <see cref="Elu(float, float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Elu(Vector512<float> x, float alpha)
    {
        Vector512<float> negative = Vector512.Create(alpha) * ExpM1NonPositive(Vector512.Min(x, Vector512<float>.Zero));
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), x, negative);
    }

    /// <summary>ln x per lane; see <see cref="Log(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log(Vector512<float> x)
    {
        Vector512<float> subnormal = Vector512.LessThan(x, Vector512.Create(SmallestNormal));
        Vector512<float> result = LogOfNormal(Vector512.ConditionalSelect(subnormal, x * Vector512.Create(SubnormalScale), x));
        result -= subnormal & Vector512.Create(SubnormalLogOffset);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(float.PositiveInfinity)), x, result);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<float>.Zero), Vector512.Create(float.NegativeInfinity), result);
        // Negative and NaN lanes: all bits set is a NaN.
        return result | ~Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpOfNonPositive(Vector512<float> x) => ExpOfClamped(Vector512.Max(x, Vector512.Create(ExpLowerBound)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpOfClamped(Vector512<float> x)
    {
        Vector512<float> shifted = x * Vector512.Create(Log2E) + Vector512.Create(RoundingShift);
        Vector512<float> n = shifted - Vector512.Create(RoundingShift);
        Vector512<int> k = shifted.AsInt32() - Vector512.Create(RoundingShiftBits);
        Vector512<float> r = x - n * Vector512.Create(Ln2Hi) - n * Vector512.Create(Ln2Lo);
        Vector512<float> p = ExpM1Polynomial(r) + Vector512.Create(1f);
        Vector512<int> half = Vector512.ShiftRightArithmetic(k, 1);
        Vector512<float> scaleLow = Vector512.ShiftLeft(half + Vector512.Create(ExponentBias), MantissaBits).AsSingle();
        Vector512<float> scaleHigh = Vector512.ShiftLeft(k - half + Vector512.Create(ExponentBias), MantissaBits).AsSingle();
        return p * scaleLow * scaleHigh;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpM1NonPositive(Vector512<float> x)
    {
        x = Vector512.Max(x, Vector512.Create(ExpM1LowerBound));
        Vector512<float> shifted = x * Vector512.Create(Log2E) + Vector512.Create(RoundingShift);
        Vector512<float> n = shifted - Vector512.Create(RoundingShift);
        Vector512<int> k = shifted.AsInt32() - Vector512.Create(RoundingShiftBits);
        Vector512<float> r = x - n * Vector512.Create(Ln2Hi) - n * Vector512.Create(Ln2Lo);
        Vector512<float> scale = Vector512.ShiftLeft(k + Vector512.Create(ExponentBias), MantissaBits).AsSingle();
        return ExpM1Polynomial(r) * scale + (scale - Vector512.Create(1f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpM1Polynomial(Vector512<float> r)
    {
        Vector512<float> p = Vector512.Create(ExpP0);
        p = MultiplyAdd(p, r, Vector512.Create(ExpP1));
        p = MultiplyAdd(p, r, Vector512.Create(ExpP2));
        p = MultiplyAdd(p, r, Vector512.Create(ExpP3));
        p = MultiplyAdd(p, r, Vector512.Create(ExpP4));
        p = MultiplyAdd(p, r, Vector512.Create(ExpP5));
        return p * (r * r) + r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LogOfNormal(Vector512<float> x)
    {
        Vector512<int> offset = x.AsInt32() - Vector512.Create(SqrtHalfBits);
        Vector512<float> exponent = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(offset, MantissaBits));
        Vector512<float> f = ((offset & Vector512.Create(MantissaMask)) + Vector512.Create(SqrtHalfBits)).AsSingle() - Vector512.Create(1f);
        Vector512<float> f2 = f * f;
        Vector512<float> q = Vector512.Create(LogQ0);
        q = MultiplyAdd(q, f, Vector512.Create(LogQ1));
        q = MultiplyAdd(q, f, Vector512.Create(LogQ2));
        q = MultiplyAdd(q, f, Vector512.Create(LogQ3));
        q = MultiplyAdd(q, f, Vector512.Create(LogQ4));
        q = MultiplyAdd(q, f, Vector512.Create(LogQ5));
        q = MultiplyAdd(q, f, Vector512.Create(LogQ6));
        q = MultiplyAdd(q, f, Vector512.Create(LogQ7));
        q = MultiplyAdd(q, f, Vector512.Create(LogQ8));
        Vector512<float> y = q * f * f2 + exponent * Vector512.Create(Ln2Lo) - Vector512.Create(0.5f) * f2;
        return f + y + exponent * Vector512.Create(Ln2Hi);
    }

    /// <summary>a·b + c, fused (one rounding, half the latency) where the framework has the API; every width and the scalar overloads make the same choice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
#if NET9_0_OR_GREATER
        Vector512.FusedMultiplyAdd(a, b, c);
#else
        (a * b) + c;
#endif
}
