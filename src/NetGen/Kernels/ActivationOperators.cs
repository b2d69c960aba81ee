using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// Each activation at every width. The transcendental ones defer to VectorMath, which is stable for any finite input.

internal readonly struct StepOperator : IUnaryOperator
{
    public float Invoke(float x) => x >= 0f ? 1f : 0f;

    public Vector128<float> Invoke(Vector128<float> x) => Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), Vector128<float>.One, Vector128<float>.Zero);

    public Vector256<float> Invoke(Vector256<float> x) => Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), Vector256<float>.One, Vector256<float>.Zero);

    public Vector512<float> Invoke(Vector512<float> x) => Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), Vector512<float>.One, Vector512<float>.Zero);
}

internal readonly struct SigmoidOperator : IUnaryOperator
{
    public float Invoke(float x) => VectorMath.Sigmoid(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Sigmoid(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Sigmoid(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Sigmoid(x);
}

internal readonly struct TanhOperator : IUnaryOperator
{
    public float Invoke(float x) => VectorMath.Tanh(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Tanh(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Tanh(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Tanh(x);
}

internal readonly struct ReluOperator : IUnaryOperator
{
    public float Invoke(float x) => x > 0f ? x : 0f;

    public Vector128<float> Invoke(Vector128<float> x) => Vector128.Max(x, Vector128<float>.Zero);

    public Vector256<float> Invoke(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero);

    public Vector512<float> Invoke(Vector512<float> x) => Vector512.Max(x, Vector512<float>.Zero);
}

internal readonly struct LeakyReluOperator(float alpha) : IUnaryOperator
{
    public float Invoke(float x) => x >= 0f ? x : alpha * x;

    public Vector128<float> Invoke(Vector128<float> x) => Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), x, x * alpha);

    public Vector256<float> Invoke(Vector256<float> x) => Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), x, x * alpha);

    public Vector512<float> Invoke(Vector512<float> x) => Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), x, x * alpha);
}

internal readonly struct EluOperator(float alpha) : IUnaryOperator
{
    public float Invoke(float x) => VectorMath.Elu(x, alpha);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Elu(x, alpha);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Elu(x, alpha);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Elu(x, alpha);
}

internal readonly struct Relu6Operator : IUnaryOperator
{
    public float Invoke(float x) => x > 0f ? (x < 6f ? x : 6f) : 0f;

    public Vector128<float> Invoke(Vector128<float> x) => Vector128.Min(Vector128.Max(x, Vector128<float>.Zero), Vector128.Create(6f));

    public Vector256<float> Invoke(Vector256<float> x) => Vector256.Min(Vector256.Max(x, Vector256<float>.Zero), Vector256.Create(6f));

    public Vector512<float> Invoke(Vector512<float> x) => Vector512.Min(Vector512.Max(x, Vector512<float>.Zero), Vector512.Create(6f));
}

internal readonly struct SwishOperator : IUnaryOperator
{
    public float Invoke(float x) => VectorMath.Swish(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Swish(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Swish(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Swish(x);
}

internal readonly struct MishOperator : IUnaryOperator
{
    public float Invoke(float x) => VectorMath.Mish(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Mish(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Mish(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Mish(x);
}

/// <summary>e^(x − shift): softmax's numerator, which cannot overflow once the row's maximum is the shift.</summary>
internal readonly struct ShiftedExpOperator(float shift) : IUnaryOperator
{
    public float Invoke(float x) => VectorMath.Exp(x - shift);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Exp(x - Vector128.Create(shift));

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Exp(x - Vector256.Create(shift));

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Exp(x - Vector512.Create(shift));
}
