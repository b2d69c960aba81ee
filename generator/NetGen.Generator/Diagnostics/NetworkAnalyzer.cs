using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;
using NetGen.Generator.Planning;
using NetGen.Generator.Weights;

namespace NetGen.Generator;

/// <summary>
/// Reports what is wrong with a network declaration. Runs the generator's own parser, so the generator and the
/// IDE never disagree on what is valid, and for the size of the generated code the generator's own planner (never
/// the writers): NG0022 comes from the plan's estimate, with the target's features as the generator sees them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // A project that does not reference NetGen has nothing to analyse; otherwise compare attribute classes
            // by symbol rather than by name, which costs nothing per type.
            var attributes = new[] { AttributeNames.Network, AttributeNames.Dense, AttributeNames.Maxout }
                .Select(start.Compilation.GetTypeByMetadataName)
                .OfType<INamedTypeSymbol>()
                .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (attributes.Count > 0)
            {
                var features = TargetFeatures.Of(start.Compilation);
                start.RegisterSymbolAction(context => AnalyzeType(context, attributes, features), SymbolKind.NamedType);
            }
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ImmutableHashSet<INamedTypeSymbol> attributes, TargetFeatures features)
    {
        if (context.Symbol is not INamedTypeSymbol type || !type.GetAttributes().Any(a => a.AttributeClass is { } c && attributes.Contains(c)))
        {
            return;
        }

        // A target NetGen cannot generate for gets one diagnostic per network, from the features the generator
        // reads; the declaration is checked once the target can take it.
        if (TargetSupport.Check(features, type.Locations.FirstOrDefault(), type.Name) is { } unsupported)
        {
            context.ReportDiagnostic(unsupported.ToDiagnostic());
            return;
        }

        var additionalFiles = context.Options.AdditionalFiles;
        var parsed = NetworkParser.Parse(type, name => IsAdditionalFile(additionalFiles, name), context.CancellationToken);
        foreach (var problem in parsed.Problems)
        {
            context.ReportDiagnostic(problem.ToDiagnostic());
        }

        if (parsed.Spec is { } spec)
        {
            ReportGeneratedSize(context, type, spec, features);
            if (spec.WeightsFile is not null)
            {
                EmbeddedWeightsAnalysis.Report(context, type, spec);
            }
        }
    }

    /// <summary>Reports a network whose generated source the plan estimates past <see cref="NetworkLimits.LargeGeneratedSource"/>.</summary>
    private static void ReportGeneratedSize(SymbolAnalysisContext context, INamedTypeSymbol type, NetworkSpec spec, TargetFeatures features)
    {
        var length = SizeEstimator.Estimate(NetworkPlanner.Plan(spec, features));
        if (length > NetworkLimits.LargeGeneratedSource)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.LargeGeneratedCode,
                type.Locations.FirstOrDefault(),
                type.Name,
                length / 1000,
                NetworkLimits.LargeGeneratedSource / 1000));
        }
    }

    /// <summary>Whether <paramref name="name"/> is an AdditionalFile's full path, its file name, or the end of its path.</summary>
    internal static bool IsAdditionalFile(ImmutableArray<AdditionalText> files, string name) =>
        files.Any(file => WeightsPath.Matches(file.Path, name));
}
