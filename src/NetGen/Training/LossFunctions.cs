using System;
using NetGen.Kernels;

namespace NetGen;

/// <summary>
/// The losses of <see cref="NetGen.Loss"/> computed from a network's outputs, with PyTorch's definitions: the same
/// terms that training and <see cref="Metrics.Evaluate"/> use.
/// </summary>
public static class LossFunctions
{
    /// <summary>The loss of one sample.</summary>
    /// <param name="loss">Which loss: MeanSquaredError (1/O)·Σ(y − t)²; BinaryCrossEntropy (1/O)·Σ −[t·log y + (1 − t)·log(1 − y)];
    /// CrossEntropy −Σ t·log y. Logarithms are clamped at −100 as PyTorch's <c>BCELoss</c> does.</param>
    /// <param name="output">The network's outputs y (probabilities for the cross-entropies).</param>
    /// <param name="target">The targets t, as many as outputs.</param>
    /// <exception cref="ArgumentException">The lengths differ or are 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="loss"/> is not a defined value.</exception>
    public static float Compute(Loss loss, ReadOnlySpan<float> output, ReadOnlySpan<float> target)
    {
        if (output.Length != target.Length || output.Length == 0)
        {
            throw new ArgumentException(
                $"output has length {output.Length} and target has length {target.Length}; they must be equal and non-zero.", nameof(target));
        }

        return (float)Losses.OfRow(loss, output, target);
    }
}
