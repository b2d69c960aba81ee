using System;
using System.Linq;

namespace NetGen.Tests.Numerics;

/// <summary>Forward passes against the double-precision reference, on whichever SIMD path this process runs.</summary>
public class ForwardTests
{
    [Theory]
    [MemberData(nameof(TestShapeCatalog.Names), MemberType = typeof(TestShapeCatalog))]
    public void ForwardMatchesTheReference(string shape)
    {
        var (network, reference) = TestShapeCatalog.Create(shape);
        var random = new Random(7);
        var output = new float[network.OutputSize];
        for (var sample = 0; sample < 20; sample++)
        {
            var input = RandomVector(random, network.InputSize, 3.0);
            network.Forward(input, output);
            AssertClose(reference.Forward(network.Parameters, input), output, $"{shape}, sample {sample}");
        }
    }

    [Theory]
    [MemberData(nameof(TestShapeCatalog.Names), MemberType = typeof(TestShapeCatalog))]
    public void HugeInputsSaturateWithoutNaN(string shape)
    {
        var (network, reference) = TestShapeCatalog.Create(shape);
        var output = new float[network.OutputSize];
        foreach (var magnitude in new[] { 1e2, 1e3, 1e4 })
        {
            foreach (var sign in new[] { 1.0, -1.0 })
            {
                var input = Enumerable.Range(0, network.InputSize).Select(i => (float)(sign * magnitude * (i % 2 == 0 ? 1 : -0.5))).ToArray();
                network.Forward(input, output);
                var expected = reference.Forward(network.Parameters, input);
                for (var i = 0; i < output.Length; i++)
                {
                    if (double.IsFinite(expected[i]))
                    {
                        Assert.True(float.IsFinite(output[i]), $"{shape}: output {i} is {output[i]} for |x| = {magnitude}, reference {expected[i]}");
                    }
                }

                if (shape.EndsWith("Single", StringComparison.Ordinal))
                {
                    // One product per unit: the float result must be as exact as the tolerance says.
                    AssertClose(expected, output, $"{shape}, |x| = {sign * magnitude}");
                }
            }
        }
    }

    [Theory]
    [InlineData("TanhWide")]
    [InlineData("SoftmaxCrossEntropy")]
    [InlineData("MaxoutHidden")]
    [InlineData("DeepSixLayers")]
    public void ForwardBatchEqualsForwardRowByRow(string shape)
    {
        var (network, _) = TestShapeCatalog.Create(shape);
        var random = new Random(3);
        foreach (var rows in new[] { 1, 3, 4, 5, 8, 9, 64 })
        {
            var inputs = RandomVector(random, rows * network.InputSize, 2.0);
            var outputs = new float[rows * network.OutputSize];
            network.ForwardBatch(inputs, outputs);
            var single = new float[network.OutputSize];
            for (var row = 0; row < rows; row++)
            {
                network.Forward(inputs.AsSpan(row * network.InputSize, network.InputSize), single);
                for (var i = 0; i < single.Length; i++)
                {
                    Assert.Equal(single[i], outputs[(row * network.OutputSize) + i], 1e-5f * (1 + Math.Abs(single[i])));
                }
            }
        }
    }

    [Fact]
    public void EveryNetworkKindIsCovered()
    {
        foreach (var activation in Enum.GetValues<Activation>().Where(a => a != Activation.Softmax))
        {
            Assert.Contains(activation + "Wide", TestShapeCatalog.Shapes.Keys);
            Assert.Contains(activation + "Narrow", TestShapeCatalog.Shapes.Keys);
        }
    }

    internal static float[] RandomVector(Random random, int length, double scale) =>
        Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();

    /// <summary>|Δ| ≤ 1e-5 + 1e-4·|reference|, element by element.</summary>
    internal static void AssertClose(double[] expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = 1e-5 + (1e-4 * Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}: output {i} is {actual[i]}, reference {expected[i]} (tolerance {tolerance:G3})");
        }
    }
}
