using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Weights;

/// <summary>
/// The analyzer's half of embedding: runs the generator's own planner on the network and its weight file and
/// reports what stops the embedding, on the <c>Weights</c> argument.
/// </summary>
internal static class EmbeddedWeightsAnalysis
{
    private const int MaxCachedPlans = 64;

    /// <summary>Decoded weight files per AdditionalText: the IDE analyses a class on every edit, while the file rarely changes.</summary>
    private static readonly ConditionalWeakTable<AdditionalText, StrongBox<EmbeddedWeightFile?>> DecodedFiles = new();

    /// <summary>Problems per network and weight files (compared by hash and bytes), so that an edit does not read the file again.</summary>
    private static readonly ConcurrentDictionary<(NetworkSpec Spec, EquatableArray<EmbeddedWeightFile> Files), EmbeddingProblem?> Problems = new();

    public static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, NetworkSpec spec)
    {
        var files = context.Options.AdditionalFiles
            .Select(text => Decode(text, context.Options.AnalyzerConfigOptionsProvider, context.CancellationToken))
            .OfType<EmbeddedWeightFile>()
            .ToEquatableArray();
        var key = (spec, files);
        if (!Problems.TryGetValue(key, out var problem))
        {
            problem = EmbeddedWeightsPlanner.Plan(spec, files.AsSpan().ToArray().ToImmutableArray(), context.CancellationToken).Problem;
            if (Problems.Count >= MaxCachedPlans)
            {
                Problems.Clear();
            }

            Problems[key] = problem;
        }

        if (problem is null)
        {
            return;
        }

        var network = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Network);
        var location = (network is null ? null : NetworkParser.NamedArgumentLocation(network, "Weights")) ?? type.Locations.FirstOrDefault();
        context.ReportDiagnostic(Diagnostic.Create(Descriptor(problem.Kind), location, problem.Message));
    }

    private static EmbeddedWeightFile? Decode(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        return DecodedFiles.GetValue(text, key => new StrongBox<EmbeddedWeightFile?>(EmbeddedWeightFile.TryRead(key, options, cancellationToken))).Value;
    }

    private static DiagnosticDescriptor Descriptor(EmbeddingProblemKind kind) => kind switch
    {
        EmbeddingProblemKind.NotPrepared => DiagnosticDescriptors.WeightsNotPrepared,
        EmbeddingProblemKind.MissingTensor => DiagnosticDescriptors.WeightsTensorMissing,
        EmbeddingProblemKind.UnexpectedTensor => DiagnosticDescriptors.WeightsTensorUnexpected,
        EmbeddingProblemKind.WrongShape => DiagnosticDescriptors.WeightsTensorWrongShape,
        EmbeddingProblemKind.ArchitectureMismatch => DiagnosticDescriptors.WeightsArchitectureMismatch,
        EmbeddingProblemKind.CheckVectorFailed => DiagnosticDescriptors.WeightsCheckVectorFailed,
        EmbeddingProblemKind.TooLarge => DiagnosticDescriptors.WeightsTooLargeToEmbed,
        _ => DiagnosticDescriptors.WeightsFileDamaged,
    };
}
