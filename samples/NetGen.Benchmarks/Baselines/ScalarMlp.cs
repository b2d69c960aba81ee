using System;
using NetGen.Kernels;

namespace NetGen.Benchmarks;

/// <summary>
/// The plain scalar C# loop: nested loops over the exchange-layout weights, a gradient buffer cleared, accumulated
/// row by row and applied — the three passes a first implementation makes.
/// </summary>
public sealed class ScalarMlp : BaselineMlp
{
    private readonly float[] _gradients;
    private readonly float[][] _activations;
    private readonly float[][] _deltas;

    public ScalarMlp(Shape shape, ReadOnlySpan<float> parameters) : base(shape, parameters)
    {
        _gradients = new float[shape.ParameterCount];
        _activations = new float[shape.Count][];
        _deltas = new float[shape.Count][];
        for (int l = 0; l < shape.Count; l++)
        {
            _activations[l] = new float[shape.Out[l]];
            _deltas[l] = new float[shape.Out[l]];
        }
    }

    public override void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        Run(input);
        _activations[S.Count - 1].AsSpan().CopyTo(output);
    }

    public override float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, float learningRate)
    {
        Array.Clear(_gradients);
        int n = S.InputSize, m = S.OutputSize, rows = inputs.Length / n;
        float total = 0f;
        for (int r = 0; r < rows; r++)
        {
            total += BackwardRow(inputs.Slice(r * n, n), targets.Slice(r * m, m), 1f / rows);
        }

        var p = P;
        var g = _gradients;
        for (int i = 0; i < p.Length; i++)
        {
            p[i] -= learningRate * g[i];
        }

        return total / rows;
    }

    private void Run(ReadOnlySpan<float> input)
    {
        var p = P;
        for (int l = 0; l < S.Count; l++)
        {
            ReadOnlySpan<float> x = l == 0 ? input : _activations[l - 1];
            float[] z = _activations[l];
            int nIn = S.In[l], nOut = S.Out[l], w = S.WeightOffset[l], b = S.BiasOffset[l];
            for (int o = 0; o < nOut; o++)
            {
                float sum = p[b + o];
                int row = w + o * nIn;
                for (int i = 0; i < nIn; i++)
                {
                    sum += p[row + i] * x[i];
                }

                z[o] = sum;
            }

            switch (S.Acts[l])
            {
                case Act.Tanh:
                    for (int o = 0; o < nOut; o++) z[o] = MathF.Tanh(z[o]);
                    break;
                case Act.ReLU:
                    for (int o = 0; o < nOut; o++) z[o] = z[o] > 0f ? z[o] : 0f;
                    break;
                case Act.Softmax:
                    float max = float.NegativeInfinity;
                    for (int o = 0; o < nOut; o++) max = MathF.Max(max, z[o]);
                    float s = 0f;
                    for (int o = 0; o < nOut; o++) { z[o] = MathF.Exp(z[o] - max); s += z[o]; }
                    float inv = 1f / s;
                    for (int o = 0; o < nOut; o++) z[o] *= inv;
                    break;
            }
        }
    }

    /// <summary>Adds <paramref name="scale"/> × this row's gradient to the gradient buffer; returns the row's loss.</summary>
    private float BackwardRow(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float scale)
    {
        Run(input);
        int last = S.Count - 1, m = S.OutputSize;
        float[] y = _activations[last], d = _deltas[last];
        // The runtime's losses, as the generated networks use them. Softmax + cross-entropy is fused, dL/dz = y − t;
        // MSE (1/O)·Σ(y − t)² with an identity output, dL/dz = 2(y − t)/O.
        float loss = S.Loss == Loss.CrossEntropy
            ? Losses.SoftmaxCrossEntropy(y, target, d, scale)
            : Losses.MeanSquaredError(y, target, d, scale, m);

        var p = P;
        var g = _gradients;
        for (int l = last; l >= 0; l--)
        {
            ReadOnlySpan<float> x = l == 0 ? input : _activations[l - 1];
            float[] dl = _deltas[l];
            int nIn = S.In[l], nOut = S.Out[l], w = S.WeightOffset[l], b = S.BiasOffset[l];
            for (int o = 0; o < nOut; o++)
            {
                float delta = dl[o];
                int row = w + o * nIn;
                for (int i = 0; i < nIn; i++)
                {
                    g[row + i] += delta * x[i];
                }

                g[b + o] += delta;
            }

            if (l == 0)
            {
                break;
            }

            float[] prev = _deltas[l - 1], a = _activations[l - 1];
            for (int i = 0; i < nIn; i++)
            {
                float sum = 0f;
                for (int o = 0; o < nOut; o++)
                {
                    sum += p[w + o * nIn + i] * dl[o];
                }

                prev[i] = S.Acts[l - 1] switch
                {
                    Act.Tanh => sum * (1f - a[i] * a[i]),
                    Act.ReLU => a[i] > 0f ? sum : 0f,
                    _ => sum,
                };
            }
        }

        return loss;
    }
}
