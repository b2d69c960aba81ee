using NetGen.Generator.Model;
using NetGen.Generator.Weights;

namespace NetGen.Generator.Planning;

/// <summary>Why a weight file cannot be embedded; each kind is a diagnostic of its own.</summary>
internal enum EmbeddingProblemKind
{
    NotPrepared,
    Damaged,
    MissingTensor,
    UnexpectedTensor,
    WrongShape,
    ArchitectureMismatch,
    CheckVectorFailed,
    TooLarge,
}

internal sealed record EmbeddingProblem(EmbeddingProblemKind Kind, string Message);

/// <summary>
/// What to embed for one network with <c>Weights = "…"</c>: its parameters as little-endian float32 (compared by
/// hash and bytes, so an edit elsewhere never re-emits them), or the problem that stops the embedding.
/// </summary>
/// <param name="HintName">The generated file's name, beside the network's own.</param>
/// <param name="DataClassName">The file-local class that holds the data; file-local, so it cannot clash with the user's types.</param>
/// <param name="Version">NetGen's version, for <c>[GeneratedCode]</c>.</param>
internal sealed record EmbeddedWeightsPlan(
    TypeHierarchy Type,
    string HintName,
    string DataClassName,
    string Version,
    string WeightsFile,
    long ParameterCount,
    ContentBytes? Values,
    EmbeddingProblem? Problem);
