using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// Each activation at every width. The transcendental ones defer to VectorMath, which is stable for any finite input.

internal readonly struct StepOperator : IUnaryOperator
{
    public float Invoke(float x) => VectorMath.Step(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Step(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Step(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Step(x);
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
    public float Invoke(float x) => VectorMath.Relu(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Relu(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Relu(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Relu(x);
}

internal readonly struct LeakyReluOperator(float alpha) : IUnaryOperator
{
    public float Invoke(float x) => VectorMath.LeakyRelu(x, alpha);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.LeakyRelu(x, alpha);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.LeakyRelu(x, alpha);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.LeakyRelu(x, alpha);
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
    public float Invoke(float x) => VectorMath.Relu6(x);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Relu6(x);

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Relu6(x);

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Relu6(x);
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
