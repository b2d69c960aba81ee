using System;
using NetGen;
using NetGen.Tests.Training.TestNetworks;

namespace NetGen.Tests.Training;

public class EvaluationTests
{
    [Fact]
    public void CrossEntropy_AccuracyComparesArgmaxes()
    {
        // Outputs (the identity network passes features through) against one-hot targets: rows 0, 2, 3 right, row 1 wrong.
        float[] outputs = [0.7f, 0.2f, 0.1f, 0.1f, 0.5f, 0.4f, 0.2f, 0.2f, 0.6f, 0.3f, 0.4f, 0.3f];
        var data = new Dataset(outputs, Dataset.OneHot([0, 2, 2, 1], 3), 3, 3);

        var result = Metrics.Evaluate(new IdentityNetwork(3, Loss.CrossEntropy), data);

        Assert.Equal(0.75, result.Accuracy);
        double expected = -(Math.Log(0.7) + Math.Log(0.4) + Math.Log(0.6) + Math.Log(0.4)) / 4;
        Assert.Equal(expected, result.Loss, 1e-6);
    }

    [Fact]
    public void BinaryCrossEntropy_AccuracyThresholdsEveryOutput()
    {
        // Row 0: both right; row 1: 0.4 vs 1 wrong, 0.6 vs 1 right; row 2: 0 vs 0 right, 1 vs 0 wrong → 4 of 6.
        float[] outputs = [0.9f, 0.2f, 0.4f, 0.6f, 0f, 1f];
        float[] targets = [1f, 0f, 1f, 1f, 0f, 0f];
        var result = Metrics.Evaluate(new IdentityNetwork(2, Loss.BinaryCrossEntropy), new Dataset(outputs, targets, 2, 2));

        Assert.Equal(4.0 / 6, result.Accuracy!.Value, 1e-12);
        // Row 2's second output is log(1 − 1) = −∞, clamped at −100 as BCELoss does: its row loss is 100 / 2.
        double row0 = -(Math.Log(0.9f) + Math.Log(0.8f)) / 2, row1 = -(Math.Log(0.4f) + Math.Log(0.6f)) / 2, row2 = 50;
        Assert.Equal((row0 + row1 + row2) / 3, result.Loss, 1e-5);
    }

    [Fact]
    public void MeanSquaredError_HasNoAccuracy()
    {
        var result = Metrics.Evaluate(new IdentityNetwork(2, Loss.MeanSquaredError), new Dataset([1f, 2f, 0f, 0f], [0f, 0f, 1f, 1f], 2, 2));
        Assert.Null(result.Accuracy);
        Assert.Equal((2.5 + 1) / 2, result.Loss, 1e-12);
    }

    [Fact]
    public void Evaluate_CoversMoreRowsThanOneChunk()
    {
        // 1000 rows (several ForwardBatch chunks): every other row right.
        var outputs = new float[2000];
        var labels = new int[1000];
        for (int r = 0; r < 1000; r++)
        {
            outputs[2 * r] = 0.9f;
            outputs[2 * r + 1] = 0.1f;
            labels[r] = r % 2;
        }

        var result = Metrics.Evaluate(new IdentityNetwork(2, Loss.CrossEntropy), new Dataset(outputs, Dataset.OneHot(labels, 2), 2, 2));
        Assert.Equal(0.5, result.Accuracy);
    }

    [Fact]
    public void LossFunctions_FollowPyTorch()
    {
        Assert.Equal(((0.5 * 0.5) + (1.5 * 1.5)) / 2, LossFunctions.Compute(Loss.MeanSquaredError, [1f, 2f], [0.5f, 0.5f]), 1e-6);
        Assert.Equal(-(Math.Log(0.25) + Math.Log(0.5)) / 2, LossFunctions.Compute(Loss.BinaryCrossEntropy, [0.25f, 0.5f], [1f, 0f]), 1e-6);
        Assert.Equal(-(0.5 * Math.Log(0.2) + 0.5 * Math.Log(0.8)), LossFunctions.Compute(Loss.CrossEntropy, [0.2f, 0.8f], [0.5f, 0.5f]), 1e-6);
        Assert.Equal(100f, LossFunctions.Compute(Loss.CrossEntropy, [0f, 1f], [1f, 0f]));   // log 0 clamped at −100
        var ex = Assert.Throws<ArgumentException>(() => LossFunctions.Compute(Loss.MeanSquaredError, [1f], [1f, 2f]));
        Assert.Contains("output has length 1 and target has length 2", ex.Message);
    }

    [Fact]
    public void Evaluate_RejectsADatasetThatDoesNotFit()
    {
        var ex = Assert.Throws<ArgumentException>(() => Metrics.Evaluate(new SoftmaxRegression(2, 3), new Dataset([1f, 2f], [1f, 0f], 2, 2)));
        Assert.Contains("2 targets per row but the network SoftmaxRegression has OutputSize 3", ex.Message);
    }
}
