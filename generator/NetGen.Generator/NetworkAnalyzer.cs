using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;
using NetGen.Generator.Weights;

namespace NetGen.Generator;

/// <summary>
/// Reports what is wrong with a network declaration. Runs the generator's own parser, so the generator and the
/// IDE never disagree on what is valid.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkAnalyzer : DiagnosticAnalyzer
{
    private const int MaxCachedSizes = 256;

    /// <summary>
    /// Generated-source length per spec. The IDE analyses a network class again on every edit inside it, while its
    /// spec (compared by value) rarely changes; this keeps those edits from emitting the network each time.
    /// </summary>
    private static readonly ConcurrentDictionary<NetworkSpec, int> SourceSizes = new();

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
                var framework = TargetSupport.Detect(start.Compilation, TargetSupport.MinimumLanguageVersion);
                start.RegisterSymbolAction(context => AnalyzeType(context, attributes, framework), SymbolKind.NamedType);
            }
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ImmutableHashSet<INamedTypeSymbol> attributes, TargetFeatures framework)
    {
        if (context.Symbol is not INamedTypeSymbol type || !type.GetAttributes().Any(a => a.AttributeClass is { } c && attributes.Contains(c)))
        {
            return;
        }

        // A target NetGen cannot generate for gets one diagnostic per network; its declaration is checked once
        // the target can take it.
        var tree = type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree;
        var features = framework with { LanguageVersion = TargetSupport.LanguageVersionOf(tree?.Options) };
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
            ReportGeneratedSize(context, type, spec);
            if (spec.WeightsFile is not null)
            {
                EmbeddedWeightsAnalysis.Report(context, type, spec);
            }
        }
    }

    /// <summary>Emits the network as the generator would and reports source past <see cref="NetworkLimits.LargeGeneratedSource"/>.</summary>
    private static void ReportGeneratedSize(SymbolAnalysisContext context, INamedTypeSymbol type, NetworkSpec spec)
    {
        if (!SourceSizes.TryGetValue(spec, out var length))
        {
            try
            {
                length = NetworkEmitter.Emit(spec, context.CancellationToken).Length;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The generator reports its own failures (CS8785); the analyzer has nothing to add.
                return;
            }

            if (SourceSizes.Count >= MaxCachedSizes)
            {
                SourceSizes.Clear();
            }

            SourceSizes[spec] = length;
        }

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
