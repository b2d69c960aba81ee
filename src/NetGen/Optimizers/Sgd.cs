using System;
using NetGen.Kernels;

namespace NetGen;

/// <summary>
/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay, with the arithmetic
/// of <c>torch.optim.SGD</c> (dampening 0): g ← ∇ + λθ; b ← g on the first step, else μb + g;
/// g ← g + μb (Nesterov) or b; θ ← θ − η·g.
/// </summary>
/// <remarks>
/// The momentum buffer belongs to one parameter block: the network given to the constructor, or else the network of
/// the first <see cref="Trainer"/> that uses this optimizer. Another network's parameters are refused with an
/// exception until <see cref="Reset"/>.
/// </remarks>
public sealed class Sgd : IFusedOptimizer, INetworkBound
{
    private readonly ParameterBinding _binding = new(nameof(Sgd));
    private float[] _momentumBuffer = [];
    private double _learningRate;

    /// <param name="learningRate">The step size η (≥ 0).</param>
    /// <param name="momentum">The momentum factor μ (≥ 0; 0 disables momentum).</param>
    /// <param name="nesterov">Uses Nesterov momentum; requires <paramref name="momentum"/> &gt; 0.</param>
    /// <param name="weightDecay">The L2 penalty λ added to the gradient (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, not finite, or Nesterov is asked for without momentum.</exception>
    public Sgd(double learningRate, double momentum = 0, bool nesterov = false, double weightDecay = 0)
    {
        LearningRate = learningRate;
        Momentum = OptimizerGuard.AtLeast(momentum, 0, nameof(momentum), "The momentum");
        WeightDecay = OptimizerGuard.AtLeast(weightDecay, 0, nameof(weightDecay), "The weight decay");
        if (nesterov && momentum == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum,
                "Nesterov momentum requires a momentum > 0 (as in torch.optim.SGD); set momentum, e.g. 0.9, or nesterov: false.");
        }

        Nesterov = nesterov;
    }

    /// <summary>Creates the optimizer bound to <paramref name="network"/>'s parameters.</summary>
    /// <param name="network">The network whose <see cref="INetwork.Parameters"/> this optimizer updates, and only those.</param>
    /// <param name="learningRate">The step size η (≥ 0).</param>
    /// <param name="momentum">The momentum factor μ (≥ 0; 0 disables momentum).</param>
    /// <param name="nesterov">Uses Nesterov momentum; requires <paramref name="momentum"/> &gt; 0.</param>
    /// <param name="weightDecay">The L2 penalty λ added to the gradient (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, not finite, or Nesterov is asked for without momentum.</exception>
    public Sgd(INetwork network, double learningRate, double momentum = 0, bool nesterov = false, double weightDecay = 0)
        : this(learningRate, momentum, nesterov, weightDecay)
    {
        _binding.Bind(OptimizerGuard.NotNull(network, nameof(network)));
    }

    /// <inheritdoc/>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = OptimizerGuard.AtLeast(value, 0, nameof(LearningRate), "The learning rate");
    }

    /// <summary>The momentum factor μ.</summary>
    public double Momentum { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 penalty λ.</summary>
    public double WeightDecay { get; }

    /// <summary>The network whose parameters the momentum buffer belongs to, or null before one is bound (and after <see cref="Reset"/>).</summary>
    public INetwork? Network => _binding.Network;

    /// <inheritdoc/>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        Prepare(_binding.CheckStep(parameters, gradients), parameters.Length);
        if (Momentum != 0)
        {
            var rule = MomentumRule();
            UpdateRules.Apply(ref rule, parameters, gradients);
        }
        else if (WeightDecay != 0)
        {
            var rule = DecayRule();
            UpdateRules.Apply(ref rule, parameters, gradients);
        }
        else
        {
            var rule = PlainRule();
            UpdateRules.Apply(ref rule, parameters, gradients);
        }
    }

    /// <inheritdoc/>
    public float FusedStep<TPass>(INetwork network, TPass pass, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        where TPass : struct, IFusedTrainingPass
    {
        ArgumentNullException.ThrowIfNull(network);
        Prepare(_binding.CheckFusedStep(network), network.ParameterCount);
        if (Momentum != 0)
        {
            var rule = MomentumRule();
            return pass.Run(ref rule, inputs, targets);
        }
        else if (WeightDecay != 0)
        {
            var rule = DecayRule();
            return pass.Run(ref rule, inputs, targets);
        }
        else
        {
            var rule = PlainRule();
            return pass.Run(ref rule, inputs, targets);
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _binding.Reset();
        Array.Clear(_momentumBuffer);
    }

    void INetworkBound.BindTo(INetwork network) => _binding.Bind(network);

    /// <summary>Sizes the momentum buffer on the first step since construction or <see cref="Reset"/>.</summary>
    private void Prepare(bool first, int length)
    {
        if (first && Momentum != 0 && _momentumBuffer.Length != length)
        {
            _momentumBuffer = new float[length];
        }
    }

    // Without decay, as torch does, the gradient is not added to λθ at all: two operations fewer per vector.
    private SgdRule PlainRule() => new((float)LearningRate);

    private SgdDecayRule DecayRule() => new((float)LearningRate, (float)WeightDecay);

    // The buffer starts at 0 (new or Reset), so μb + g gives torch's b ← g on the first step.
    private MomentumRule MomentumRule() => new(_momentumBuffer, (float)LearningRate, (float)WeightDecay, (float)Momentum, Nesterov);
}
