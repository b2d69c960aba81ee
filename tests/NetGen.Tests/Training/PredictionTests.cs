using System;
using System.Linq;
using NetGen;
using NetGen.Tests.Networks;
using NetGen.Tests.Training.TestNetworks;

namespace NetGen.Tests.Training;

public class PredictionTests
{
    [Fact]
    public void Predict_IsTheArgmaxOfSeveralOutputs()
    {
        var network = new IdentityNetwork(3, Loss.CrossEntropy);
        Assert.Equal(1, network.Predict([0.2f, 0.5f, 0.3f]));
        Assert.Equal(0, network.Predict([0.4f, 0.4f, 0.2f]));   // ties: the first
        Assert.Equal(2, network.Predict([-3f, -2f, -1f]));
    }

    [Fact]
    public void Predict_ThresholdsASingleOutputAtOneHalf()
    {
        var network = new IdentityNetwork(1, Loss.BinaryCrossEntropy);
        Assert.Equal(1, network.Predict([0.5f]));
        Assert.Equal(0, network.Predict([0.49999997f]));
        Assert.Equal(1, network.Predict([0.93f]));
    }

    [Fact]
    public void Predict_OnAGeneratedNetwork_AgreesWithForward()
    {
        var network = new SoftmaxCrossEntropy(seed: 4);
        var random = new Random(2);
        var inputs = Enumerable.Range(0, 50 * 33).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var outputs = new float[50 * 7];
        network.ForwardBatch(inputs, outputs);

        var batch = network.PredictBatch(inputs);
        for (int r = 0; r < 50; r++)
        {
            var row = outputs.AsSpan(r * 7, 7);
            int argmax = 0;
            for (int o = 1; o < 7; o++)
            {
                argmax = row[o] > row[argmax] ? o : argmax;
            }

            Assert.Equal(argmax, batch[r]);
            Assert.Equal(argmax, network.Predict(inputs.AsSpan(r * 33, 33)));
        }
    }

    [Fact]
    public void PredictBatch_CoversMoreRowsThanOneChunkAndAllocatesNothingIntoASpan()
    {
        var network = new IdentityNetwork(2, Loss.CrossEntropy);
        var inputs = Enumerable.Range(0, 1000).SelectMany(r => r % 3 == 0 ? new[] { 1f, 0f } : new[] { 0f, 1f }).ToArray();
        var classes = new int[1000];
        network.PredictBatch(inputs, classes);   // warm-up
        Assert.Equal(0, Allocations.LeastPerRound(() => network.PredictBatch(inputs, classes)));
        Assert.Equal(Enumerable.Range(0, 1000).Select(r => r % 3 == 0 ? 0 : 1), classes);
    }

    [Fact]
    public void PredictBatch_RejectsPartRowsAndMultiLabelNetworks()
    {
        var network = new IdentityNetwork(2, Loss.CrossEntropy);
        var ex = Assert.Throws<ArgumentException>(() => network.PredictBatch(new float[5], new int[2]));
        Assert.StartsWith("inputs has 5 values and classes 2 elements; PredictBatch needs whole rows of 2 inputs and one class per row.", ex.Message);
        var multi = Assert.Throws<InvalidOperationException>(() => new LogisticRegression(2, 2).Predict([1f, 0f]));
        Assert.StartsWith("LogisticRegression has 2 outputs trained with BinaryCrossEntropy: each is its own yes/no answer", multi.Message);
    }

    [Fact]
    public void ConfusionMatrix_CountsAndMeasuresEveryClass()
    {
        // Outputs (passed through) against labels: actual a a a b b c, predicted a a b b c c.
        float[] outputs = [.9f, 0, 0, .8f, .1f, 0, .3f, .6f, 0, 0, 1, 0, 0, .2f, .7f, 0, 0, 1];
        var data = new Dataset(outputs, Dataset.OneHot([0, 0, 0, 1, 1, 2], 3), 3, 3, classNames: ["cat", "dog", "bird"]);

        var matrix = Metrics.ConfusionMatrix(new IdentityNetwork(3, Loss.CrossEntropy), data);

        Assert.Equal(["cat", "dog", "bird"], matrix.ClassNames);
        Assert.Equal(2, matrix[0, 0]);
        Assert.Equal(1, matrix[0, 1]);
        Assert.Equal(1, matrix[1, 1]);
        Assert.Equal(1, matrix[1, 2]);
        Assert.Equal(1, matrix[2, 2]);
        Assert.Equal(6, matrix.Total);
        Assert.Equal(4.0 / 6, matrix.Accuracy, 1e-12);
        Assert.Equal(1.0, matrix.Precision(0));           // 2 predicted cat, both cats
        Assert.Equal(2.0 / 3, matrix.Recall(0), 1e-12);   // 2 of 3 cats
        Assert.Equal(0.8, matrix.F1(0), 1e-12);           // 2·1·⅔ / (1 + ⅔)
        Assert.Equal(0.5, matrix.Precision(2));
        Assert.Equal(1.0, matrix.Recall(2));
        Assert.Equal(2.0 / 3, matrix.F1(2), 1e-12);
        Assert.Equal(Metrics.Evaluate(new IdentityNetwork(3, Loss.CrossEntropy), data).Accuracy!.Value, matrix.Accuracy, 1e-12);
    }

    [Fact]
    public void ConfusionMatrix_ToString_IsATableWithTheClassNames()
    {
        float[] outputs = [1, 0, 0, 1, 0, 1];
        var data = new Dataset(outputs, Dataset.OneHot([0, 1, 0], 2), 2, 2, classNames: ["setosa", "virginica"]);
        var lines = Metrics.ConfusionMatrix(new IdentityNetwork(2, Loss.CrossEntropy), data).ToString().Split(Environment.NewLine);

        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^actual \\ predicted\s+setosa\s+virginica\s+precision\s+recall\s+F1\s+support$", lines[0]);
        Assert.Matches(@"^setosa\s+1\s+1\s+100\.0 %\s+50\.0 %\s+0\.667\s+2$", lines[1]);
        Assert.Matches(@"^virginica\s+0\s+1\s+50\.0 %\s+100\.0 %\s+0\.667\s+1$", lines[2]);
        Assert.Equal("accuracy 66.7 % of 3 rows", lines[3]);
        Assert.Equal(lines[0].IndexOf("precision", StringComparison.Ordinal) + 9, lines[1].IndexOf("100.0 %", StringComparison.Ordinal) + 7);   // columns align
    }

    [Fact]
    public void ConfusionMatrix_WithoutClassNames_NumbersTheClasses_AndASingleOutputHasTwo()
    {
        var data = new Dataset([0.2f, 0.7f, 0.9f], [0f, 0f, 1f], 1, 1);
        var matrix = Metrics.ConfusionMatrix(new IdentityNetwork(1, Loss.BinaryCrossEntropy), data);
        Assert.Equal(["0", "1"], matrix.ClassNames);
        Assert.Equal(1, matrix[0, 0]);
        Assert.Equal(1, matrix[0, 1]);
        Assert.Equal(1, matrix[1, 1]);
        var onlyZeros = Metrics.ConfusionMatrix(new IdentityNetwork(1, Loss.BinaryCrossEntropy), new Dataset([0.2f], [0f], 1, 1));
        Assert.True(double.IsNaN(onlyZeros.Recall(1)));      // no row of class 1
        Assert.True(double.IsNaN(onlyZeros.Precision(1)));   // nothing predicted as class 1
        Assert.Contains("n/a", onlyZeros.ToString());
    }

    [Fact]
    public void Accuracy_IsNeverNullForAClassifier_WhateverTheLoss()
    {
        // A Softmax-like output trained with mean squared error on one-hot targets is still a classifier.
        float[] outputs = [0.7f, 0.2f, 0.1f, 0.1f, 0.5f, 0.4f];
        var data = new Dataset(outputs, Dataset.OneHot([0, 2], 3), 3, 3);
        Assert.Equal(0.5, Metrics.Evaluate(new IdentityNetwork(3, Loss.MeanSquaredError), data).Accuracy);
        Assert.Equal(0.5, Metrics.Evaluate(new IdentityNetwork(3, Loss.CrossEntropy), data).Accuracy);
        // A single sigmoid-like output with 0/1 targets and mean squared error: thresholded at 0.5.
        Assert.Equal(2.0 / 3, Metrics.Evaluate(new IdentityNetwork(1, Loss.MeanSquaredError), new Dataset([0.8f, 0.3f, 0.6f], [1f, 0f, 0f], 1, 1)).Accuracy!.Value, 1e-12);
        // Regression targets: no accuracy.
        Assert.Null(Metrics.Evaluate(new IdentityNetwork(1, Loss.MeanSquaredError), new Dataset([0.8f, 0.3f], [0.75f, 0.2f], 1, 1)).Accuracy);
    }

    [Fact]
    public void Accuracy_OfAGeneratedSoftmaxNetworkTrainedWithMeanSquaredError_IsReportedEveryEpoch()
    {
        var network = new SoftmaxMeanSquaredError(seed: 1);
        var random = new Random(8);
        var labels = Enumerable.Range(0, 90).Select(i => i % 7).ToArray();
        var inputs = labels.SelectMany(l => new[] { l / 7f, (float)random.NextDouble(), 1 - (l / 7f) }).ToArray();
        var (train, validation) = new Dataset(inputs, Dataset.OneHot(labels, 7), 3, 7).Split(0.2, seed: 1);

        var history = new Trainer(network, new Adam(0.01)) { MaxEpochs = 3 }.Train(train, validation);

        Assert.All(history.Epochs, e => Assert.InRange(e.ValidationAccuracy!.Value, 0, 1));
    }
}
