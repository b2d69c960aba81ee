using System;

namespace NetGen;

/// <summary>
/// An optimizer whose update a network can apply while it computes the gradient: the network's
/// <see cref="INetwork.TrainStepBatch"/> hands it the step (<see cref="IFusedTrainingPass"/>), the optimizer prepares
/// its state and its per-step scalars exactly as its <see cref="IOptimizer.Step"/> would, and runs the step with its
/// <see cref="IUpdateRule"/>. <see cref="Sgd"/> and <see cref="Adam"/> implement it.
/// </summary>
public interface IFusedOptimizer : IOptimizer
{
    /// <summary>
    /// Takes one step on <paramref name="network"/>'s parameters by running <paramref name="pass"/> with this optimizer's
    /// update rule; returns the pass's mean loss. A step whose loss is not finite changes nothing: neither the
    /// parameters nor the optimizer's state (its step count included).
    /// </summary>
    /// <typeparam name="TPass">The network's training pass.</typeparam>
    /// <param name="network">The network whose <see cref="INetwork.Parameters"/> the pass updates.</param>
    /// <param name="pass">The network's forward pass, loss and backward pass for the rows.</param>
    /// <param name="inputs">The rows' inputs, passed on to the pass.</param>
    /// <param name="targets">The rows' targets, passed on to the pass.</param>
    /// <exception cref="ArgumentException">The optimizer's state belongs to another network or another parameter count (see <see cref="IOptimizer.Reset"/>).</exception>
    float FusedStep<TPass>(INetwork network, TPass pass, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        where TPass : struct, IFusedTrainingPass;
}

/// <summary>
/// One training step of a generated network that applies an update rule to each block of parameters as soon as its
/// gradient is summed. Networks NetGen generates implement it; optimizers call it from
/// <see cref="IFusedOptimizer.FusedStep"/>.
/// </summary>
public interface IFusedTrainingPass
{
    /// <summary>
    /// Runs the forward pass and the loss of the rows, then, if the mean loss is finite, the backward pass, updating
    /// every parameter once through <paramref name="rule"/> with the gradient of the mean loss. Returns the mean loss.
    /// </summary>
    /// <typeparam name="TRule">The optimizer's update rule.</typeparam>
    /// <param name="rule">The rule, prepared for this step.</param>
    /// <param name="inputs">Whole rows of inputs.</param>
    /// <param name="targets">As many rows of targets.</param>
    float Run<TRule>(ref TRule rule, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        where TRule : struct, IUpdateRule;
}
