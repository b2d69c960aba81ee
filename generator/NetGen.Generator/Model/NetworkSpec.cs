using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

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

/// <summary>What the user's target framework and language version offer the generated code.</summary>
/// <param name="Vector512">Whether System.Runtime.Intrinsics.Vector512 exists (.NET 8 and later); without it nothing is generated.</param>
/// <param name="FusedMultiplyAdd">Whether Vector512.FusedMultiplyAdd exists (.NET 9 and later).</param>
/// <param name="LanguageVersion">The effective C# version of the project; below C# 11 nothing is generated.</param>
internal sealed record TargetFeatures(bool Vector512, bool FusedMultiplyAdd, LanguageVersion LanguageVersion)
{
    /// <summary>The oldest target NetGen generates for: .NET 8 and C# 11.</summary>
    public static TargetFeatures Baseline { get; } = new(Vector512: true, FusedMultiplyAdd: false, LanguageVersion.CSharp11);
}
