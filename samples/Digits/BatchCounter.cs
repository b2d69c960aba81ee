using NetGen;

namespace NetGen.Samples.Digits;

/// <summary>
/// Passes every call through to a network and calls <paramref name="onBatch"/> after each
/// <see cref="INetwork.BackwardBatch"/>, so that a progress bar can advance batch by batch while
/// <see cref="Trainer"/> trains.
/// </summary>
public sealed class BatchCounter(INetwork inner, Action onBatch) : INetwork
{
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
    public void ZeroGradients() => inner.ZeroGradients();

    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        float loss = inner.BackwardBatch(inputs, targets);
        onBatch();
        return loss;
    }
}
