using System;
using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>
/// How a training step reaches the optimizer: fused where the optimizer can be (its update applied while the network
/// computes the gradient), else the gradient first and then <see cref="IOptimizer.Step"/>. Generator-facing: the
/// generated <c>TrainStep</c> and <c>TrainStepBatch</c> call it; users call those.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TrainingSteps
{
    /// <summary>
    /// One step through <paramref name="pass"/> with the optimizer's update rule if it has one (<see cref="IFusedOptimizer"/>),
    /// else <see cref="Unfused"/>. Returns the mean loss.
    /// </summary>
    /// <typeparam name="TPass">The network's fused training pass.</typeparam>
    /// <param name="network">The network being trained.</param>
    /// <param name="optimizer">The optimizer that updates its parameters.</param>
    /// <param name="pass">The network's fused pass over the rows.</param>
    /// <param name="inputs">Whole rows of inputs, checked by the caller.</param>
    /// <param name="targets">As many rows of targets, checked by the caller.</param>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/> is null.</exception>
    public static float Fused<TPass>(INetwork network, IOptimizer optimizer, TPass pass, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        where TPass : struct, IFusedTrainingPass
    {
        // The sealed optimizers are tested by type first: a direct call, where the interface's generic method is a
        // virtual generic call with a lookup of its own.
        if (optimizer is Sgd sgd)
        {
            return sgd.FusedStep(network, pass, inputs, targets);
        }

        if (optimizer is Adam adam)
        {
            return adam.FusedStep(network, pass, inputs, targets);
        }

        if (optimizer is IFusedOptimizer fused)
        {
            return fused.FusedStep(network, pass, inputs, targets);
        }

        return Unfused(network, optimizer, inputs, targets);
    }

    /// <summary>
    /// One step in three passes: <see cref="INetwork.ZeroGradients"/>, <see cref="INetwork.BackwardBatch"/>, and, if the
    /// loss is finite, the optimizer's <see cref="IOptimizer.Step"/>. Returns the mean loss.
    /// </summary>
    /// <param name="network">The network being trained.</param>
    /// <param name="optimizer">The optimizer that updates its parameters.</param>
    /// <param name="inputs">Whole rows of inputs.</param>
    /// <param name="targets">As many rows of targets.</param>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/> is null.</exception>
    public static float Unfused(INetwork network, IOptimizer optimizer, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        network.ZeroGradients();
        var loss = network.BackwardBatch(inputs, targets);
        if (float.IsFinite(loss))
        {
            optimizer.Step(network.Parameters, network.Gradients);
        }

        return loss;
    }
}
