using System;
using NetGen;

namespace NetGen.Tests.Training.TestNetworks;

/// <summary>y = Wx + b with MeanSquaredError: L = (1/O)·Σ(y − t)², dL/dz = 2(y − t)/O.</summary>
public sealed class LinearRegression(int inputSize, int outputSize) : TestNetwork(inputSize, outputSize, Loss.MeanSquaredError)
{
    protected override void Activate(Span<float> values)
    {
    }

    protected override float LossAndGradient(ReadOnlySpan<float> y, ReadOnlySpan<float> t, Span<float> dz)
    {
        float sum = 0;
        for (int o = 0; o < y.Length; o++)
        {
            float d = y[o] - t[o];
            sum += d * d;
            dz[o] = 2f * d / y.Length;
        }

        return sum / y.Length;
    }
}
