using System;

namespace NetGen;

/// <summary>Checks that a dataset fits a network.</summary>
internal static class NetworkGuard
{
    /// <param name="network">The network the data is for.</param>
    /// <param name="data">The dataset.</param>
    /// <param name="paramName">The parameter that holds the dataset.</param>
    /// <param name="what">How messages name the dataset: "The dataset", "The training set", "The validation set".</param>
    public static void CheckDataset(INetwork network, Dataset data, string paramName, string what)
    {
        if (data.FeatureCount != network.InputSize)
        {
            throw new ArgumentException(
                $"{what} has {data.FeatureCount} features per row but the network {network.GetType().Name} has " +
                $"InputSize {network.InputSize}; they must be equal.", paramName);
        }

        if (data.TargetCount != network.OutputSize)
        {
            throw new ArgumentException(
                $"{what} has {data.TargetCount} targets per row but the network {network.GetType().Name} has " +
                $"OutputSize {network.OutputSize}; they must be equal.", paramName);
        }
    }
}
