using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>A function applied to every element, at every vector width (the JIT specialises each struct).</summary>
internal interface IUnaryOperator
{
    float Invoke(float x);

    Vector128<float> Invoke(Vector128<float> x);

    Vector256<float> Invoke(Vector256<float> x);

    Vector512<float> Invoke(Vector512<float> x);
}

/// <summary>An activation's derivative as a function of one stored value (the activation a or the pre-activation z).</summary>
internal interface IDerivativeOperator
{
    float Invoke(float value);

    Vector128<float> Invoke(Vector128<float> value);

    Vector256<float> Invoke(Vector256<float> value);

    Vector512<float> Invoke(Vector512<float> value);
}
