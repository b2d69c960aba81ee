using System.Linq;

namespace NetGen.Generator.Model;

/// <summary>Everything the emitters need to know about one declared network: plain values only, compared by value.</summary>
internal sealed record NetworkSpec(
    TypeHierarchy Type,
    int Inputs,
    LossKind Loss,
    EquatableArray<LayerSpec> Layers,
    string? WeightsFile,
    TargetFeatures Features)
{
    public LayerSpec OutputLayer => Layers[Layers.Count - 1];

    public int Outputs => OutputLayer.Units;

    public long ParameterCount => OutputLayer.ParameterOffset + OutputLayer.ParameterCount;

    /// <summary>The widest layer's pre-activation row, which sizes scratch buffers.</summary>
    public int WidestAffineOutputs => Layers.Max(layer => layer.AffineOutputs);
}

/// <summary>What the user's target framework offers the generated code.</summary>
internal sealed record TargetFeatures(bool FusedMultiplyAdd)
{
    public static TargetFeatures Baseline { get; } = new(FusedMultiplyAdd: false);
}
