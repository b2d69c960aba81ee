using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen;

/// <summary>Clipping by global norm, as <c>torch.nn.utils.clip_grad_norm_</c> with the 2-norm.</summary>
internal static class GradientClipping
{
    /// <summary>The eps PyTorch adds to the norm before dividing.</summary>
    public const double Epsilon = 1e-6;

    /// <summary>
    /// Scales <paramref name="gradients"/> by min(1, maxNorm / (‖g‖₂ + 1e-6)) and returns ‖g‖₂ before scaling. The norm
    /// is accumulated in double; nothing is allocated.
    /// </summary>
    public static double ClipByNorm(Span<float> gradients, double maxNorm)
    {
        double norm = Math.Sqrt(SumOfSquares(gradients));
        double coefficient = maxNorm / (norm + Epsilon);
        if (coefficient < 1)
        {
            Scale(gradients, (float)coefficient);
        }

        return norm;
    }

    private static double SumOfSquares(ReadOnlySpan<float> values)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        var sum = Vector<double>.Zero;
        foreach (var vector in vectors)
        {
            Vector.Widen(vector, out var low, out var high);
            sum += (low * low) + (high * high);
        }

        double total = Vector.Sum(sum);
        for (int i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            total += (double)values[i] * values[i];
        }

        return total;
    }

    /// <summary>Multiplies every value by <paramref name="factor"/>.</summary>
    public static void Scale(Span<float> values, float factor)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        for (int i = 0; i < vectors.Length; i++)
        {
            vectors[i] *= factor;
        }

        for (int i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }
}
