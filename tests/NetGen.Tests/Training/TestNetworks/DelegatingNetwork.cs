using System;
using NetGen;

namespace NetGen.Tests.Training.TestNetworks;

/// <summary>
/// A network that passes every call to <see cref="Inner"/>: a test wrapper overrides only the calls it watches or
/// changes. Training steps take the interface's unfused path, so they reach the wrapper's <see cref="BackwardBatch"/>;
/// replicas are the interface's default (none) unless a wrapper implements
/// <see cref="INetwork.CreateReplicaSharingParameters"/> itself.
/// </summary>
public abstract class DelegatingNetwork(INetwork inner) : INetwork
{
    protected INetwork Inner { get; } = inner;

    public int InputSize => Inner.InputSize;

    public int OutputSize => Inner.OutputSize;

    public int ParameterCount => Inner.ParameterCount;

    public Span<float> Parameters => Inner.Parameters;

    public Span<float> Gradients => Inner.Gradients;

    public Loss Loss => Inner.Loss;

    public void InitializeParameters(int seed) => Inner.InitializeParameters(seed);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => Inner.Forward(input, output);

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => Inner.ForwardBatch(inputs, outputs);

    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => Inner.Backward(input, target);

    public virtual float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => Inner.BackwardBatch(inputs, targets);

    public void ZeroGradients() => Inner.ZeroGradients();
}
