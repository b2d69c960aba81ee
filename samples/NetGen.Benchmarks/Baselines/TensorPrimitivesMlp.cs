using System;
using System.Numerics.Tensors;
using NetGen.Kernels;

namespace NetGen.Benchmarks;

/// <summary>
/// System.Numerics.Tensors.TensorPrimitives as a competent user writes it: per output row <c>Dot</c> + bias, then
/// the activation over the layer (<c>Tanh</c> / <c>Max</c> / <c>SoftMax</c>); the training step keeps every row's
/// activations and deltas, propagates Wᵀδ with the weights before the step, then updates each weight row in place
/// in one pass, <c>MultiplyAdd(x, −η·δ, w, w)</c> per batch row, with no gradient buffer.
/// </summary>
public sealed class TensorPrimitivesMlp : BaselineMlp
{
    /// <summary>_activations[l]: output of layer l after its activation, one row of Out[l] per batch row.</summary>
    private readonly float[][] _activations;
    /// <summary>_deltas[l]: dLoss/d(pre-activation of layer l) per batch row, scaled by 1/rows.</summary>
    private readonly float[][] _deltas;
    private readonly float[] _scratch;

    public TensorPrimitivesMlp(Shape shape, ReadOnlySpan<float> parameters) : base(shape, parameters)
    {
        _activations = new float[shape.Count][];
        _deltas = new float[shape.Count][];
        int widest = shape.InputSize;
        for (int l = 0; l < shape.Count; l++)
        {
            _activations[l] = new float[MaxBatch * shape.Out[l]];
            _deltas[l] = new float[MaxBatch * shape.Out[l]];
            widest = Math.Max(widest, shape.Out[l]);
        }

        _scratch = new float[widest];
    }

    public override void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        Run(input, 0);
        Row(_activations[S.Count - 1], S.OutputSize, 0).CopyTo(output);
    }

    public override float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, float learningRate)
    {
        int n = S.InputSize, m = S.OutputSize, rows = inputs.Length / n, last = S.Count - 1;
        float loss = 0f;
        for (int r = 0; r < rows; r++)
        {
            Run(inputs.Slice(r * n, n), r);
            loss += OutputDelta(Row(_activations[last], m, r), targets.Slice(r * m, m), Row(_deltas[last], m, r), 1f / rows);
        }

        for (int l = last; l >= 0; l--)
        {
            int nIn = S.In[l], nOut = S.Out[l];
            Span<float> weights = P.AsSpan(S.WeightOffset[l], nIn * nOut);
            Span<float> bias = P.AsSpan(S.BiasOffset[l], nOut);
            if (l > 0)
            {
                for (int r = 0; r < rows; r++)
                {
                    PropagateDelta(l, weights, Row(_deltas[l], nOut, r), Row(_deltas[l - 1], nIn, r), Row(_activations[l - 1], nIn, r));
                }
            }

            for (int o = 0; o < nOut; o++)
            {
                Span<float> weightRow = weights.Slice(o * nIn, nIn);
                for (int r = 0; r < rows; r++)
                {
                    ReadOnlySpan<float> x = l == 0 ? inputs.Slice(r * n, n) : Row(_activations[l - 1], nIn, r);
                    TensorPrimitives.MultiplyAdd(x, -learningRate * _deltas[l][r * nOut + o], weightRow, weightRow);
                }
            }

            for (int r = 0; r < rows; r++)
            {
                TensorPrimitives.MultiplyAdd(Row(_deltas[l], nOut, r), -learningRate, bias, bias);
            }
        }

        return loss / rows;
    }

    private static Span<float> Row(float[] buffer, int width, int row) => buffer.AsSpan(row * width, width);

    private void Run(ReadOnlySpan<float> input, int row)
    {
        ReadOnlySpan<float> p = P;
        for (int l = 0; l < S.Count; l++)
        {
            int nIn = S.In[l], nOut = S.Out[l], w = S.WeightOffset[l];
            ReadOnlySpan<float> x = l == 0 ? input : Row(_activations[l - 1], nIn, row);
            Span<float> z = Row(_activations[l], nOut, row);
            for (int o = 0; o < nOut; o++)
            {
                z[o] = TensorPrimitives.Dot(p.Slice(w + o * nIn, nIn), x);
            }

            TensorPrimitives.Add(z, p.Slice(S.BiasOffset[l], nOut), z);
            switch (S.Acts[l])
            {
                case Act.Tanh: TensorPrimitives.Tanh(z, z); break;
                case Act.ReLU: TensorPrimitives.Max(z, 0f, z); break;
                case Act.Softmax: TensorPrimitives.SoftMax(z, z); break;
            }
        }
    }

    /// <summary>
    /// Writes dLoss/dz of the output layer, scaled, into <paramref name="delta"/>; returns the row's loss. The
    /// runtime's losses, as the generated networks use them: Softmax + cross-entropy fused, dL/dz = y − t; MSE with
    /// an identity output, dL/dz = 2(y − t)/O.
    /// </summary>
    private float OutputDelta(ReadOnlySpan<float> y, ReadOnlySpan<float> target, Span<float> delta, float scale) =>
        S.Loss == Loss.CrossEntropy
            ? Losses.SoftmaxCrossEntropy(y, target, delta, scale)
            : Losses.MeanSquaredError(y, target, delta, scale, y.Length);

    /// <summary>δ of layer l − 1 from δ of layer l: Wᵀδ, times the derivative of layer l − 1's activation.</summary>
    private void PropagateDelta(int l, ReadOnlySpan<float> weights, ReadOnlySpan<float> delta, Span<float> previous, ReadOnlySpan<float> a)
    {
        int nIn = S.In[l];
        previous.Clear();
        for (int o = 0; o < delta.Length; o++)
        {
            TensorPrimitives.MultiplyAdd(weights.Slice(o * nIn, nIn), delta[o], previous, previous);
        }

        switch (S.Acts[l - 1])
        {
            case Act.Tanh:
                // δ·(1 − a²)
                Span<float> t = _scratch.AsSpan(0, nIn);
                TensorPrimitives.Multiply(a, a, t);
                TensorPrimitives.Subtract(1f, t, t);
                TensorPrimitives.Multiply(previous, t, previous);
                break;
            case Act.ReLU:
                // No element-wise select in TensorPrimitives: mask with a plain loop.
                for (int i = 0; i < nIn; i++)
                {
                    if (a[i] <= 0f) previous[i] = 0f;
                }

                break;
        }
    }
}
