using System;

namespace NetGen.Generator.Model;

/// <summary>
/// One layer: <see cref="Pieces"/> × <see cref="Units"/> affine maps of <see cref="Inputs"/> values (a Dense
/// layer has one piece), followed by its activation or, for Maxout, the maximum over the pieces.
/// </summary>
internal sealed record LayerSpec(
    int Index,
    LayerKind Kind,
    int Inputs,
    int Units,
    int Pieces,
    ActivationKind Activation,
    float Alpha,
    long ParameterOffset)
{
    /// <summary>Rows of the weight matrix: one per unit and piece (PyTorch's <c>out_features</c>).</summary>
    public int AffineOutputs => Units * Pieces;

    public long WeightCount => (long)AffineOutputs * Inputs;

    public long BiasOffset => ParameterOffset + WeightCount;

    public long ParameterCount => WeightCount + AffineOutputs;

    /// <summary>The 1-based layer number used in names and comments.</summary>
    public int Number => Index + 1;

    public bool IsMaxout => Kind == LayerKind.Maxout;

    /// <summary>Whether He initialisation suits the activation (the ReLU family, unbounded above).</summary>
    public bool UsesHeInitialization => Activation is ActivationKind.ReLU or ActivationKind.LeakyReLU
        or ActivationKind.ELU or ActivationKind.ReLU6 or ActivationKind.Swish or ActivationKind.Mish;

    public string Describe() => Kind == LayerKind.Maxout
        ? $"Maxout {Inputs} → {Units} × {Pieces} pieces"
        : $"Dense {Inputs} → {Units}, {Activation}";
}
