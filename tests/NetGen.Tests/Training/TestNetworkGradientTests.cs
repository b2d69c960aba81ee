using System;
using NetGen;
using NetGen.Tests.Training.TestNetworks;

namespace NetGen.Tests.Training;

/// <summary>The hand-written test networks keep the INetwork contract: BackwardBatch adds the gradient of the mean loss.</summary>
public class TestNetworkGradientTests
{
    public static TheoryData<string> Networks => new() { "linear", "softmax", "logistic" };

    [Theory]
    [MemberData(nameof(Networks))]
    public void BackwardBatch_MatchesFiniteDifferencesOfTheMeanLoss(string kind)
    {
        INetwork network = kind switch
        {
            "linear" => new LinearRegression(3, 2),
            "softmax" => new SoftmaxRegression(3, 2),
            _ => new LogisticRegression(3, 2),
        };
        network.InitializeParameters(1);
        float[] inputs = [0.5f, -1f, 0.25f, 1f, 0.3f, -0.7f, -0.2f, 0.9f, 0.4f];
        float[] targets = kind == "linear" ? [0.3f, -0.5f, 1f, 0.2f, -1f, 0.7f] : [1f, 0f, 0f, 1f, 1f, 0f];

        network.ZeroGradients();
        network.Gradients.Fill(1f);   // BackwardBatch adds to what is there
        float loss = network.BackwardBatch(inputs, targets);
        Assert.Equal(MeanLoss(network, inputs, targets), loss, 1e-5);

        for (int p = 0; p < network.ParameterCount; p++)
        {
            const float h = 1e-2f;
            float saved = network.Parameters[p];
            network.Parameters[p] = saved + h;
            double plus = MeanLoss(network, inputs, targets);
            network.Parameters[p] = saved - h;
            double minus = MeanLoss(network, inputs, targets);
            network.Parameters[p] = saved;
            Assert.Equal((plus - minus) / (2 * h), network.Gradients[p] - 1f, 2e-3);
        }
    }

    private static double MeanLoss(INetwork network, float[] inputs, float[] targets)
    {
        int rows = inputs.Length / network.InputSize;
        var outputs = new float[rows * network.OutputSize];
        network.ForwardBatch(inputs, outputs);
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            sum += LossFunctions.Compute(network.Loss, outputs.AsSpan(r * network.OutputSize, network.OutputSize),
                targets.AsSpan(r * network.OutputSize, network.OutputSize));
        }

        return sum / rows;
    }
}
