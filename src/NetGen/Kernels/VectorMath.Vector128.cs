using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

// The vector overloads, written once: this file holds the 128-bit width, and before compiling, the build writes
// the 256- and 512-bit widths from it by replacing the type's width (VectorMathWidths.targets), so the JIT sees
// plain intrinsics at every width. Every operation mirrors the scalar overload in VectorMath.cs, so all widths
// agree bitwise.
public static partial class VectorMath
{
    /// <summary>e^x per lane; see <see cref="Exp(float)"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Exp(Vector128<float> x)
    {
        x = AtLeast(x, Vector128.Create(ExpLowerBound));
        return ExpOfClamped(AtMost(x, Vector128.Create(ExpUpperBound)));
    }

    /// <summary>σ(x) = 1 / (1 + e^-x) per lane; see <see cref="Sigmoid(float)"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Sigmoid(Vector128<float> x)
    {
        Vector128<float> e = ExpOfNonPositive(x | Vector128.Create(-0f));
        Vector128<float> numerator = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<float>.Zero), e, Vector128.Create(1f));
        return numerator / (Vector128.Create(1f) + e);
    }

    /// <summary>tanh x per lane; see <see cref="Tanh(float)"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Tanh(Vector128<float> x)
    {
        // The rational's factors side by side (see VectorMath.cs): each two operations from u = x², so that numerator and
        // denominator are ready one multiply later. u is clamped on its own, from the input, which keeps a NaN (vrangeps,
        // the clamp of x where AVX-512DQ is, does not); the same values as the square of the clamped x.
        Vector128<float> u = AtMost(x * x, Vector128.Create(TanhSaturation * TanhSaturation));
        x = ClampMagnitude(x, TanhSaturation);
        Vector128<float> linear = MultiplyAdd(Vector128.Create(TanhC3) * x, u, Vector128.Create(TanhC3R) * x);
        Vector128<float> quadratic = MultiplyAdd(u, MultiplyAdd(x, x, Vector128.Create(TanhS)), Vector128.Create(TanhT));
        Vector128<float> q1 = MultiplyAdd(u, MultiplyAdd(x, x, Vector128.Create(TanhA)), Vector128.Create(TanhB));
        Vector128<float> q2 = MultiplyAdd(u, MultiplyAdd(x, x, Vector128.Create(TanhG)), Vector128.Create(TanhD));
        return linear * quadratic / (q1 * q2);
    }

    /// <summary>x·σ(x) per lane; see <see cref="Swish(float)"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Swish(Vector128<float> x)
    {
        Vector128<float> e = ExpOfNonPositive(x | Vector128.Create(-0f));
        Vector128<float> numerator = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<float>.Zero), e, Vector128.Create(1f));
        return x * (numerator / (Vector128.Create(1f) + e));
    }

    /// <summary>σ(z) + z·σ(z)·(1 − σ(z)) per lane; see <see cref="SwishDerivative(float)"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> SwishDerivative(Vector128<float> z)
    {
        Vector128<float> e = ExpOfNonPositive(z | Vector128.Create(-0f));
        Vector128<float> s = Vector128.Create(1f) / (Vector128.Create(1f) + e);
        Vector128<float> sigmoid = Vector128.ConditionalSelect(Vector128.LessThan(z, Vector128<float>.Zero), e * s, s);
        return sigmoid + z * (e * s * s);
    }

    /// <summary>ln(1 + e^x) per lane; see <see cref="Softplus(float)"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Softplus(Vector128<float> x)
    {
        Vector128<float> e = ExpOfNonPositive(x | Vector128.Create(-0f));
        Vector128<float> u = Vector128.Create(1f) + e;
        Vector128<float> c = e - (u - Vector128.Create(1f));
        return Vector128.Max(x, Vector128<float>.Zero) + (LogOfNormal(u) + c);
    }

    /// <summary>x·tanh(softplus(x)) per lane; see <see cref="Mish(float)"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Mish(Vector128<float> x)
    {
        Vector128<float> e = ExpOfClamped(AtMost(AtLeast(x, Vector128.Create(ExpLowerBound)), Vector128.Create(MishUpperBound)));
        Vector128<float> n = e * (e + Vector128.Create(2f));
        return x * (n / (n + Vector128.Create(2f)));
    }

    /// <summary>The derivative of Mish at the pre-activation z, per lane; see <see cref="MishDerivative(float)"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> MishDerivative(Vector128<float> z)
    {
        z = AtMost(z, Vector128.Create(MishUpperBound));
        Vector128<float> e = ExpOfClamped(AtLeast(z, Vector128.Create(ExpLowerBound)));
        Vector128<float> n = e * (e + Vector128.Create(2f));
        Vector128<float> d = n + Vector128.Create(2f);
        return (n * d + z * (Vector128.Create(4f) * e * (e + Vector128.Create(1f)))) / (d * d);
    }

    /// <summary>x for x ≥ 0, α·(e^x − 1) otherwise, per lane; see <see cref="Elu(float, float)"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Elu(Vector128<float> x, float alpha)
    {
        Vector128<float> negative = Vector128.Create(alpha) * ExpM1NonPositive(AtMost(x, Vector128<float>.Zero));
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), x, negative);
    }

    /// <summary>ln x per lane; see <see cref="Log(float)"/>.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> Log(Vector128<float> x)
    {
        Vector128<float> subnormal = Vector128.LessThan(x, Vector128.Create(SmallestNormal));
        Vector128<float> result = LogOfNormal(Vector128.ConditionalSelect(subnormal, x * Vector128.Create(SubnormalScale), x));
        result -= subnormal & Vector128.Create(SubnormalLogOffset);
        result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128.Create(float.PositiveInfinity)), x, result);
        result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<float>.Zero), Vector128.Create(float.NegativeInfinity), result);
        // Negative and NaN lanes: all bits set is a NaN.
        return result | ~Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpOfNonPositive(Vector128<float> x) => ExpOfClamped(AtLeast(x, Vector128.Create(ExpLowerBound)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpOfClamped(Vector128<float> x)
    {
        Vector128<float> shifted = x * Vector128.Create(Log2E) + Vector128.Create(RoundingShift);
        Vector128<float> n = shifted - Vector128.Create(RoundingShift);
        Vector128<int> k = shifted.AsInt32() - Vector128.Create(RoundingShiftBits);
        Vector128<float> r = x - n * Vector128.Create(Ln2Hi) - n * Vector128.Create(Ln2Lo);
        Vector128<float> p = ExpM1Polynomial(r) + Vector128.Create(1f);
        Vector128<int> half = Vector128.ShiftRightArithmetic(k, 1);
        Vector128<float> scaleLow = Vector128.ShiftLeft(half + Vector128.Create(ExponentBias), MantissaBits).AsSingle();
        Vector128<float> scaleHigh = Vector128.ShiftLeft(k - half + Vector128.Create(ExponentBias), MantissaBits).AsSingle();
        return p * scaleLow * scaleHigh;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpM1NonPositive(Vector128<float> x)
    {
        x = AtLeast(x, Vector128.Create(ExpM1LowerBound));
        Vector128<float> shifted = x * Vector128.Create(Log2E) + Vector128.Create(RoundingShift);
        Vector128<float> n = shifted - Vector128.Create(RoundingShift);
        Vector128<int> k = shifted.AsInt32() - Vector128.Create(RoundingShiftBits);
        Vector128<float> r = x - n * Vector128.Create(Ln2Hi) - n * Vector128.Create(Ln2Lo);
        Vector128<float> scale = Vector128.ShiftLeft(k + Vector128.Create(ExponentBias), MantissaBits).AsSingle();
        return ExpM1Polynomial(r) * scale + (scale - Vector128.Create(1f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpM1Polynomial(Vector128<float> r)
    {
        Vector128<float> p = Vector128.Create(ExpP0);
        p = MultiplyAdd(p, r, Vector128.Create(ExpP1));
        p = MultiplyAdd(p, r, Vector128.Create(ExpP2));
        p = MultiplyAdd(p, r, Vector128.Create(ExpP3));
        p = MultiplyAdd(p, r, Vector128.Create(ExpP4));
        p = MultiplyAdd(p, r, Vector128.Create(ExpP5));
        return p * (r * r) + r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> LogOfNormal(Vector128<float> x)
    {
        Vector128<int> offset = x.AsInt32() - Vector128.Create(SqrtHalfBits);
        Vector128<float> exponent = Vector128.ConvertToSingle(Vector128.ShiftRightArithmetic(offset, MantissaBits));
        Vector128<float> f = ((offset & Vector128.Create(MantissaMask)) + Vector128.Create(SqrtHalfBits)).AsSingle() - Vector128.Create(1f);
        Vector128<float> f2 = f * f;
        Vector128<float> q = Vector128.Create(LogQ0);
        q = MultiplyAdd(q, f, Vector128.Create(LogQ1));
        q = MultiplyAdd(q, f, Vector128.Create(LogQ2));
        q = MultiplyAdd(q, f, Vector128.Create(LogQ3));
        q = MultiplyAdd(q, f, Vector128.Create(LogQ4));
        q = MultiplyAdd(q, f, Vector128.Create(LogQ5));
        q = MultiplyAdd(q, f, Vector128.Create(LogQ6));
        q = MultiplyAdd(q, f, Vector128.Create(LogQ7));
        q = MultiplyAdd(q, f, Vector128.Create(LogQ8));
        Vector128<float> y = q * f * f2 + exponent * Vector128.Create(Ln2Lo) - Vector128.Create(0.5f) * f2;
        return f + y + exponent * Vector128.Create(Ln2Hi);
    }

    /// <summary>
    /// a·b + c, fused (one rounding, half the latency) where the framework has the API and <see cref="FusesMultiplyAdd"/>;
    /// every width and the scalar overloads make the same choice. Fused without the instruction (the overloads of a
    /// width that is not accelerated), it is <see cref="FusedOperations"/>' emulation, not the framework's fallback,
    /// which calls <c>fmaf</c> per lane. With the instruction it is the framework's intrinsic and the test is written
    /// out, so that the JIT folds it as it imports the caller: through the getter, the polynomials' constants were
    /// broadcast into registers rather than read as operands, and a kernel applying tanh to two tiles of outputs
    /// spilled them and the partial sums to the stack (N1's 16-unit layer: 30 instructions more a row). ARM64 is
    /// asked through ArmBase, not AdvSimd, as in <see cref="FusedOperations.IsHardwareAccelerated"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
#if NET9_0_OR_GREATER
        Fma.IsSupported || ArmBase.IsSupported ? Vector128.FusedMultiplyAdd(a, b, c)
            : FusesMultiplyAdd ? FusedOperations.MultiplyAdd(a, b, c) : (a * b) + c;
#else
        (a * b) + c;
#endif

    /// <summary>
    /// max(x, bound) per lane for a bound that is not NaN, keeping a NaN x, as Max does from .NET 9 on. .NET 8's Max is
    /// the processor's maxps (and its software fallback the same), which returns the second operand where either is
    /// NaN, so the bound goes first there. With a zero bound a -0 x may stay -0 on .NET 8: see <see cref="AtLeastZero(Vector128{float})"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> AtLeast(Vector128<float> x, Vector128<float> bound) =>
#if NET9_0_OR_GREATER
        Vector128.Max(x, bound);
#else
        Vector128.Max(bound, x);
#endif

    /// <summary>min(x, bound) per lane for a bound that is not NaN, keeping a NaN x; see <see cref="AtLeast(Vector128{float}, Vector128{float})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> AtMost(Vector128<float> x, Vector128<float> bound) =>
#if NET9_0_OR_GREATER
        Vector128.Min(x, bound);
#else
        Vector128.Min(bound, x);
#endif

    /// <summary>max(x, 0) per lane as Max gives it from .NET 9 on: a NaN kept, and +0 for -0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> AtLeastZero(Vector128<float> x) =>
#if NET9_0_OR_GREATER
        Vector128.Max(x, Vector128<float>.Zero);
#else
        // .NET 8's maxps returns its second operand for two zeros too: adding +0 turns a -0 into +0 and changes nothing else.
        Vector128.Max(Vector128<float>.Zero, x) + Vector128<float>.Zero;
#endif
}
