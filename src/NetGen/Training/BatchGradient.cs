using System;

namespace NetGen;

/// <summary>
/// How a <see cref="TrainingRun"/> computes the gradient of one batch, and takes its step: on the calling thread, or
/// split over threads (<see cref="Trainer.Threads"/>).
/// </summary>
internal abstract class BatchGradient : IDisposable
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

    /// <summary>
    /// One step of <paramref name="optimizer"/> on the rows' mean loss, the way <see cref="INetwork.TrainStepBatch"/>
    /// takes it: an <see cref="IFusedOptimizer"/>'s update applied as the gradient is summed. Returns the mean loss and
    /// changes nothing if it is not finite.
    /// </summary>
    public abstract float Step(ReadOnlyMemory<float> inputs, ReadOnlyMemory<float> targets, IOptimizer optimizer);

    /// <summary>
    /// Gathers the <paramref name="rows"/> of <paramref name="source"/> into <paramref name="inputs"/> and
    /// <paramref name="targets"/> (as many rows long), then takes <see cref="Step(ReadOnlyMemory{float}, ReadOnlyMemory{float}, IOptimizer)"/> on them.
    /// </summary>
    public virtual float Step(Dataset source, ReadOnlyMemory<int> rows, Memory<float> inputs, Memory<float> targets, IOptimizer optimizer)
    {
        source.GatherRows(rows.Span, inputs.Span, targets.Span);
        return Step(inputs, targets, optimizer);
    }

    /// <summary>Returns the replicas and threads the strategy borrowed, or ends those it started, if any.</summary>
    public virtual void Dispose()
    {
    }

    private sealed class SerialGradient(INetwork network) : BatchGradient
    {
        public override float Compute(ReadOnlyMemory<float> inputs, ReadOnlyMemory<float> targets)
        {
            network.ZeroGradients();
            return network.BackwardBatch(inputs.Span, targets.Span);
        }

        public override float Step(ReadOnlyMemory<float> inputs, ReadOnlyMemory<float> targets, IOptimizer optimizer) =>
            network.TrainStepBatch(inputs.Span, targets.Span, optimizer);
    }
}
