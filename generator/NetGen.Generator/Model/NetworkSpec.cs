using System.Linq;

namespace NetGen.Generator.Model;

/// <summary>One declared network as the parser read it: plain values only, compared by value.</summary>
internal sealed record NetworkSpec(
    TypeHierarchy Type,
    int Inputs,
    LossKind Loss,
    EquatableArray<LayerSpec> Layers,
    string? WeightsFile)
{
    public LayerSpec OutputLayer => Layers[Layers.Count - 1];

    public int Outputs => OutputLayer.Units;

    public long ParameterCount => OutputLayer.ParameterOffset + OutputLayer.ParameterCount;

    /// <summary>The widest layer's pre-activation row, which sizes scratch buffers.</summary>
    public int WidestAffineOutputs => Layers.Max(layer => layer.AffineOutputs);
}
