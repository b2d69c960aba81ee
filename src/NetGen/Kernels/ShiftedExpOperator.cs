using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>e^(x − shift): softmax's numerator, which cannot overflow once the row's maximum is the shift.</summary>
internal readonly struct ShiftedExpOperator(float shift) : IUnaryOperator
{
    public float Invoke(float x) => VectorMath.Exp(x - shift);

    public Vector128<float> Invoke(Vector128<float> x) => VectorMath.Exp(x - Vector128.Create(shift));

    public Vector256<float> Invoke(Vector256<float> x) => VectorMath.Exp(x - Vector256.Create(shift));

    public Vector512<float> Invoke(Vector512<float> x) => VectorMath.Exp(x - Vector512.Create(shift));
}
