using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen;

/// <summary>
/// Adam with decoupled weight decay, with the arithmetic of <c>torch.optim.AdamW</c> (and of <c>torch.optim.Adam</c>
/// when <see cref="WeightDecay"/> is 0): θ ← θ·(1 − ηλ); m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
/// θ ← θ − η·m̂ / (√v̂ + ε) with the bias-corrected m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).
/// </summary>
public sealed class Adam : IOptimizer
{
    private float[] _firstMoment = [];
    private float[] _secondMoment = [];
    private int _stateLength = -1;

    /// <param name="learningRate">The step size η (≥ 0).</param>
    /// <param name="beta1">The decay β₁ of the first-moment estimate, in [0, 1).</param>
    /// <param name="beta2">The decay β₂ of the second-moment estimate, in [0, 1).</param>
    /// <param name="epsilon">The term ε added to √v̂ for numerical stability (≥ 0).</param>
    /// <param name="weightDecay">The decoupled weight decay λ (≥ 0), applied as θ ← θ·(1 − ηλ) as AdamW does.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range or not finite.</exception>
    public Adam(float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
    {
        OptimizerGuard.AtLeast(learningRate, 0f, nameof(learningRate), "The learning rate");
        OptimizerGuard.Beta(beta1, nameof(beta1));
        OptimizerGuard.Beta(beta2, nameof(beta2));
        OptimizerGuard.AtLeast(epsilon, 0f, nameof(epsilon), "Epsilon");
        OptimizerGuard.AtLeast(weightDecay, 0f, nameof(weightDecay), "The weight decay");
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
    }

    /// <summary>The step size η.</summary>
    public float LearningRate { get; }

    /// <summary>The decay β₁ of the first-moment estimate.</summary>
    public float Beta1 { get; }

    /// <summary>The decay β₂ of the second-moment estimate.</summary>
    public float Beta2 { get; }

    /// <summary>The term ε added to √v̂.</summary>
    public float Epsilon { get; }

    /// <summary>The decoupled weight decay λ.</summary>
    public float WeightDecay { get; }

    /// <summary>The number of steps taken since construction or the last <see cref="Reset"/>.</summary>
    public long StepCount { get; private set; }

    /// <inheritdoc/>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (OptimizerGuard.CheckLengths(parameters.Length, gradients.Length, _stateLength, nameof(Adam)))
        {
            if (_firstMoment.Length != parameters.Length)
            {
                _firstMoment = new float[parameters.Length];
                _secondMoment = new float[parameters.Length];
            }

            _stateLength = parameters.Length;
        }

        StepCount++;
        // As torch: step size η / (1 − β₁ᵗ), denominator √v / √(1 − β₂ᵗ) + ε, bias corrections in double.
        double t = StepCount;
        float stepSize = (float)(LearningRate / (1.0 - Math.Pow(Beta1, t)));
        float sqrtCorrection2 = (float)Math.Sqrt(1.0 - Math.Pow(Beta2, t));
        float decay = 1f - LearningRate * WeightDecay;
        Update(parameters, gradients, stepSize, sqrtCorrection2, decay);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _stateLength = -1;
        StepCount = 0;
        Array.Clear(_firstMoment);
        Array.Clear(_secondMoment);
    }

    private void Update(Span<float> parameters, ReadOnlySpan<float> gradients, float stepSize, float sqrtCorrection2, float decay)
    {
        float b1 = Beta1, b2 = Beta2, eps = Epsilon;
        float c1 = 1f - b1, c2 = 1f - b2;
        var p = MemoryMarshal.Cast<float, Vector<float>>(parameters);
        var g = MemoryMarshal.Cast<float, Vector<float>>(gradients);
        var m = MemoryMarshal.Cast<float, Vector<float>>(_firstMoment.AsSpan());
        var v = MemoryMarshal.Cast<float, Vector<float>>(_secondMoment.AsSpan());
        for (int i = 0; i < p.Length; i++)
        {
            var grad = g[i];
            var mi = b1 * m[i] + c1 * grad;
            var vi = b2 * v[i] + c2 * grad * grad;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] * decay - stepSize * mi / (Vector.SquareRoot(vi) / sqrtCorrection2 + new Vector<float>(eps));
        }

        Span<float> ms = _firstMoment, vs = _secondMoment;
        for (int i = p.Length * Vector<float>.Count; i < parameters.Length; i++)
        {
            float grad = gradients[i];
            float mi = b1 * ms[i] + c1 * grad;
            float vi = b2 * vs[i] + c2 * grad * grad;
            ms[i] = mi;
            vs[i] = vi;
            parameters[i] = parameters[i] * decay - stepSize * mi / (MathF.Sqrt(vi) / sqrtCorrection2 + eps);
        }
    }
}
