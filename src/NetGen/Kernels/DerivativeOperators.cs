using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// Each activation's derivative at every width, from z or a = f(z), whichever is cheaper and exact.

/// <summary>σ′ = a(1 − a).</summary>
internal readonly struct SigmoidDerivative : IDerivativeOperator
{
    public float Invoke(float z, float a) => a * (1f - a);

    public Vector128<float> Invoke(Vector128<float> z, Vector128<float> a) => a * (Vector128<float>.One - a);

    public Vector256<float> Invoke(Vector256<float> z, Vector256<float> a) => a * (Vector256<float>.One - a);

    public Vector512<float> Invoke(Vector512<float> z, Vector512<float> a) => a * (Vector512<float>.One - a);
}

/// <summary>tanh′ = 1 − a².</summary>
internal readonly struct TanhDerivative : IDerivativeOperator
{
    public float Invoke(float z, float a) => 1f - (a * a);

    public Vector128<float> Invoke(Vector128<float> z, Vector128<float> a) => Vector128<float>.One - (a * a);

    public Vector256<float> Invoke(Vector256<float> z, Vector256<float> a) => Vector256<float>.One - (a * a);

    public Vector512<float> Invoke(Vector512<float> z, Vector512<float> a) => Vector512<float>.One - (a * a);
}

/// <summary>1 where z &gt; 0, else <c>negativeSlope</c> (0 for ReLU, α for LeakyReLU).</summary>
internal readonly struct PiecewiseLinearDerivative(float negativeSlope) : IDerivativeOperator
{
    public float Invoke(float z, float a) => z > 0f ? 1f : negativeSlope;

    public Vector128<float> Invoke(Vector128<float> z, Vector128<float> a) => Vector128.ConditionalSelect(Vector128.GreaterThan(z, Vector128<float>.Zero), Vector128<float>.One, Vector128.Create(negativeSlope));

    public Vector256<float> Invoke(Vector256<float> z, Vector256<float> a) => Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<float>.Zero), Vector256<float>.One, Vector256.Create(negativeSlope));

    public Vector512<float> Invoke(Vector512<float> z, Vector512<float> a) => Vector512.ConditionalSelect(Vector512.GreaterThan(z, Vector512<float>.Zero), Vector512<float>.One, Vector512.Create(negativeSlope));
}

/// <summary>1 where z &gt; 0, else α·e^z = a + α.</summary>
internal readonly struct EluDerivative(float alpha) : IDerivativeOperator
{
    public float Invoke(float z, float a) => z > 0f ? 1f : a + alpha;

    public Vector128<float> Invoke(Vector128<float> z, Vector128<float> a) => Vector128.ConditionalSelect(Vector128.GreaterThan(z, Vector128<float>.Zero), Vector128<float>.One, a + Vector128.Create(alpha));

    public Vector256<float> Invoke(Vector256<float> z, Vector256<float> a) => Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<float>.Zero), Vector256<float>.One, a + Vector256.Create(alpha));

    public Vector512<float> Invoke(Vector512<float> z, Vector512<float> a) => Vector512.ConditionalSelect(Vector512.GreaterThan(z, Vector512<float>.Zero), Vector512<float>.One, a + Vector512.Create(alpha));
}

/// <summary>1 where 0 &lt; z &lt; 6, else 0.</summary>
internal readonly struct Relu6Derivative : IDerivativeOperator
{
    public float Invoke(float z, float a) => z > 0f && z < 6f ? 1f : 0f;

    public Vector128<float> Invoke(Vector128<float> z, Vector128<float> a) => Vector128.ConditionalSelect(Vector128.GreaterThan(z, Vector128<float>.Zero) & Vector128.LessThan(z, Vector128.Create(6f)), Vector128<float>.One, Vector128<float>.Zero);

    public Vector256<float> Invoke(Vector256<float> z, Vector256<float> a) => Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<float>.Zero) & Vector256.LessThan(z, Vector256.Create(6f)), Vector256<float>.One, Vector256<float>.Zero);

    public Vector512<float> Invoke(Vector512<float> z, Vector512<float> a) => Vector512.ConditionalSelect(Vector512.GreaterThan(z, Vector512<float>.Zero) & Vector512.LessThan(z, Vector512.Create(6f)), Vector512<float>.One, Vector512<float>.Zero);
}

internal readonly struct SwishDerivative : IDerivativeOperator
{
    public float Invoke(float z, float a) => VectorMath.SwishDerivative(z);

    public Vector128<float> Invoke(Vector128<float> z, Vector128<float> a) => VectorMath.SwishDerivative(z);

    public Vector256<float> Invoke(Vector256<float> z, Vector256<float> a) => VectorMath.SwishDerivative(z);

    public Vector512<float> Invoke(Vector512<float> z, Vector512<float> a) => VectorMath.SwishDerivative(z);
}

internal readonly struct MishDerivative : IDerivativeOperator
{
    public float Invoke(float z, float a) => VectorMath.MishDerivative(z);

    public Vector128<float> Invoke(Vector128<float> z, Vector128<float> a) => VectorMath.MishDerivative(z);

    public Vector256<float> Invoke(Vector256<float> z, Vector256<float> a) => VectorMath.MishDerivative(z);

    public Vector512<float> Invoke(Vector512<float> z, Vector512<float> a) => VectorMath.MishDerivative(z);
}
