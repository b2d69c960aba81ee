using System;

namespace NetGen.Benchmarks;

/// <summary>
/// A hand-written peer on its own copy of the exchange-layout parameters (<see cref="P"/>), with every buffer
/// preallocated: forward for one row or many, and one SGD step on a batch of up to <see cref="MaxBatch"/> rows.
/// </summary>
public abstract class BaselineMlp
{
    public const int MaxBatch = 64;

    protected BaselineMlp(Shape shape, ReadOnlySpan<float> parameters)
    {
        S = shape;
        P = parameters.ToArray();
    }

    protected Shape S { get; }

    /// <summary>The parameters, PyTorch nn.Linear layout: per layer weight [out, in] row-major, then bias [out].</summary>
    public float[] P { get; }

    public abstract void Forward(ReadOnlySpan<float> input, Span<float> output);

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        int n = S.InputSize, m = S.OutputSize, rows = inputs.Length / n;
        for (int r = 0; r < rows; r++)
        {
            Forward(inputs.Slice(r * n, n), outputs.Slice(r * m, m));
        }
    }

    /// <summary>One step of plain SGD on the mean loss over the rows; returns that mean loss before the step.</summary>
    public abstract float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, float learningRate);
}
