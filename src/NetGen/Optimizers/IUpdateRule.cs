using System.Runtime.Intrinsics;

namespace NetGen;

/// <summary>
/// An optimizer's update of parameters from their gradients, element by element, as a struct that the JIT specialises
/// into the kernels that call it. A network's fused training step (<see cref="IFusedOptimizer"/>) applies it to each
/// block of weights as soon as that block's gradient is summed, so the whole gradient is never written and read back;
/// the optimizer's own <see cref="IOptimizer.Step"/> applies the same rule to a gradient array.
/// </summary>
/// <remarks>
/// Each parameter is updated exactly once per step, through whichever overload the caller's vector width uses. The
/// overloads must compute the same arithmetic lane by lane (no fused multiply-add in one and not another), so that
/// results do not depend on the width or on the path. A rule keeps per-parameter state (momentum, moment estimates)
/// in arrays indexed like <see cref="INetwork.Parameters"/>: lane <c>k</c> of a vector belongs to <c>index + k</c>.
/// </remarks>
public interface IUpdateRule
{
    /// <summary>Returns the new value of the parameter at <paramref name="index"/>, updating the state kept for it.</summary>
    /// <param name="parameter">The parameter's value before the step.</param>
    /// <param name="gradient">Its gradient.</param>
    /// <param name="index">Its position in the parameter block.</param>
    float Update(float parameter, float gradient, int index);

    /// <summary>Returns the new values of the parameters from <paramref name="index"/> on, updating their state.</summary>
    /// <param name="parameters">The parameters' values before the step.</param>
    /// <param name="gradients">Their gradients.</param>
    /// <param name="index">The position of the first lane in the parameter block.</param>
    Vector128<float> Update(Vector128<float> parameters, Vector128<float> gradients, int index);

    /// <inheritdoc cref="Update(Vector128{float}, Vector128{float}, int)"/>
    Vector256<float> Update(Vector256<float> parameters, Vector256<float> gradients, int index);

    /// <inheritdoc cref="Update(Vector128{float}, Vector128{float}, int)"/>
    Vector512<float> Update(Vector512<float> parameters, Vector512<float> gradients, int index);
}
