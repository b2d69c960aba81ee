using System;
using NetGen.Safetensors;

namespace NetGen.Weights;

internal static class WeightFileLayout
{
    /// <summary>The tensors of <paramref name="network"/>'s file, checked against its parameter count.</summary>
    public static ParameterLayout Of(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var architecture = network.Architecture;
        if (architecture.ParameterCount != network.ParameterCount || network.Parameters.Length != network.ParameterCount
            || architecture.Inputs != network.InputSize || architecture.Outputs != network.OutputSize)
        {
            throw new InvalidOperationException(
                $"{network.GetType().Name} describes itself as {architecture} ({architecture.ParameterCount} parameters, {architecture.Inputs} inputs, {architecture.Outputs} outputs), " +
                $"but has {network.Parameters.Length} parameters, {network.InputSize} inputs and {network.OutputSize} outputs.");
        }

        return architecture.Layout;
    }
}
