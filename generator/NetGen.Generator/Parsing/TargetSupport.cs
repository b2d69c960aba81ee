using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// What the project's target framework and language version allow: read once per compilation, so that the
/// generator emits nothing where its code could not compile and the analyzer says why, in one diagnostic.
/// </summary>
internal static class TargetSupport
{
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp11;

    /// <summary>The framework's features; <paramref name="languageVersion"/> comes from the project's parse options.</summary>
    public static TargetFeatures Detect(Compilation compilation, LanguageVersion languageVersion)
    {
        var vector512 = compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512");
        var span = compilation.GetTypeByMetadataName("System.Span`1");
        var fused = vector512?.GetMembers("FusedMultiplyAdd").Any() == true;
        return new TargetFeatures(vector512 is not null && span is not null, fused, languageVersion);
    }

    /// <summary>The effective language version of a tree's parse options; C# 11 for anything that is not C#.</summary>
    public static LanguageVersion LanguageVersionOf(ParseOptions? options) =>
        options is CSharpParseOptions csharp ? csharp.LanguageVersion : MinimumLanguageVersion;

    public static bool CanGenerate(TargetFeatures features) =>
        features.Vector512 && features.LanguageVersion >= MinimumLanguageVersion;

    /// <summary>Why nothing can be generated for this target, as a problem at the network's declaration; null when it can.</summary>
    public static Problem? Check(TargetFeatures features, Location? location, string typeName)
    {
        if (!features.Vector512)
        {
            return new Problem(DiagnosticDescriptors.NoVector512, location, new object?[] { typeName });
        }

        if (features.LanguageVersion < MinimumLanguageVersion)
        {
            return new Problem(DiagnosticDescriptors.LanguageVersionTooLow, location, new object?[] { typeName, features.LanguageVersion.ToDisplayString() });
        }

        return null;
    }
}
