using System;

namespace NetGen;

/// <summary>
/// How a <see cref="TrainingRun"/> computes the gradient of one batch: on the calling thread, or split over threads
/// (<see cref="Trainer.Threads"/>).
/// </summary>
internal abstract class BatchGradient
{
    /// <summary>The strategy for <paramref name="threads"/> threads: the network's own BackwardBatch for one.</summary>
    /// <exception cref="NotSupportedException">More than one thread, and the network cannot create replicas.</exception>
    public static BatchGradient For(INetwork network, int threads) =>
        threads == 1 ? new SerialGradient(network) : new DataParallelGradient(network, threads);

    /// <summary>
    /// Sets the network's <see cref="INetwork.Gradients"/> to the gradient of the mean loss over the rows of
    /// <paramref name="inputs"/> and <paramref name="targets"/> (at least one row) and returns that mean loss.
    /// </summary>
    public abstract float Compute(ReadOnlyMemory<float> inputs, ReadOnlyMemory<float> targets);

    private sealed class SerialGradient(INetwork network) : BatchGradient
    {
        public override float Compute(ReadOnlyMemory<float> inputs, ReadOnlyMemory<float> targets)
        {
            network.ZeroGradients();
            return network.BackwardBatch(inputs.Span, targets.Span);
        }
    }
}
