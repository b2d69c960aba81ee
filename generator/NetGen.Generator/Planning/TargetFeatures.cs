using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Planning;

/// <summary>What the user's compilation offers the generated code: its framework's APIs and its language version.</summary>
/// <param name="FusedMultiplyAdd">Whether <c>Vector128/256/512.FusedMultiplyAdd</c> exist (.NET 9 and later).</param>
/// <param name="LanguageVersion">The C# version the user compiles with (generated code uses nothing past C# 11).</param>
internal sealed record TargetFeatures(bool FusedMultiplyAdd, LanguageVersion LanguageVersion)
{
    public static TargetFeatures Baseline { get; } = new(FusedMultiplyAdd: false, LanguageVersion.CSharp11);

    /// <summary>Vector512.FusedMultiplyAdd arrived in .NET 9; older targets multiply and add.</summary>
    public static bool HasFusedMultiplyAdd(Compilation compilation) =>
        compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512")?.GetMembers("FusedMultiplyAdd").Any() == true;

    public static TargetFeatures Of(Compilation compilation) => new(
        HasFusedMultiplyAdd(compilation),
        compilation.SyntaxTrees.FirstOrDefault()?.Options is CSharpParseOptions options ? options.LanguageVersion : LanguageVersion.CSharp11);
}
