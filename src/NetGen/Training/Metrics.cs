using System;
using System.Linq;

namespace NetGen;

/// <summary>Measures networks on datasets.</summary>
public static class Metrics
{
    /// <summary>Computes the mean loss and, for a classifier, the accuracy of <paramref name="network"/> on <paramref name="data"/> (see <see cref="Evaluation"/>).</summary>
    /// <exception cref="ArgumentException">The dataset's feature or target count differs from the network's input or output size.</exception>
    public static Evaluation Evaluate(INetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        NetworkGuard.CheckDataset(network, data, "data", "The dataset");
        return new Evaluator(network).Evaluate(data);
    }

    /// <summary>
    /// Counts, for every row of <paramref name="data"/>, its actual class (<see cref="Dataset.ClassOf"/>) against the class
    /// <paramref name="network"/> predicts (<see cref="Predictions.Predict"/>), with the dataset's class names when it has them.
    /// </summary>
    /// <exception cref="ArgumentException">The dataset does not fit the network.</exception>
    /// <exception cref="InvalidOperationException">The network has several outputs trained with BinaryCrossEntropy, which name no single class.</exception>
    public static ConfusionMatrix ConfusionMatrix(INetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        NetworkGuard.CheckDataset(network, data, "data", "The dataset");
        var predicted = network.PredictBatch(data.Features);
        int classes = data.ClassCount;
        var counts = new int[classes, classes];
        for (int row = 0; row < data.Count; row++)
        {
            counts[data.ClassOf(row), predicted[row]]++;
        }

        return new ConfusionMatrix(counts, Enumerable.Range(0, classes).Select(data.ClassName).ToArray());
    }
}
