using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// Each activation's derivative at every width, as a function of one stored value: the activation a where that is
// exact and cheap, the pre-activation z where the derivative needs it (Swish, Mish, and the ReLU family when its
// negative slope makes a ambiguous).

/// <summary>σ′ = a(1 − a), from the activation a.</summary>
internal readonly struct SigmoidDerivative : IDerivativeOperator
{
    public float Invoke(float a) => a * (1f - a);

    public Vector128<float> Invoke(Vector128<float> a) => a * (Vector128<float>.One - a);

    public Vector256<float> Invoke(Vector256<float> a) => a * (Vector256<float>.One - a);

    public Vector512<float> Invoke(Vector512<float> a) => a * (Vector512<float>.One - a);
}

/// <summary>tanh′ = 1 − a², from the activation a.</summary>
internal readonly struct TanhDerivative : IDerivativeOperator
{
    public float Invoke(float a) => 1f - (a * a);

    public Vector128<float> Invoke(Vector128<float> a) => Vector128<float>.One - (a * a);

    public Vector256<float> Invoke(Vector256<float> a) => Vector256<float>.One - (a * a);

    public Vector512<float> Invoke(Vector512<float> a) => Vector512<float>.One - (a * a);
}

/// <summary>1 where x &gt; 0, else <c>negativeSlope</c> (0 for ReLU, α for LeakyReLU), from z, or from a when the slope is not negative (a &gt; 0 exactly where z &gt; 0).</summary>
internal readonly struct PiecewiseLinearDerivative(float negativeSlope) : IDerivativeOperator
{
    public float Invoke(float x) => x > 0f ? 1f : negativeSlope;

    public Vector128<float> Invoke(Vector128<float> x) => Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero), Vector128<float>.One, Vector128.Create(negativeSlope));

    public Vector256<float> Invoke(Vector256<float> x) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), Vector256<float>.One, Vector256.Create(negativeSlope));

    public Vector512<float> Invoke(Vector512<float> x) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), Vector512<float>.One, Vector512.Create(negativeSlope));
}

/// <summary>1 where a &gt; 0, else α·e^z = a + α, from the activation a (for α ≥ 0, a &gt; 0 exactly where z &gt; 0).</summary>
internal readonly struct EluDerivative(float alpha) : IDerivativeOperator
{
    public float Invoke(float a) => a > 0f ? 1f : a + alpha;

    public Vector128<float> Invoke(Vector128<float> a) => Vector128.ConditionalSelect(Vector128.GreaterThan(a, Vector128<float>.Zero), Vector128<float>.One, a + Vector128.Create(alpha));

    public Vector256<float> Invoke(Vector256<float> a) => Vector256.ConditionalSelect(Vector256.GreaterThan(a, Vector256<float>.Zero), Vector256<float>.One, a + Vector256.Create(alpha));

    public Vector512<float> Invoke(Vector512<float> a) => Vector512.ConditionalSelect(Vector512.GreaterThan(a, Vector512<float>.Zero), Vector512<float>.One, a + Vector512.Create(alpha));
}

/// <summary>1 where z &gt; 0, else α·e^z = ELU(z) + α, from the pre-activation z (any α).</summary>
internal readonly struct EluPreActivationDerivative(float alpha) : IDerivativeOperator
{
    public float Invoke(float z) => z > 0f ? 1f : VectorMath.Elu(z, alpha) + alpha;

    public Vector128<float> Invoke(Vector128<float> z) => Vector128.ConditionalSelect(Vector128.GreaterThan(z, Vector128<float>.Zero), Vector128<float>.One, VectorMath.Elu(z, alpha) + Vector128.Create(alpha));

    public Vector256<float> Invoke(Vector256<float> z) => Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<float>.Zero), Vector256<float>.One, VectorMath.Elu(z, alpha) + Vector256.Create(alpha));

    public Vector512<float> Invoke(Vector512<float> z) => Vector512.ConditionalSelect(Vector512.GreaterThan(z, Vector512<float>.Zero), Vector512<float>.One, VectorMath.Elu(z, alpha) + Vector512.Create(alpha));
}

/// <summary>1 where 0 &lt; x &lt; 6, else 0, from z or a alike.</summary>
internal readonly struct Relu6Derivative : IDerivativeOperator
{
    public float Invoke(float x) => x > 0f && x < 6f ? 1f : 0f;

    public Vector128<float> Invoke(Vector128<float> x) => Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero) & Vector128.LessThan(x, Vector128.Create(6f)), Vector128<float>.One, Vector128<float>.Zero);

    public Vector256<float> Invoke(Vector256<float> x) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero) & Vector256.LessThan(x, Vector256.Create(6f)), Vector256<float>.One, Vector256<float>.Zero);

    public Vector512<float> Invoke(Vector512<float> x) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero) & Vector512.LessThan(x, Vector512.Create(6f)), Vector512<float>.One, Vector512<float>.Zero);
}

/// <summary>Swish′, from the pre-activation z.</summary>
internal readonly struct SwishDerivative : IDerivativeOperator
{
    public float Invoke(float z) => VectorMath.SwishDerivative(z);

    public Vector128<float> Invoke(Vector128<float> z) => VectorMath.SwishDerivative(z);

    public Vector256<float> Invoke(Vector256<float> z) => VectorMath.SwishDerivative(z);

    public Vector512<float> Invoke(Vector512<float> z) => VectorMath.SwishDerivative(z);
}

/// <summary>Mish′, from the pre-activation z.</summary>
internal readonly struct MishDerivative : IDerivativeOperator
{
    public float Invoke(float z) => VectorMath.MishDerivative(z);

    public Vector128<float> Invoke(Vector128<float> z) => VectorMath.MishDerivative(z);

    public Vector256<float> Invoke(Vector256<float> z) => VectorMath.MishDerivative(z);

    public Vector512<float> Invoke(Vector512<float> z) => VectorMath.MishDerivative(z);
}

/// <summary>The identity's derivative, 1: a kernel that takes it skips the product (<see cref="DenseBackward{TWidth, TVector}.FusedRow"/>).</summary>
internal readonly struct IdentityDerivative : IDerivativeOperator
{
    public float Invoke(float value) => 1f;

    public Vector128<float> Invoke(Vector128<float> value) => Vector128<float>.One;

    public Vector256<float> Invoke(Vector256<float> value) => Vector256<float>.One;

    public Vector512<float> Invoke(Vector512<float> value) => Vector512<float>.One;
}
