using NetGen.Generator.Model;

namespace NetGen.Generator.Weights;

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
internal sealed record EmbeddedWeightsPlan(
    TypeHierarchy Type,
    string WeightsFile,
    long ParameterCount,
    ContentBytes? Values,
    EmbeddingProblem? Problem)
{
    public string HintName => Type.FlatName + ".Weights.g.cs";

    /// <summary>The file-local class that holds the data; file-local, so it cannot clash with the user's types.</summary>
    public string DataClassName => Type.Type.Name + "EmbeddedParameters";
}
