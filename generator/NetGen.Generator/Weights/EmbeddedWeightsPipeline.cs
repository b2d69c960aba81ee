using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Emit;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Weights;

/// <summary>
/// The generator's steps for <c>Weights = "…"</c>: the prepared weight files (their bytes compared by hash and
/// content), then per network the plan of what to embed, printed into a file of its own. A network without
/// Weights never reaches these steps, and an edit outside the weight files leaves every step cached.
/// </summary>
internal static class EmbeddedWeightsPipeline
{
    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<NetworkSpec> networks)
    {
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => EmbeddedWeightFile.TryRead(pair.Left, pair.Right, cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .Collect()
            .WithTrackingName(TrackingNames.WeightFiles);

        var plans = networks
            .Where(static spec => spec.WeightsFile is not null)
            .Combine(files)
            .Select(static (pair, cancellationToken) => EmbeddedWeightsPlanner.Plan(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.EmbeddedWeights);

        context.RegisterSourceOutput(plans, static (output, plan) => output.AddSource(plan.HintName, EmbeddedWeightsWriter.Write(plan)));
    }
}
