using System;
using System.Numerics.Tensors;

namespace NetGen.Benchmarks;

/// <summary>The activations the benchmark networks use.</summary>
public enum Act { Identity, Tanh, ReLU, Softmax }

/// <summary>A network's shape for the hand-written baselines, with offsets into the exchange layout
/// (PyTorch nn.Linear: per layer weight [out, in] row-major, then bias [out]).</summary>
public sealed class Shape
{
    public Shape(int inputs, Loss loss, params (int Units, Act Act)[] layers)
    {
        Loss = loss;
        Count = layers.Length;
        In = new int[Count];
        Out = new int[Count];
        Acts = new Act[Count];
        WeightOffset = new int[Count];
        BiasOffset = new int[Count];
        int offset = 0, width = inputs;
        for (int l = 0; l < Count; l++)
        {
            In[l] = width;
            Out[l] = layers[l].Units;
            Acts[l] = layers[l].Act;
            WeightOffset[l] = offset;
            offset += In[l] * Out[l];
            BiasOffset[l] = offset;
            offset += Out[l];
            width = Out[l];
        }

        ParameterCount = offset;
    }

    public int Count { get; }
    public int[] In { get; }
    public int[] Out { get; }
    public Act[] Acts { get; }
    public int[] WeightOffset { get; }
    public int[] BiasOffset { get; }
    public int ParameterCount { get; }
    public Loss Loss { get; }
    public int InputSize => In[0];
    public int OutputSize => Out[Count - 1];
}

/// <summary>
/// Shared state of a baseline: its own copy of the parameters and gradients (exchange layout) and
/// preallocated activation buffers for every layer (row-major per batch row, up to <see cref="MaxBatch"/> rows).
/// </summary>
public abstract class BaselineMlp
{
    public const int MaxBatch = 64;

    protected BaselineMlp(Shape shape, ReadOnlySpan<float> parameters)
    {
        S = shape;
        P = parameters.ToArray();
        G = new float[shape.ParameterCount];
        A = new float[shape.Count][];
        D = new float[shape.Count][];
        for (int l = 0; l < shape.Count; l++)
        {
            A[l] = new float[shape.Out[l]];
            D[l] = new float[shape.Out[l]];
        }

        int widest = 0;
        for (int l = 0; l < shape.Count; l++) widest = Math.Max(widest, Math.Max(shape.In[l], shape.Out[l]));
        Scratch = new float[widest];
    }

    protected Shape S { get; }
    public float[] P { get; }
    public float[] G { get; }
    /// <summary>A[l]: output of layer l (after activation) for the current row.</summary>
    protected float[][] A { get; }
    /// <summary>D[l]: dLoss/d(pre-activation of layer l) for the current row.</summary>
    protected float[][] D { get; }
    protected float[] Scratch { get; }

    public abstract void Forward(ReadOnlySpan<float> input, Span<float> output);

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        int n = S.InputSize, m = S.OutputSize, rows = inputs.Length / n;
        for (int r = 0; r < rows; r++)
        {
            Forward(inputs.Slice(r * n, n), outputs.Slice(r * m, m));
        }
    }

    /// <summary>Adds the gradient of the mean loss over the rows to <see cref="G"/>; returns the mean loss.</summary>
    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        int n = S.InputSize, m = S.OutputSize, rows = inputs.Length / n;
        float total = 0f;
        for (int r = 0; r < rows; r++)
        {
            total += BackwardRow(inputs.Slice(r * n, n), targets.Slice(r * m, m), 1f / rows);
        }

        return total / rows;
    }

    protected abstract float BackwardRow(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float scale);

    public abstract void ZeroGradients();

    public abstract void SgdStep(float learningRate);
}

/// <summary>The plain scalar C# loop: straightforward nested loops over the exchange-layout weights.</summary>
public sealed class ScalarMlp : BaselineMlp
{
    public ScalarMlp(Shape shape, ReadOnlySpan<float> parameters) : base(shape, parameters) { }

    public override void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        Run(input);
        A[S.Count - 1].AsSpan().CopyTo(output);
    }

    private void Run(ReadOnlySpan<float> input)
    {
        var p = P;
        for (int l = 0; l < S.Count; l++)
        {
            ReadOnlySpan<float> x = l == 0 ? input : A[l - 1];
            float[] z = A[l];
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

    protected override float BackwardRow(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float scale)
    {
        Run(input);
        int last = S.Count - 1, m = S.OutputSize;
        float[] y = A[last], d = D[last];
        float loss = 0f;
        if (S.Loss == Loss.CrossEntropy)
        {
            // Softmax + cross-entropy, fused: dL/dz = y − t.
            for (int o = 0; o < m; o++)
            {
                loss -= target[o] * MathF.Log(MathF.Max(y[o], 1e-30f));
                d[o] = scale * (y[o] - target[o]);
            }
        }
        else
        {
            // MSE (1/O)·Σ(y − t)², identity output: dL/dz = 2(y − t)/O.
            for (int o = 0; o < m; o++)
            {
                float e = y[o] - target[o];
                loss += e * e;
                d[o] = scale * 2f * e / m;
            }

            loss /= m;
        }

        var p = P;
        var g = G;
        for (int l = last; l >= 0; l--)
        {
            ReadOnlySpan<float> x = l == 0 ? input : A[l - 1];
            float[] dl = D[l];
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

            float[] prev = D[l - 1], a = A[l - 1];
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

    public override void ZeroGradients() => Array.Clear(G);

    public override void SgdStep(float learningRate)
    {
        var p = P;
        var g = G;
        for (int i = 0; i < p.Length; i++)
        {
            p[i] -= learningRate * g[i];
        }
    }
}

/// <summary>
/// System.Numerics.Tensors.TensorPrimitives: per output row Dot + bias, then the activation over the layer
/// (Tanh / Max / SoftMax); backward with MultiplyAdd outer products and Wᵀδ accumulation.
/// </summary>
public sealed class TensorPrimitivesMlp : BaselineMlp
{
    public TensorPrimitivesMlp(Shape shape, ReadOnlySpan<float> parameters) : base(shape, parameters) { }

    public override void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        Run(input);
        A[S.Count - 1].AsSpan().CopyTo(output);
    }

    private void Run(ReadOnlySpan<float> input)
    {
        ReadOnlySpan<float> p = P;
        for (int l = 0; l < S.Count; l++)
        {
            ReadOnlySpan<float> x = l == 0 ? input : A[l - 1];
            Span<float> z = A[l];
            int nIn = S.In[l], nOut = S.Out[l], w = S.WeightOffset[l];
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

    protected override float BackwardRow(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float scale)
    {
        Run(input);
        int last = S.Count - 1, m = S.OutputSize;
        Span<float> y = A[last], d = D[last], tmp = Scratch.AsSpan(0, m);
        float loss;
        TensorPrimitives.Subtract(y, target, d);
        if (S.Loss == Loss.CrossEntropy)
        {
            TensorPrimitives.Max(y, 1e-30f, tmp);
            TensorPrimitives.Log(tmp, tmp);
            loss = -TensorPrimitives.Dot(target, tmp);
            TensorPrimitives.Multiply(d, scale, d);
        }
        else
        {
            loss = TensorPrimitives.SumOfSquares(d) / m;
            TensorPrimitives.Multiply(d, scale * 2f / m, d);
        }

        ReadOnlySpan<float> p = P;
        Span<float> g = G;
        for (int l = last; l >= 0; l--)
        {
            ReadOnlySpan<float> x = l == 0 ? input : A[l - 1];
            Span<float> dl = D[l];
            int nIn = S.In[l], nOut = S.Out[l], w = S.WeightOffset[l];
            for (int o = 0; o < nOut; o++)
            {
                var gRow = g.Slice(w + o * nIn, nIn);
                TensorPrimitives.MultiplyAdd(x, dl[o], gRow, gRow);
            }

            var gb = g.Slice(S.BiasOffset[l], nOut);
            TensorPrimitives.Add(gb, dl, gb);
            if (l == 0)
            {
                break;
            }

            Span<float> prev = D[l - 1], a = A[l - 1];
            prev.Clear();
            for (int o = 0; o < nOut; o++)
            {
                TensorPrimitives.MultiplyAdd(p.Slice(w + o * nIn, nIn), dl[o], prev, prev);
            }

            switch (S.Acts[l - 1])
            {
                case Act.Tanh:
                    // δ·(1 − a²) = δ − δ·a·a
                    var t = Scratch.AsSpan(0, nIn);
                    TensorPrimitives.Multiply(a, a, t);
                    TensorPrimitives.Subtract(1f, t, t);
                    TensorPrimitives.Multiply(prev, t, prev);
                    break;
                case Act.ReLU:
                    // No elementwise select in TensorPrimitives: mask with a plain loop.
                    for (int i = 0; i < nIn; i++)
                    {
                        if (a[i] <= 0f) prev[i] = 0f;
                    }

                    break;
            }
        }

        return loss;
    }

    public override void ZeroGradients() => G.AsSpan().Clear();

    public override void SgdStep(float learningRate) => TensorPrimitives.MultiplyAdd(G, -learningRate, P, P);
}
