using System;
using NetGen;

namespace NetGen.Tests.Training.TestNetworks;

/// <summary>
/// Wraps a network, counts <see cref="BackwardBatch"/> calls, and lets a test act at a chosen call: run a callback
/// (e.g. cancel) after it, or return NaN instead of the loss.
/// </summary>
public sealed class InstrumentedNetwork(INetwork inner) : INetwork
{
    public int BackwardBatchCalls { get; private set; }

    /// <summary>The 1-based call of <see cref="BackwardBatch"/> that returns NaN; 0 for none.</summary>
    public int NaNAtCall { get; set; }

    /// <summary>Runs after every <see cref="BackwardBatch"/> with the call's 1-based number.</summary>
    public Action<int>? AfterBackwardBatch { get; set; }

    public int InputSize => inner.InputSize;

    public int OutputSize => inner.OutputSize;

    public int ParameterCount => inner.ParameterCount;

    public Span<float> Parameters => inner.Parameters;

    public Span<float> Gradients => inner.Gradients;

    public Loss Loss => inner.Loss;

    public void InitializeParameters(int seed) => inner.InitializeParameters(seed);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => inner.Forward(input, output);

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => inner.ForwardBatch(inputs, outputs);

    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => inner.Backward(input, target);

    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        float loss = inner.BackwardBatch(inputs, targets);
        BackwardBatchCalls++;
        AfterBackwardBatch?.Invoke(BackwardBatchCalls);
        return BackwardBatchCalls == NaNAtCall ? float.NaN : loss;
    }

    public void ZeroGradients() => inner.ZeroGradients();
}
