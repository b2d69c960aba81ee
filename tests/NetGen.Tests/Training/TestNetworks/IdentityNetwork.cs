using System;
using NetGen;

namespace NetGen.Tests.Training.TestNetworks;

/// <summary>Outputs its inputs unchanged (no parameters), to evaluate hand-chosen outputs with any loss.</summary>
public sealed class IdentityNetwork(int size, Loss loss) : INetwork
{
    public int InputSize => size;

    public int OutputSize => size;

    public int ParameterCount => 0;

    public Span<float> Parameters => Span<float>.Empty;

    public Span<float> Gradients => Span<float>.Empty;

    public Loss Loss => loss;

    public void InitializeParameters(int seed)
    {
    }

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => input.CopyTo(output);

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => inputs.CopyTo(outputs);

    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => throw new NotSupportedException();

    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => throw new NotSupportedException();

    public void ZeroGradients()
    {
    }
}
