using System;
using System.Numerics;
using System.Runtime.InteropServices;

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
public sealed class Sgd : IOptimizer, INetworkBound
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
        if (_binding.CheckStep(parameters, gradients) && Momentum != 0 && _momentumBuffer.Length != parameters.Length)
        {
            _momentumBuffer = new float[parameters.Length];
        }

        if (Momentum == 0)
        {
            StepPlain(parameters, gradients);
        }
        else
        {
            StepMomentum(parameters, gradients, _momentumBuffer);
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _binding.Reset();
        Array.Clear(_momentumBuffer);
    }

    void INetworkBound.BindTo(INetwork network) => _binding.Bind(network);

    private void StepPlain(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        float lr = (float)LearningRate, wd = (float)WeightDecay;
        var p = MemoryMarshal.Cast<float, Vector<float>>(parameters);
        var g = MemoryMarshal.Cast<float, Vector<float>>(gradients);
        for (int i = 0; i < p.Length; i++)
        {
            p[i] -= lr * (g[i] + wd * p[i]);
        }

        for (int i = p.Length * Vector<float>.Count; i < parameters.Length; i++)
        {
            parameters[i] -= lr * (gradients[i] + wd * parameters[i]);
        }
    }

    private void StepMomentum(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> buffer)
    {
        float lr = (float)LearningRate, wd = (float)WeightDecay, mu = (float)Momentum;
        // The buffer starts at 0 (new or Reset), so μb + g gives torch's b ← g on the first step.
        bool nesterov = Nesterov;
        var p = MemoryMarshal.Cast<float, Vector<float>>(parameters);
        var g = MemoryMarshal.Cast<float, Vector<float>>(gradients);
        var b = MemoryMarshal.Cast<float, Vector<float>>(buffer);
        for (int i = 0; i < p.Length; i++)
        {
            var grad = g[i] + wd * p[i];
            var buf = mu * b[i] + grad;
            b[i] = buf;
            p[i] -= lr * (nesterov ? grad + mu * buf : buf);
        }

        for (int i = p.Length * Vector<float>.Count; i < parameters.Length; i++)
        {
            float grad = gradients[i] + wd * parameters[i];
            float buf = mu * buffer[i] + grad;
            buffer[i] = buf;
            parameters[i] -= lr * (nesterov ? grad + mu * buf : buf);
        }
    }
}
