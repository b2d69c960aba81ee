using System;
using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>
/// The losses over rows of <c>width</c> outputs, as PyTorch defines them, each returning the rows' summed loss
/// and writing <c>scale</c> times its gradient. Called by generated networks' backward passes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Losses
{
    /// <summary>Logarithms are clamped here, as in PyTorch's BCELoss, so a probability of 0 gives a finite loss.</summary>
    private const double LogFloor = -100.0;

    /// <summary>(1/O)·Σ(y − t)²; gradient with respect to y: 2(y − t)/O.</summary>
    public static float MeanSquaredError(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> outputGradient, float scale, int width)
    {
        var total = 0.0;
        var factor = 2f * scale / width;
        for (var i = 0; i < outputs.Length; i++)
        {
            var difference = outputs[i] - targets[i];
            total += (double)difference * difference;
            outputGradient[i] = factor * difference;
        }

        return (float)(total / width);
    }

    /// <summary>
    /// Binary cross-entropy of σ(z) computed from the logits z: max(z, 0) − z·t + log(1 + e^−|z|), which cannot
    /// overflow; gradient with respect to z: (σ(z) − t)/O.
    /// </summary>
    public static float BinaryCrossEntropyWithLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> logitGradient, float scale, int width)
    {
        var total = 0.0;
        var factor = scale / width;
        for (var i = 0; i < logits.Length; i++)
        {
            double z = logits[i];
            total += Math.Max(z, 0.0) - (z * targets[i]) + Math.Log(1.0 + Math.Exp(-Math.Abs(z)));
            logitGradient[i] = factor * (VectorMath.Sigmoid(logits[i]) - targets[i]);
        }

        return (float)(total / width);
    }

    /// <summary>(1/O)·Σ −[t·log y + (1 − t)·log(1 − y)] with logs clamped at −100; gradient (y − t)/(y(1 − y))/O.</summary>
    public static float BinaryCrossEntropy(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> outputGradient, float scale, int width)
    {
        var total = 0.0;
        var factor = scale / width;
        for (var i = 0; i < outputs.Length; i++)
        {
            double y = outputs[i];
            double t = targets[i];
            total -= (t * ClampedLog(y)) + ((1 - t) * ClampedLog(1 - y));
            outputGradient[i] = (float)(factor * (y - t) / Math.Max(y * (1 - y), 1e-12));
        }

        return (float)(total / width);
    }

    /// <summary>
    /// −Σ t·log softmax(z), from the logits so that it cannot overflow; gradient with respect to z: y − t,
    /// where y = softmax(z) is already computed.
    /// </summary>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, Span<float> logitGradient, float scale, int width)
    {
        var total = 0.0;
        for (var start = 0; start < logits.Length; start += width)
        {
            var row = logits.Slice(start, width);
            var max = double.NegativeInfinity;
            foreach (var z in row)
            {
                max = Math.Max(max, z);
            }

            var sum = 0.0;
            foreach (var z in row)
            {
                sum += Math.Exp(z - max);
            }

            var logSum = max + Math.Log(sum);
            for (var i = start; i < start + width; i++)
            {
                total -= targets[i] * (logits[i] - logSum);
                logitGradient[i] = scale * (probabilities[i] - targets[i]);
            }
        }

        return (float)total;
    }

    /// <summary>−Σ t·log y with logs clamped at −100, for outputs that are not a softmax; gradient −t/y.</summary>
    public static float CrossEntropy(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> outputGradient, float scale, int width)
    {
        var total = 0.0;
        for (var i = 0; i < outputs.Length; i++)
        {
            double y = outputs[i];
            total -= targets[i] * ClampedLog(y);
            outputGradient[i] = (float)(-scale * targets[i] / Math.Max(y, 1e-12));
        }

        return (float)total;
    }

    private static double ClampedLog(double value) => value > 0 ? Math.Max(Math.Log(value), LogFloor) : LogFloor;
}
