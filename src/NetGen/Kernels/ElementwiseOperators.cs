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

/// <summary>An activation's derivative, from the pre-activation z and the activation a (whichever is cheaper).</summary>
internal interface IDerivativeOperator
{
    float Invoke(float z, float a);

    Vector128<float> Invoke(Vector128<float> z, Vector128<float> a);

    Vector256<float> Invoke(Vector256<float> z, Vector256<float> a);

    Vector512<float> Invoke(Vector512<float> z, Vector512<float> a);
}
