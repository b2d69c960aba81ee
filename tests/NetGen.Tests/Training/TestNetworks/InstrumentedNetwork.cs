using System;
using NetGen;

namespace NetGen.Tests.Training.TestNetworks;

/// <summary>
/// Wraps a network, counts <see cref="BackwardBatch"/> calls, and lets a test act at a chosen call: run a callback
/// (e.g. cancel) after it, or return NaN instead of the loss.
/// </summary>
public sealed class InstrumentedNetwork(INetwork inner) : DelegatingNetwork(inner)
{
    public int BackwardBatchCalls { get; private set; }

    /// <summary>The 1-based call of <see cref="BackwardBatch"/> that returns NaN; 0 for none.</summary>
    public int NaNAtCall { get; set; }

    /// <summary>Runs after every <see cref="BackwardBatch"/> with the call's 1-based number.</summary>
    public Action<int>? AfterBackwardBatch { get; set; }

    public override float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        float loss = Inner.BackwardBatch(inputs, targets);
        BackwardBatchCalls++;
        AfterBackwardBatch?.Invoke(BackwardBatchCalls);
        return BackwardBatchCalls == NaNAtCall ? float.NaN : loss;
    }
}
