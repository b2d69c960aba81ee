using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// An element-wise activation at every width, passed by generated code as a type argument of the shared layer
/// kernels (<see cref="DenseKernels"/>, <see cref="ColumnKernels"/>) so that the JIT specialises each kernel per
/// activation. Generator-facing: not meant to be implemented or called by users.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IActivationFunction
{
    /// <summary>f(x).</summary>
    float Apply(float x);

    /// <summary>f applied to every lane.</summary>
    Vector128<float> Apply(Vector128<float> x);

    /// <summary>f applied to every lane.</summary>
    Vector256<float> Apply(Vector256<float> x);

    /// <summary>f applied to every lane.</summary>
    Vector512<float> Apply(Vector512<float> x);
}

/// <summary>f(x) = x: the affine map alone. Generator-facing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct IdentityFunction : IActivationFunction
{
    /// <inheritdoc/>
    public float Apply(float x) => x;

    /// <inheritdoc/>
    public Vector128<float> Apply(Vector128<float> x) => x;

    /// <inheritdoc/>
    public Vector256<float> Apply(Vector256<float> x) => x;

    /// <inheritdoc/>
    public Vector512<float> Apply(Vector512<float> x) => x;
}

/// <summary>The perceptron's step: 1 for x ≥ 0, else 0. Generator-facing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct StepFunction : IActivationFunction
{
    /// <inheritdoc/>
    public float Apply(float x) => VectorMath.Step(x);

    /// <inheritdoc/>
    public Vector128<float> Apply(Vector128<float> x) => VectorMath.Step(x);

    /// <inheritdoc/>
    public Vector256<float> Apply(Vector256<float> x) => VectorMath.Step(x);

    /// <inheritdoc/>
    public Vector512<float> Apply(Vector512<float> x) => VectorMath.Step(x);
}

/// <summary>The logistic function. Generator-facing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SigmoidFunction : IActivationFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Apply(float x) => VectorMath.Sigmoid(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Apply(Vector128<float> x) => VectorMath.Sigmoid(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Apply(Vector256<float> x) => VectorMath.Sigmoid(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Apply(Vector512<float> x) => VectorMath.Sigmoid(x);
}

/// <summary>The hyperbolic tangent. Generator-facing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct TanhFunction : IActivationFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Apply(float x) => VectorMath.Tanh(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Apply(Vector128<float> x) => VectorMath.Tanh(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Apply(Vector256<float> x) => VectorMath.Tanh(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Apply(Vector512<float> x) => VectorMath.Tanh(x);
}

/// <summary>max(x, 0). Generator-facing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ReluFunction : IActivationFunction
{
    /// <inheritdoc/>
    public float Apply(float x) => VectorMath.Relu(x);

    /// <inheritdoc/>
    public Vector128<float> Apply(Vector128<float> x) => VectorMath.Relu(x);

    /// <inheritdoc/>
    public Vector256<float> Apply(Vector256<float> x) => VectorMath.Relu(x);

    /// <inheritdoc/>
    public Vector512<float> Apply(Vector512<float> x) => VectorMath.Relu(x);
}

/// <summary>x for x ≥ 0, else α·x. Generator-facing.</summary>
/// <param name="alpha">The slope below 0.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct LeakyReluFunction(float alpha) : IActivationFunction
{
    /// <inheritdoc/>
    public float Apply(float x) => VectorMath.LeakyRelu(x, alpha);

    /// <inheritdoc/>
    public Vector128<float> Apply(Vector128<float> x) => VectorMath.LeakyRelu(x, alpha);

    /// <inheritdoc/>
    public Vector256<float> Apply(Vector256<float> x) => VectorMath.LeakyRelu(x, alpha);

    /// <inheritdoc/>
    public Vector512<float> Apply(Vector512<float> x) => VectorMath.LeakyRelu(x, alpha);
}

/// <summary>x for x ≥ 0, else α·(e^x − 1). Generator-facing.</summary>
/// <param name="alpha">The scale of the negative part.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct EluFunction(float alpha) : IActivationFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Apply(float x) => VectorMath.Elu(x, alpha);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Apply(Vector128<float> x) => VectorMath.Elu(x, alpha);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Apply(Vector256<float> x) => VectorMath.Elu(x, alpha);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Apply(Vector512<float> x) => VectorMath.Elu(x, alpha);
}

/// <summary>min(max(x, 0), 6). Generator-facing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Relu6Function : IActivationFunction
{
    /// <inheritdoc/>
    public float Apply(float x) => VectorMath.Relu6(x);

    /// <inheritdoc/>
    public Vector128<float> Apply(Vector128<float> x) => VectorMath.Relu6(x);

    /// <inheritdoc/>
    public Vector256<float> Apply(Vector256<float> x) => VectorMath.Relu6(x);

    /// <inheritdoc/>
    public Vector512<float> Apply(Vector512<float> x) => VectorMath.Relu6(x);
}

/// <summary>Swish (SiLU): x·σ(x). Generator-facing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SwishFunction : IActivationFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Apply(float x) => VectorMath.Swish(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Apply(Vector128<float> x) => VectorMath.Swish(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Apply(Vector256<float> x) => VectorMath.Swish(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Apply(Vector512<float> x) => VectorMath.Swish(x);
}

/// <summary>Mish: x·tanh(softplus(x)). Generator-facing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct MishFunction : IActivationFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Apply(float x) => VectorMath.Mish(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Apply(Vector128<float> x) => VectorMath.Mish(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Apply(Vector256<float> x) => VectorMath.Mish(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Apply(Vector512<float> x) => VectorMath.Mish(x);
}
