using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen;

/// <summary>
/// The parameter block an optimizer's state belongs to: a network (from a constructor overload or the first
/// <see cref="Trainer"/> that uses the optimizer), or, for spans passed by hand, the length of the first step.
/// </summary>
internal sealed class ParameterBinding(string optimizer)
{
    /// <summary>The length the state is sized for, −1 before the first step.</summary>
    private int _length = -1;

    public INetwork? Network { get; private set; }

    /// <summary>Binds to <paramref name="network"/>, or checks that the optimizer is already bound to it.</summary>
    /// <exception cref="InvalidOperationException">The optimizer is bound to another network.</exception>
    public void Bind(INetwork network)
    {
        if (Network is null)
        {
            Network = network;
        }
        else if (!ReferenceEquals(Network, network))
        {
            throw new InvalidOperationException(
                $"This {optimizer} updates the parameters of another network (a {Network.GetType().Name}); its state (momentum, moment " +
                $"estimates) belongs to that network. Create one optimizer per network, or call Reset() before giving it this {network.GetType().Name}.");
        }
    }

    /// <summary>
    /// Checks one step's spans against the binding: the bound network's own <see cref="INetwork.Parameters"/>, else the
    /// length of the first step. Returns true on the first step since construction or <see cref="Reset"/>.
    /// </summary>
    public bool CheckStep(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != gradients.Length)
        {
            throw new ArgumentException(
                $"{optimizer}.Step: gradients has length {gradients.Length} but parameters has length {parameters.Length}; they must be equal.",
                nameof(gradients));
        }

        if (Network is { } network && !IsBlockOf(network, parameters))
        {
            throw new ArgumentException(
                $"{optimizer}.Step: parameters is not the Parameters of the {network.GetType().Name} this optimizer is bound to, and its state " +
                "belongs to that network. Use one optimizer per network, or call Reset() first.", nameof(parameters));
        }

        if (_length >= 0 && _length != parameters.Length)
        {
            throw new ArgumentException(
                $"{optimizer}.Step: this optimizer's state was sized for {_length} parameters on its first step, " +
                $"but this step has {parameters.Length}. Use one optimizer per network, or call Reset() first.",
                nameof(parameters));
        }

        bool first = _length < 0;
        _length = parameters.Length;
        return first;
    }

    /// <summary>
    /// Checks a fused step on <paramref name="network"/> against the binding: the bound network itself, else a
    /// network with the parameter count of the first step. Returns true on the first step since construction or
    /// <see cref="Reset"/>.
    /// </summary>
    /// <remarks>Inlined into every fused step, with its messages built out of line (N1's whole step is ~100 ns).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CheckFusedStep(INetwork network)
    {
        if (Network is { } bound && !ReferenceEquals(bound, network))
        {
            ThrowOtherNetwork(bound, network);
        }

        var length = network.ParameterCount;
        if (_length >= 0 && _length != length)
        {
            ThrowOtherLength(network, length);
        }

        bool first = _length < 0;
        _length = length;
        return first;
    }

    public void Reset()
    {
        _length = -1;
        Network = null;
    }

    /// <summary>Whether the span is the network's parameter block (both references are taken now, so a GC move cannot fool it).</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowOtherNetwork(INetwork bound, INetwork network) =>
        throw new ArgumentException(
            $"{optimizer}: this optimizer is bound to a {bound.GetType().Name}, not to this {network.GetType().Name}, and its state belongs " +
            "to that network. Use one optimizer per network, or call Reset() first.", nameof(optimizer));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowOtherLength(INetwork network, int length) =>
        throw new ArgumentException(
            $"{optimizer}: this optimizer's state was sized for {_length} parameters on its first step, but this " +
            $"{network.GetType().Name} has {length}. Use one optimizer per network, or call Reset() first.", nameof(optimizer));

    private static bool IsBlockOf(INetwork network, Span<float> parameters)
    {
        var own = network.Parameters;
        return own.Length == parameters.Length
            && Unsafe.AreSame(ref MemoryMarshal.GetReference(own), ref MemoryMarshal.GetReference(parameters));
    }
}
