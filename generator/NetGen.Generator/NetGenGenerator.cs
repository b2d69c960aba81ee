using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Emit;
using NetGen.Generator.Parsing;
using NetGen.Generator.Planning;
using NetGen.Generator.Weights;

namespace NetGen.Generator;

/// <summary>
/// Turns every <c>[Network]</c> class into a specialised network: parse the attributes into a spec, plan the code for
/// the target's features, print the plan. Emits only for valid declarations and stays silent on the rest; NetGen's
/// analyzer reports what is wrong with them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetGenGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.Network,
                static (node, _) => node is ClassDeclarationSyntax,
                static (attributeContext, cancellationToken) => attributeContext.TargetSymbol is INamedTypeSymbol type
                    ? NetworkParser.Parse(type, null, cancellationToken).Spec
                    : null)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.Parse);

        var features = context.CompilationProvider
            .Select(static (compilation, _) => TargetFeatures.Of(compilation))
            .WithTrackingName(TrackingNames.Features);

        // Generated file names are compared ignoring case, and two networks' names may differ only by case.
        var flatNames = specs.Select(static (spec, _) => spec!.Type.FlatName).Collect();
        var named = specs
            .Combine(flatNames)
            .Select(static (pair, _) => pair.Left! with { Type = pair.Left!.Type.DistinctFrom(pair.Right) });

        // A target without Vector512 or below C# 11 gets nothing, and the analyzer's one diagnostic says why.
        var supported = named
            .Combine(features)
            .Where(static pair => TargetSupport.CanGenerate(pair.Right));

        var plans = supported
            .Select(static (pair, _) => NetworkPlanner.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Plan);

        context.RegisterSourceOutput(plans, static (output, plan) =>
            output.AddSource(NetworkWriter.HintName(plan), NetworkWriter.Write(plan, output.CancellationToken)));

        EmbeddedWeightsPipeline.Register(context, supported.Select(static (pair, _) => pair.Left));
    }
}
