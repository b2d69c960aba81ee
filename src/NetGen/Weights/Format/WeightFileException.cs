using System;

// The runtime's public exception; the generator compiles this file too, as an internal type of the reader's own
// namespace, so that nothing that sees both assemblies finds two NetGen.WeightFileException types.
#if NETGEN_GENERATOR
namespace NetGen.Safetensors;
#else
namespace NetGen;
#endif

/// <summary>
/// A weight file that cannot be loaded into a network: damaged, not a safetensors file, or made for another
/// architecture. The message names the file, the tensor, what was expected and what was found; the network's
/// parameters are unchanged.
/// </summary>
#if NETGEN_GENERATOR
internal
#else
public
#endif
sealed class WeightFileException : Exception
{
    /// <summary>Creates the exception for a problem of the whole file.</summary>
    public WeightFileException(string message)
        : this(message, tensorName: null)
    {
    }

    /// <summary>Creates the exception for a problem of one tensor (or of the whole file when <paramref name="tensorName"/> is null).</summary>
    public WeightFileException(string message, string? tensorName)
        : base(message)
    {
        TensorName = tensorName;
    }

    /// <summary>Creates the exception for a problem found while reading, with the error that revealed it.</summary>
    public WeightFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The tensor the problem is about (e.g. <c>layers.1.weight</c>), or null when it concerns the whole file.</summary>
    public string? TensorName { get; }

    /// <summary>What kind of problem this is, so that NetGen's generator can report it under its own diagnostic.</summary>
    internal WeightFileProblem Problem { get; init; } = WeightFileProblem.Damaged;
}

/// <summary>The kinds of problem a weight file can have; each is a diagnostic of its own when the file is embedded.</summary>
internal enum WeightFileProblem
{
    /// <summary>Not a well-formed safetensors file, or its data cannot be read.</summary>
    Damaged,

    /// <summary>A tensor the network needs is not in the file.</summary>
    MissingTensor,

    /// <summary>The file holds a tensor the network does not have.</summary>
    UnexpectedTensor,

    /// <summary>A tensor has another shape than its layer needs.</summary>
    WrongShape,

    /// <summary>The file's metadata names another architecture.</summary>
    ArchitectureMismatch,

    /// <summary>A self-check vector stored in the file gives other outputs with the loaded parameters.</summary>
    CheckVectorFailed,
}
