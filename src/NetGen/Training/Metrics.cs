using System;

namespace NetGen;

/// <summary>Measures networks on datasets.</summary>
public static class Metrics
{
    /// <summary>Computes the mean loss and, where it applies, the accuracy of <paramref name="network"/> on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The dataset's feature or target count differs from the network's input or output size.</exception>
    public static Evaluation Evaluate(INetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        NetworkGuard.CheckDataset(network, data, nameof(data));
        return new Evaluator(network).Evaluate(data);
    }
}
