namespace NetGen.Generator.Parsing;

/// <summary>The sizes NetGen accepts, and why.</summary>
internal static class NetworkLimits
{
    /// <summary>Units × pieces of one layer: the generated code keeps a few rows of every layer on the stack.</summary>
    public const int MaxLayerWidth = 4096;

    /// <summary>Input features: the first layer's weight rows are this long.</summary>
    public const int MaxInputs = 1 << 20;

    public const int MaxPieces = 16;

    /// <summary>Every parameter lives in one float array.</summary>
    public const long MaxParameters = 100_000_000;

    /// <summary>Past this the weights leave the processor's caches (an informational diagnostic).</summary>
    public const long LargeParameters = 4_000_000;

    /// <summary>Characters of generated source per network past which the analyzer says so (an informational diagnostic).</summary>
    public const int LargeGeneratedSource = 1_000_000;
}
