using System;

namespace NetGen;

/// <summary>Checks that a dataset fits a network.</summary>
internal static class NetworkGuard
{
    public static void CheckDataset(INetwork network, Dataset data, string paramName)
    {
        if (data.FeatureCount != network.InputSize)
        {
            throw new ArgumentException(
                $"The {paramName} dataset has {data.FeatureCount} features per row but the network {network.GetType().Name} has " +
                $"InputSize {network.InputSize}; they must be equal.", paramName);
        }

        if (data.TargetCount != network.OutputSize)
        {
            throw new ArgumentException(
                $"The {paramName} dataset has {data.TargetCount} targets per row but the network {network.GetType().Name} has " +
                $"OutputSize {network.OutputSize}; they must be equal.", paramName);
        }
    }
}
