using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Emit;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;
using NetGen.Generator.Weights;

namespace NetGen.Generator;

/// <summary>
/// Turns every <c>[Network]</c> class into a specialised network. Emits only for valid declarations and stays
/// silent on the rest; NetGen's analyzer reports what is wrong with them.
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
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => TargetSupport.Detect(pair.Left, TargetSupport.LanguageVersionOf(pair.Right)))
            .WithTrackingName(TrackingNames.Features);

        // A target without Vector512 or below C# 11 gets nothing, and the analyzer's one diagnostic says why.
        var networks = specs
            .Combine(features)
            .Where(static pair => TargetSupport.CanGenerate(pair.Right))
            .Select(static (pair, _) => pair.Left! with { Features = pair.Right })
            .WithTrackingName(TrackingNames.Combine);

        // Generated file names are compared ignoring case, and two networks' names may differ only by case.
        var flatNames = specs.Select(static (spec, _) => spec!.Type.FlatName).Collect();
        var named = networks
            .Combine(flatNames)
            .Select(static (pair, _) => pair.Left with { Type = pair.Left.Type.DistinctFrom(pair.Right) });

        context.RegisterSourceOutput(named, static (output, spec) =>
            output.AddSource(NetworkEmitter.HintName(spec), NetworkEmitter.Emit(spec, output.CancellationToken)));

        EmbeddedWeightsPipeline.Register(context, named);
    }
}
