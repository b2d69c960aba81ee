using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen;

/// <summary>
/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay, with the arithmetic
/// of <c>torch.optim.SGD</c> (dampening 0): g ← ∇ + λθ; b ← g on the first step, else μb + g;
/// g ← g + μb (Nesterov) or b; θ ← θ − η·g.
/// </summary>
public sealed class Sgd : IOptimizer
{
    private float[] _momentumBuffer = [];
    private int _stateLength = -1;

    /// <param name="learningRate">The step size η (≥ 0).</param>
    /// <param name="momentum">The momentum factor μ (≥ 0; 0 disables momentum).</param>
    /// <param name="nesterov">Uses Nesterov momentum; requires <paramref name="momentum"/> &gt; 0.</param>
    /// <param name="weightDecay">The L2 penalty λ added to the gradient (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, not finite, or Nesterov is asked for without momentum.</exception>
    public Sgd(float learningRate, float momentum = 0f, bool nesterov = false, float weightDecay = 0f)
    {
        OptimizerGuard.AtLeast(learningRate, 0f, nameof(learningRate), "The learning rate");
        OptimizerGuard.AtLeast(momentum, 0f, nameof(momentum), "The momentum");
        OptimizerGuard.AtLeast(weightDecay, 0f, nameof(weightDecay), "The weight decay");
        if (nesterov && momentum == 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum,
                "Nesterov momentum requires a momentum > 0 (as in torch.optim.SGD); set momentum, e.g. 0.9, or nesterov: false.");
        }

        LearningRate = learningRate;
        Momentum = momentum;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
    }

    /// <summary>The step size η.</summary>
    public float LearningRate { get; }

    /// <summary>The momentum factor μ.</summary>
    public float Momentum { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 penalty λ.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (OptimizerGuard.CheckLengths(parameters.Length, gradients.Length, _stateLength, nameof(Sgd)))
        {
            if (Momentum != 0f && _momentumBuffer.Length != parameters.Length)
            {
                _momentumBuffer = new float[parameters.Length];
            }

            _stateLength = parameters.Length;
        }

        if (Momentum == 0f)
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
        _stateLength = -1;
        Array.Clear(_momentumBuffer);
    }

    private void StepPlain(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        float lr = LearningRate, wd = WeightDecay;
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
        float lr = LearningRate, wd = WeightDecay, mu = Momentum;
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
