using System.ComponentModel;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The update rule of <c>Backward</c> and <c>BackwardBatch</c>: adds each gradient to the array it is applied to (the
/// network's Gradients). Generator-facing: not meant to be used by users.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct GradientSum : IUpdateRule
{
    /// <inheritdoc/>
    public float Update(float parameter, float gradient, int index) => parameter + gradient;

    /// <inheritdoc/>
    public Vector128<float> Update(Vector128<float> parameters, Vector128<float> gradients, int index) => parameters + gradients;

    /// <inheritdoc/>
    public Vector256<float> Update(Vector256<float> parameters, Vector256<float> gradients, int index) => parameters + gradients;

    /// <inheritdoc/>
    public Vector512<float> Update(Vector512<float> parameters, Vector512<float> gradients, int index) => parameters + gradients;
}
