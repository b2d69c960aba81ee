using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Parsing;

namespace NetGen.Generator;

/// <summary>
/// Reports what is wrong with a network declaration. Runs the generator's own parser, so the generator and the
/// IDE never disagree on what is valid.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        if (context.Symbol is not INamedTypeSymbol type || !HasNetGenAttribute(type))
        {
            return;
        }

        var additionalFiles = context.Options.AdditionalFiles;
        var parsed = NetworkParser.Parse(type, name => IsAdditionalFile(additionalFiles, name), context.CancellationToken);
        foreach (var problem in parsed.Problems)
        {
            context.ReportDiagnostic(problem.ToDiagnostic());
        }
    }

    private static bool HasNetGenAttribute(INamedTypeSymbol type) =>
        type.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() is AttributeNames.Network or AttributeNames.Dense or AttributeNames.Maxout);

    /// <summary>Whether <paramref name="name"/> is an AdditionalFile's full path, its file name, or the end of its path.</summary>
    internal static bool IsAdditionalFile(ImmutableArray<AdditionalText> files, string name)
    {
        var wanted = Normalize(name);
        while (wanted.StartsWith("./", StringComparison.Ordinal))
        {
            wanted = wanted.Substring(2);
        }

        if (wanted.Length == 0)
        {
            return false;
        }

        foreach (var file in files)
        {
            var path = Normalize(file.Path);
            if (string.Equals(path, wanted, StringComparison.OrdinalIgnoreCase)
                || path.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string path) => path.Replace('\\', '/').Replace("/./", "/");
}
