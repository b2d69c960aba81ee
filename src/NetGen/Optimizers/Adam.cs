using System;
using NetGen.Kernels;

namespace NetGen;

/// <summary>
/// Adam with decoupled weight decay, with the arithmetic of <c>torch.optim.AdamW</c> (and of <c>torch.optim.Adam</c>
/// when <see cref="WeightDecay"/> is 0): θ ← θ·(1 − ηλ); m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
/// θ ← θ − η·m̂ / (√v̂ + ε) with the bias-corrected m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).
/// </summary>
/// <remarks>
/// The moment estimates belong to one parameter block: the network given to the constructor, or else the network of
/// the first <see cref="Trainer"/> that uses this optimizer. Another network's parameters are refused with an
/// exception until <see cref="Reset"/>.
/// </remarks>
public sealed class Adam : IFusedOptimizer, INetworkBound
{
    private readonly ParameterBinding _binding = new(nameof(Adam));
    private float[] _firstMoment = [];
    private float[] _secondMoment = [];
    private double _learningRate;

    /// <param name="learningRate">The step size η (≥ 0).</param>
    /// <param name="beta1">The decay β₁ of the first-moment estimate, in [0, 1).</param>
    /// <param name="beta2">The decay β₂ of the second-moment estimate, in [0, 1).</param>
    /// <param name="epsilon">The term ε added to √v̂ for numerical stability (≥ 0).</param>
    /// <param name="weightDecay">The decoupled weight decay λ (≥ 0), applied as θ ← θ·(1 − ηλ) as AdamW does.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range or not finite.</exception>
    public Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
    {
        LearningRate = learningRate;
        Beta1 = OptimizerGuard.Beta(beta1, nameof(beta1));
        Beta2 = OptimizerGuard.Beta(beta2, nameof(beta2));
        Epsilon = OptimizerGuard.AtLeast(epsilon, 0, nameof(epsilon), "Epsilon");
        WeightDecay = OptimizerGuard.AtLeast(weightDecay, 0, nameof(weightDecay), "The weight decay");
    }

    /// <summary>Creates the optimizer bound to <paramref name="network"/>'s parameters.</summary>
    /// <param name="network">The network whose <see cref="INetwork.Parameters"/> this optimizer updates, and only those.</param>
    /// <param name="learningRate">The step size η (≥ 0).</param>
    /// <param name="beta1">The decay β₁ of the first-moment estimate, in [0, 1).</param>
    /// <param name="beta2">The decay β₂ of the second-moment estimate, in [0, 1).</param>
    /// <param name="epsilon">The term ε added to √v̂ for numerical stability (≥ 0).</param>
    /// <param name="weightDecay">The decoupled weight decay λ (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range or not finite.</exception>
    public Adam(INetwork network, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
        : this(learningRate, beta1, beta2, epsilon, weightDecay)
    {
        _binding.Bind(OptimizerGuard.NotNull(network, nameof(network)));
    }

    /// <inheritdoc/>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = OptimizerGuard.AtLeast(value, 0, nameof(LearningRate), "The learning rate");
    }

    /// <summary>The decay β₁ of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>The decay β₂ of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>The term ε added to √v̂.</summary>
    public double Epsilon { get; }

    /// <summary>The decoupled weight decay λ.</summary>
    public double WeightDecay { get; }

    /// <summary>The network whose parameters the moment estimates belong to, or null before one is bound (and after <see cref="Reset"/>).</summary>
    public INetwork? Network => _binding.Network;

    /// <summary>The number of steps taken since construction or the last <see cref="Reset"/>.</summary>
    public long StepCount { get; private set; }

    /// <inheritdoc/>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        Prepare(_binding.CheckStep(parameters, gradients), parameters.Length);
        var rule = new AdamRule(this, _firstMoment, _secondMoment, ++StepCount);
        UpdateRules.Apply(ref rule, parameters, gradients);
    }

    /// <inheritdoc/>
    public float FusedStep<TPass>(INetwork network, TPass pass, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        where TPass : struct, IFusedTrainingPass
    {
        ArgumentNullException.ThrowIfNull(network);
        Prepare(_binding.CheckFusedStep(network), network.ParameterCount);
        var rule = new AdamRule(this, _firstMoment, _secondMoment, StepCount + 1);
        var loss = pass.Run(ref rule, inputs, targets);
        if (float.IsFinite(loss))
        {
            // The pass updated nothing for a loss that is not finite, so the step is not counted either.
            StepCount++;
        }

        return loss;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _binding.Reset();
        StepCount = 0;
        Array.Clear(_firstMoment);
        Array.Clear(_secondMoment);
    }

    void INetworkBound.BindTo(INetwork network) => _binding.Bind(network);

    /// <summary>Sizes the moment estimates on the first step since construction or <see cref="Reset"/>.</summary>
    private void Prepare(bool first, int length)
    {
        if (first && _firstMoment.Length != length)
        {
            _firstMoment = new float[length];
            _secondMoment = new float[length];
        }
    }
}
