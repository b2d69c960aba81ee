using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Parsing;

/// <summary>
/// What the project's target framework and language version allow (<see cref="TargetFeatures"/>, read once per
/// compilation): the generator emits nothing where its code could not compile, and the analyzer says why in one
/// diagnostic per network.
/// </summary>
internal static class TargetSupport
{
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp11;

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
