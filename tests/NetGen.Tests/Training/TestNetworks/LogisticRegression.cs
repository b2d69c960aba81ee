using System;
using NetGen;

namespace NetGen.Tests.Training.TestNetworks;

/// <summary>y = σ(Wx + b) with BinaryCrossEntropy: L = (1/O)·Σ −[t·log y + (1 − t)·log(1 − y)], dL/dz = (y − t)/O.</summary>
public sealed class LogisticRegression(int inputSize, int outputSize) : TestNetwork(inputSize, outputSize, Loss.BinaryCrossEntropy)
{
    protected override void Activate(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = 1f / (1f + MathF.Exp(-values[i]));
        }
    }

    protected override float LossAndGradient(ReadOnlySpan<float> y, ReadOnlySpan<float> t, Span<float> dz)
    {
        float loss = 0;
        for (int o = 0; o < y.Length; o++)
        {
            loss -= t[o] * MathF.Max(MathF.Log(y[o]), -100f) + (1 - t[o]) * MathF.Max(MathF.Log(1 - y[o]), -100f);
            dz[o] = (y[o] - t[o]) / y.Length;
        }

        return loss / y.Length;
    }
}
