using System;
using System.Linq;
using NetGen;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

/// <summary>
/// One loss implementation: the loss a generated BackwardBatch returns while training and the loss Metrics computes
/// from ForwardBatch's outputs (the validation loss) agree to float rounding on the same rows, saturated outputs included.
/// </summary>
public class LossAgreementTests
{
    public static TheoryData<string, float> Cases => new()
    {
        { nameof(SoftmaxCrossEntropy), 1f },
        { nameof(SoftmaxCrossEntropy), 40f },          // saturated: wrong classes get probability 0, the log clamps at −100
        { nameof(SigmoidBinaryCrossEntropy), 1f },
        { nameof(SigmoidBinaryCrossEntropy), 40f },    // saturated: σ(z) rounds to 0 or 1
        { nameof(SoftmaxMeanSquaredError), 1f },
        { nameof(VectorTails), 1f },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainingAndValidationLossesAgreeOnTheSameRows(string shape, float parameterScale)
    {
        INetwork network = shape switch
        {
            nameof(SoftmaxCrossEntropy) => new SoftmaxCrossEntropy(seed: 3),
            nameof(SigmoidBinaryCrossEntropy) => new SigmoidBinaryCrossEntropy(seed: 3),
            nameof(SoftmaxMeanSquaredError) => new SoftmaxMeanSquaredError(seed: 3),
            _ => new VectorTails(seed: 3),
        };
        foreach (ref float p in network.Parameters)
        {
            p *= parameterScale;
        }

        var data = RandomRows(network, rows: 301, seed: 5);
        // A learning rate of 0 leaves the parameters alone, so both losses see the same network on the same rows.
        var history = new Trainer(network, new Sgd(0)) { MaxEpochs = 1, BatchSize = 7 }.Train(data, data);

        double train = history.Epochs[0].TrainLoss, validation = history.Epochs[0].ValidationLoss!.Value;
        Assert.True(Math.Abs(train - validation) <= 1e-5 * Math.Max(1, Math.Abs(validation)), $"{shape} ×{parameterScale}: train loss {train}, validation loss {validation}");
        if (parameterScale > 1 && network.Loss != Loss.MeanSquaredError)
        {
            Assert.True(validation > 10, $"{shape} ×{parameterScale} should saturate; loss {validation}");
        }
    }

    [Fact]
    public void LossFunctionsComputeWhatEvaluationComputes()
    {
        var network = new SoftmaxCrossEntropy(seed: 2);
        var data = RandomRows(network, rows: 10, seed: 1);
        var outputs = new float[10 * SoftmaxCrossEntropy.OutputSize];
        network.ForwardBatch(data.Features, outputs);
        double sum = Enumerable.Range(0, 10).Sum(r => LossFunctions.Compute(Loss.CrossEntropy, outputs.AsSpan(r * 7, 7), data.TargetsOf(r)));
        Assert.Equal(sum / 10, Metrics.Evaluate(network, data).Loss, 1e-6);
    }

    /// <summary>Inputs in [−1, 1]; one-hot targets for a Softmax output, 0/1 for BinaryCrossEntropy, values in [−1, 1] otherwise.</summary>
    private static Dataset RandomRows(INetwork network, int rows, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[rows * network.InputSize];
        var targets = new float[rows * network.OutputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)(random.NextDouble() * 2 - 1);
        }

        for (int r = 0; r < rows; r++)
        {
            var row = targets.AsSpan(r * network.OutputSize, network.OutputSize);
            if (network.Loss == Loss.CrossEntropy || network is SoftmaxMeanSquaredError)
            {
                row[random.Next(row.Length)] = 1;
            }
            else
            {
                for (int o = 0; o < row.Length; o++)
                {
                    row[o] = network.Loss == Loss.BinaryCrossEntropy ? random.Next(2) : (float)(random.NextDouble() * 2 - 1);
                }
            }
        }

        return new Dataset(inputs, targets, network.InputSize, network.OutputSize);
    }
}
