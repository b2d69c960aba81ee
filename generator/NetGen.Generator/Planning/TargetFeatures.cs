using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Planning;

/// <summary>What the user's compilation offers the generated code: its framework's APIs and its language version.</summary>
/// <param name="Vector512">Whether <c>System.Runtime.Intrinsics.Vector512</c> and <c>Span&lt;T&gt;</c> exist (.NET 8 and later); without them nothing is generated.</param>
/// <param name="FusedMultiplyAdd">Whether <c>Vector128/256/512.FusedMultiplyAdd</c> exist (.NET 9 and later).</param>
/// <param name="LanguageVersion">The C# version the user compiles with (generated code uses nothing past C# 11; below it nothing is generated).</param>
internal sealed record TargetFeatures(bool Vector512, bool FusedMultiplyAdd, LanguageVersion LanguageVersion)
{
    public static TargetFeatures Baseline { get; } = new(Vector512: true, FusedMultiplyAdd: false, LanguageVersion.CSharp11);

    /// <summary>Vector512.FusedMultiplyAdd arrived in .NET 9; older targets multiply and add.</summary>
    public static bool HasFusedMultiplyAdd(Compilation compilation) =>
        compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512")?.GetMembers("FusedMultiplyAdd").Any() == true;

    /// <summary>The features of the compilation, with the language version of its parse options.</summary>
    public static TargetFeatures Of(Compilation compilation) => new(
        compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512") is not null && compilation.GetTypeByMetadataName("System.Span`1") is not null,
        HasFusedMultiplyAdd(compilation),
        compilation.SyntaxTrees.FirstOrDefault()?.Options is CSharpParseOptions options ? options.LanguageVersion : LanguageVersion.CSharp11);
}
