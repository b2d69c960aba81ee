using System;
using System.Linq;
using System.Threading.Tasks;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Numerics;

/// <summary>The generated members' contract: initialisation, argument checks, allocation and thread safety.</summary>
public class NetworkContractTests
{
    [Fact]
    public void TheSameSeedGivesTheSameParameters()
    {
        Assert.Equal(new NpcBrain(42).Parameters.ToArray(), new NpcBrain(42).Parameters.ToArray());
        Assert.NotEqual(new NpcBrain(42).Parameters.ToArray(), new NpcBrain(43).Parameters.ToArray());
        Assert.Equal(new NpcBrain(0).Parameters.ToArray(), new NpcBrain().Parameters.ToArray());
    }

    [Fact]
    public void InitialSpreadFollowsHeForReluAndGlorotOtherwise()
    {
        var relu = new N4Network(1);
        AssertSpread(relu.Parameters.Slice(0, 512 * 256), Math.Sqrt(2.0 / 256), "He, 256 → 512 ReLU");
        Assert.All(relu.Parameters.Slice(512 * 256, 512).ToArray(), b => Assert.Equal(0f, b));
        AssertSpread(relu.Parameters.Slice((512 * 256) + 512 + (512 * 512) + 512, 256 * 512), Math.Sqrt(2.0 / (512 + 256)), "Glorot, 512 → 256 Identity");

        var tanh = new NpcBrain(1);
        AssertSpread(tanh.Parameters.Slice(80, 256), Math.Sqrt(2.0 / 32), "Glorot, 16 → 16 Tanh");
    }

    [Fact]
    public void WrongSpanLengthsNameTheExpectedLength()
    {
        var network = new NpcBrain();
        var error = Assert.Throws<ArgumentException>(() => network.Forward(new float[5], new float[2]));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("4 inputs", error.Message);

        error = Assert.Throws<ArgumentException>(() => network.Forward(new float[4], new float[3]));
        Assert.Contains("2 outputs", error.Message);

        error = Assert.Throws<ArgumentException>(() => network.ForwardBatch(new float[10], new float[4]));
        Assert.Contains("rows of 4 inputs", error.Message);

        error = Assert.Throws<ArgumentException>(() => network.ForwardBatch(new float[8], new float[6]));
        Assert.Contains("expects 4 outputs for 2 rows", error.Message);

        error = Assert.Throws<ArgumentException>(() => network.Backward(new float[4], new float[1]));
        Assert.Equal("target", error.ParamName);

        Assert.Throws<ArgumentException>(() => network.BackwardBatch([], []));
    }

    [Theory]
    [InlineData("TanhWide")]
    [InlineData("SoftmaxCrossEntropy")]
    [InlineData("MaxoutHidden")]
    [InlineData("SigmoidBinaryCrossEntropy")]
    public void NoMethodAllocatesPerCall(string shape)
    {
        var (network, _) = TestShapeCatalog.Create(shape);
        const int rows = 9;
        var input = new float[network.InputSize];
        var output = new float[network.OutputSize];
        var inputs = new float[rows * network.InputSize];
        var outputs = new float[rows * network.OutputSize];
        var targets = new float[rows * network.OutputSize];
        for (var row = 0; row < rows; row++)
        {
            targets[(row * network.OutputSize) + (row % network.OutputSize)] = 1f;
        }

        void CallEverything()
        {
            network.Forward(input, output);
            network.ForwardBatch(inputs, outputs);
            network.Backward(input, targets.AsSpan(0, network.OutputSize));
            network.BackwardBatch(inputs, targets);
            network.ZeroGradients();
        }

        for (var i = 0; i < 100; i++)
        {
            CallEverything();
        }

        long allocated = Allocations.LeastPerRound(() =>
        {
            for (var i = 0; i < 3_000; i++)
            {
                CallEverything();
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ThreadsSharingOneNetworkGetTheSingleThreadOutputs()
    {
        var network = new N2Network(3);
        var random = new Random(5);
        var inputs = Enumerable.Range(0, 64).Select(_ => ForwardTests.RandomVector(random, N2Network.InputSize, 1.0)).ToArray();
        var expected = inputs.Select(x =>
        {
            var y = new float[N2Network.OutputSize];
            network.Forward(x, y);
            return y;
        }).ToArray();

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            var y = new float[N2Network.OutputSize];
            for (var round = 0; round < 2_000; round++)
            {
                var i = round % inputs.Length;
                network.Forward(inputs[i], y);
                Assert.Equal(expected[i], y);
            }
        });
    }

    private static void AssertSpread(ReadOnlySpan<float> weights, double sigma, string what)
    {
        var values = weights.ToArray();
        var mean = values.Average(v => (double)v);
        var deviation = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        Assert.True(Math.Abs(mean) < 0.1 * sigma, $"{what}: mean {mean}");
        Assert.InRange(deviation, 0.7 * sigma, 1.3 * sigma);
    }
}
