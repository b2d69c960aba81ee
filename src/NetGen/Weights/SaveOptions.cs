using System;

namespace NetGen;

/// <summary>How <see cref="WeightFiles.SaveParameters(INetwork, string, SaveOptions)"/> writes a weight file.</summary>
public sealed class SaveOptions
{
    private int _checkVectors = 2;

    /// <summary>
    /// How many self-check vectors to store (default 2): inputs drawn from a fixed seed and the outputs this network
    /// computes for them. <see cref="WeightFiles.LoadParameters(INetwork, string)"/> recomputes them and fails if the
    /// loaded network disagrees, which catches a transposed weight or a different activation. 0 stores none.
    /// </summary>
    public int CheckVectors
    {
        get => _checkVectors;
        set => _checkVectors = value is >= 0 and <= MaxCheckVectors
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"CheckVectors must be from 0 to {MaxCheckVectors}.");
    }

    /// <summary>The most self-check vectors a file may hold; they are stored as text in the header.</summary>
    public const int MaxCheckVectors = 64;
}
