using System;
using System.IO;
using NetGen;

namespace NetGen.Tests.Data;

/// <summary>4-16-3 as in the README's tour and samples/Iris.</summary>
[Network(inputs: 4, Loss = Loss.CrossEntropy)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class IrisClassifier;

/// <summary>The README's ten lines, from a CSV file to an evaluated classifier, run as written.</summary>
public class IrisTourTests
{
    [Fact]
    public void CsvToTrainedAndEvaluatedClassifier()
    {
        string csv = Path.Combine(AppContext.BaseDirectory, "data", "iris.csv");

        var iris = Dataset.LoadCsv(csv);
        var (train, test) = iris.Split(testFraction: 0.2, seed: 1, stratify: true);
        var scaler = Standardizer.Fit(train);
        var network = new IrisClassifier(seed: 1);
        new Trainer(network, new Adam(network, 0.01)) { MaxEpochs = 200 }.Train(scaler.Transform(train));
        var matrix = Metrics.ConfusionMatrix(network, scaler.Transform(test));

        Assert.Equal(30, matrix.Total);
        Assert.True(matrix.Accuracy >= 0.9, matrix.ToString());
        Assert.Equal(matrix.Accuracy, Metrics.Evaluate(network, scaler.Transform(test)).Accuracy!.Value, 1e-12);
        Assert.StartsWith("actual \\ predicted  setosa  versicolor  virginica", matrix.ToString());
        Assert.All(new[] { 0, 1, 2 }, c => Assert.Equal(10, matrix.Support(c)));
    }
}
