using System;
using NetGen;

namespace NetGen.Tests.Training.TestNetworks;

/// <summary>y = softmax(Wx + b) with CrossEntropy: L = −Σ t·log y, dL/dz = y − t (targets summing to 1).</summary>
public sealed class SoftmaxRegression(int inputSize, int classCount) : TestNetwork(inputSize, classCount, Loss.CrossEntropy)
{
    protected override void Activate(Span<float> values)
    {
        float max = float.NegativeInfinity;
        foreach (float v in values)
        {
            max = MathF.Max(max, v);
        }

        float sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp(values[i] - max);
            sum += values[i];
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }
    }

    protected override float LossAndGradient(ReadOnlySpan<float> y, ReadOnlySpan<float> t, Span<float> dz)
    {
        float loss = 0;
        for (int o = 0; o < y.Length; o++)
        {
            loss -= t[o] * MathF.Max(MathF.Log(y[o]), -100f);
            dz[o] = y[o] - t[o];
        }

        return loss;
    }
}
