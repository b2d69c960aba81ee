using System;

namespace NetGen;

/// <summary>
/// The losses of <see cref="NetGen.Loss"/> computed from a network's outputs, with PyTorch's definitions,
/// for evaluating a network whatever produced it.
/// </summary>
public static class LossFunctions
{
    /// <summary>The value below which PyTorch's <c>BCELoss</c> clamps a logarithm.</summary>
    private const double LogFloor = -100.0;

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

        return loss switch
        {
            Loss.MeanSquaredError => (float)MeanSquaredError(output, target),
            Loss.BinaryCrossEntropy => (float)BinaryCrossEntropy(output, target),
            Loss.CrossEntropy => (float)CrossEntropy(output, target),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, $"Unknown loss {loss}."),
        };
    }

    private static double MeanSquaredError(ReadOnlySpan<float> y, ReadOnlySpan<float> t)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double d = (double)y[i] - t[i];
            sum += d * d;
        }

        return sum / y.Length;
    }

    private static double BinaryCrossEntropy(ReadOnlySpan<float> y, ReadOnlySpan<float> t)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            sum -= t[i] * Log(y[i]) + (1.0 - t[i]) * Log(1.0 - y[i]);
        }

        return sum / y.Length;
    }

    private static double CrossEntropy(ReadOnlySpan<float> y, ReadOnlySpan<float> t)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            sum -= t[i] * Log(y[i]);
        }

        return sum;
    }

    /// <summary>log x clamped below at −100, so that log 0 gives a finite loss (0·log 0 = 0).</summary>
    private static double Log(double x) => Math.Max(Math.Log(x), LogFloor);
}
