using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The losses of <see cref="NetGen.Loss"/> as PyTorch defines them, written once. The generated backward passes call
/// the kernels below (each returns the rows' summed loss and writes <c>scale</c> times its gradient); evaluation
/// (<see cref="Metrics"/>, the trainer's validation loss, <see cref="LossFunctions"/>) calls <see cref="OfRow"/>.
/// Both compute the value from the outputs y with the same terms, so a training loss and a validation loss on the
/// same rows agree to float rounding; the gradients of the fused losses come from the logits.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Losses
{
    /// <summary>Logarithms are clamped here, as PyTorch's BCELoss does, so a probability of 0 gives a finite loss.</summary>
    private const double LogFloor = -100.0;

    /// <summary>(1/O)·Σ(y − t)²; gradient with respect to y: 2(y − t)/O.</summary>
    /// <remarks>
    /// Eight elements at a time where Vector256 is accelerated, the squares summed in eight double lanes: one sum in
    /// order waits on every addition, and on each conversion's merge with the register before, ~9 cycles an element,
    /// 2 % of N4's batch-32 step. The gradient is the same per element; the loss differs from the sum in order only
    /// in the double's last bits.
    /// </remarks>
    public static float MeanSquaredError(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> outputGradient, float scale, int width)
    {
        var total = 0.0;
        var factor = 2f * scale / width;
        var count = outputs.Length;
        targets = targets[..count];
        outputGradient = outputGradient[..count];
        var i = 0;
        if (Vector256.IsHardwareAccelerated && count >= Vector256<float>.Count)
        {
            ref var y = ref MemoryMarshal.GetReference(outputs);
            ref var t = ref MemoryMarshal.GetReference(targets);
            ref var g = ref MemoryMarshal.GetReference(outputGradient);
            var f = Vector256.Create(factor);
            Vector256<double> lower = default, upper = default;
            for (; i <= count - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var yi = Vector256.LoadUnsafe(ref y, (nuint)i);
                var ti = Vector256.LoadUnsafe(ref t, (nuint)i);
                (f * (yi - ti)).StoreUnsafe(ref g, (nuint)i);
                var (yLower, yUpper) = Vector256.Widen(yi);
                var (tLower, tUpper) = Vector256.Widen(ti);
                var dLower = yLower - tLower;
                var dUpper = yUpper - tUpper;
                lower += dLower * dLower;
                upper += dUpper * dUpper;
            }

            total = Vector256.Sum(lower + upper);
        }

        for (; i < count; i++)
        {
            total += SquaredError(outputs[i], targets[i]);
            outputGradient[i] = factor * (outputs[i] - targets[i]);
        }

        return (float)(total / width);
    }

    /// <summary>
    /// Binary cross-entropy of y = σ(z), the value from y as BCELoss computes it; gradient with respect to the logit z:
    /// (y − t)/O, which cannot overflow.
    /// </summary>
    public static float BinaryCrossEntropyWithLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> logitGradient, float scale, int width)
    {
        var total = 0.0;
        var factor = scale / width;
        for (var i = 0; i < logits.Length; i++)
        {
            // The same σ as the forward pass (VectorMath gives identical bits at every width), so the value matches evaluation.
            var y = VectorMath.Sigmoid(logits[i]);
            total += BinaryCrossEntropyTerm(y, targets[i]);
            logitGradient[i] = factor * (y - targets[i]);
        }

        return (float)(total / width);
    }

    /// <summary>
    /// −Σ t·log y of the probabilities y = softmax(z); gradient with respect to the logits z: y − t (for targets that
    /// sum to 1).
    /// </summary>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, Span<float> logitGradient, float scale)
    {
        var total = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            total += CrossEntropyTerm(probabilities[i], targets[i]);
            logitGradient[i] = scale * (probabilities[i] - targets[i]);
        }

        return (float)total;
    }

    /// <summary>
    /// <see cref="SoftmaxCrossEntropy(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, float)"/> with the
    /// signature the generated code of this version calls; the logits and the width are not needed.
    /// </summary>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, Span<float> logitGradient, float scale, int width) =>
        SoftmaxCrossEntropy(probabilities, targets, logitGradient, scale);

    /// <summary>The loss of one row of outputs y against its targets t, with the kernels' terms.</summary>
    internal static double OfRow(Loss loss, ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets)
    {
        var total = 0.0;
        switch (loss)
        {
            case Loss.MeanSquaredError:
                for (var i = 0; i < outputs.Length; i++)
                {
                    total += SquaredError(outputs[i], targets[i]);
                }

                return total / outputs.Length;
            case Loss.BinaryCrossEntropy:
                for (var i = 0; i < outputs.Length; i++)
                {
                    total += BinaryCrossEntropyTerm(outputs[i], targets[i]);
                }

                return total / outputs.Length;
            case Loss.CrossEntropy:
                for (var i = 0; i < outputs.Length; i++)
                {
                    total += CrossEntropyTerm(outputs[i], targets[i]);
                }

                return total;
            default:
                throw new ArgumentOutOfRangeException(nameof(loss), loss, $"Unknown loss {loss}.");
        }
    }

    private static double SquaredError(float y, float t)
    {
        var difference = (double)y - t;
        return difference * difference;
    }

    private static double BinaryCrossEntropyTerm(double y, double t) => -((t * ClampedLog(y)) + ((1 - t) * ClampedLog(1 - y)));

    /// <summary>
    /// −t·log y, with no logarithm where t is 0 (every class but one of a one-hot target): that term is a zero either
    /// way, so the sums are the same, and N3's 32-row step takes 32 logarithms instead of 320.
    /// </summary>
    private static double CrossEntropyTerm(double y, double t) => t == 0 ? 0 : -t * ClampedLog(y);

    private static double ClampedLog(double value) => value > 0 ? Math.Max(Math.Log(value), LogFloor) : LogFloor;
}
