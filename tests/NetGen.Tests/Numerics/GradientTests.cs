using System;
using System.Linq;

namespace NetGen.Tests.Numerics;

/// <summary>
/// Generated float gradients against central finite differences of the double-precision reference loss.
/// </summary>
public class GradientTests
{
    [Theory]
    [MemberData(nameof(TestShapeCatalog.Names), MemberType = typeof(TestShapeCatalog))]
    public void BackwardBatchMatchesFiniteDifferences(string shape)
    {
        var (network, reference) = TestShapeCatalog.Create(shape, seed: 5);
        var random = new Random(11);
        MoveOffKinks(network, random);
        const int rows = 6;
        var inputs = ForwardTests.RandomVector(random, rows * network.InputSize, 1.5);
        var targets = Targets(random, reference, rows, network.OutputSize);
        var parameters = network.Parameters.ToArray().Select(p => (double)p).ToArray();
        var inputRows = Split(inputs, network.InputSize);
        var targetRows = Split(targets, network.OutputSize);

        network.ZeroGradients();
        var loss = network.BackwardBatch(inputs, targets);

        var expectedLoss = reference.MeanLoss(parameters, inputRows, targetRows);
        Assert.True(Math.Abs(loss - expectedLoss) <= 1e-5 + (1e-4 * Math.Abs(expectedLoss)), $"{shape}: loss {loss}, reference {expectedLoss}");
        var expected = reference.FiniteDifferenceGradient(parameters, inputRows, targetRows);
        var actual = network.Gradients;
        for (var p = 0; p < expected.Length; p++)
        {
            var tolerance = Math.Max(1e-5, 1e-3 * Math.Abs(expected[p]));
            Assert.True(Math.Abs(expected[p] - actual[p]) <= tolerance, $"{shape}: gradient {p} is {actual[p]}, finite differences give {expected[p]}");
        }
    }

    [Fact]
    public void BackwardBatchIsTheMeanOfPerSampleGradients()
    {
        var (network, _) = TestShapeCatalog.Create("DeepSixLayers");
        var random = new Random(2);
        const int rows = 7;
        var inputs = ForwardTests.RandomVector(random, rows * network.InputSize, 1.0);
        var targets = ForwardTests.RandomVector(random, rows * network.OutputSize, 1.0);

        network.ZeroGradients();
        var sumOfLosses = 0f;
        for (var row = 0; row < rows; row++)
        {
            sumOfLosses += network.Backward(inputs.AsSpan(row * network.InputSize, network.InputSize), targets.AsSpan(row * network.OutputSize, network.OutputSize));
        }

        var summed = network.Gradients.ToArray();
        network.ZeroGradients();
        var meanLoss = network.BackwardBatch(inputs, targets);

        Assert.Equal(sumOfLosses / rows, meanLoss, 1e-5f);
        for (var p = 0; p < summed.Length; p++)
        {
            Assert.Equal(summed[p] / rows, network.Gradients[p], 1e-5f + (1e-4f * Math.Abs(summed[p] / rows)));
        }
    }

    [Fact]
    public void GradientsAccumulateUntilZeroed()
    {
        var (network, _) = TestShapeCatalog.Create("SoftmaxCrossEntropy");
        var random = new Random(4);
        var inputs = ForwardTests.RandomVector(random, 5 * network.InputSize, 1.0);
        var targets = Enumerable.Range(0, 5 * network.OutputSize).Select(i => i % network.OutputSize == i / network.OutputSize ? 1f : 0f).ToArray();

        network.ZeroGradients();
        network.BackwardBatch(inputs, targets);
        var once = network.Gradients.ToArray();
        network.BackwardBatch(inputs, targets);

        Assert.Contains(once, g => g != 0f);
        for (var p = 0; p < once.Length; p++)
        {
            Assert.Equal(2 * once[p], network.Gradients[p], 1e-6f + (1e-5f * Math.Abs(once[p])));
        }

        network.ZeroGradients();
        Assert.All(network.Gradients.ToArray(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void StepHasAZeroDerivative()
    {
        var (network, _) = TestShapeCatalog.Create("StepWide");
        var random = new Random(9);
        network.ZeroGradients();
        network.BackwardBatch(ForwardTests.RandomVector(random, 4 * network.InputSize, 1.0), ForwardTests.RandomVector(random, 4 * network.OutputSize, 1.0));
        Assert.All(network.Gradients.ToArray(), g => Assert.Equal(0f, g));
    }

    /// <summary>
    /// Nudges every parameter, biases included, so that no unit sits exactly on a kink (a dead ReLU layer with zero
    /// biases would put the next layer's pre-activations exactly at 0, where finite differences see half a slope).
    /// </summary>
    private static void MoveOffKinks(INetwork network, Random random)
    {
        var parameters = network.Parameters;
        for (var p = 0; p < parameters.Length; p++)
        {
            parameters[p] += (float)(0.02 + (random.NextDouble() * 0.1));
        }
    }

    private static float[] Targets(Random random, ReferenceNetwork reference, int rows, int outputs)
    {
        var loss = reference.Layers[^1].Activation;
        var targets = new float[rows * outputs];
        for (var row = 0; row < rows; row++)
        {
            if (loss == Activation.Softmax)
            {
                targets[(row * outputs) + random.Next(outputs)] = 1f;
                continue;
            }

            for (var i = 0; i < outputs; i++)
            {
                targets[(row * outputs) + i] = loss == Activation.Sigmoid ? random.Next(2) : (float)(random.NextDouble() * 2 - 1);
            }
        }

        return targets;
    }

    private static double[][] Split(float[] values, int width) =>
        Enumerable.Range(0, values.Length / width).Select(r => values.Skip(r * width).Take(width).Select(v => (double)v).ToArray()).ToArray();
}
