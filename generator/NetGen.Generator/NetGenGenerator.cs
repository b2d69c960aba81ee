using System.Linq;
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
            .Select(static (compilation, _) => DetectFeatures(compilation))
            .WithTrackingName(TrackingNames.Features);

        var networks = specs
            .Combine(features)
            .Select(static (pair, _) => pair.Left! with { Features = pair.Right })
            .WithTrackingName(TrackingNames.Combine);

        context.RegisterSourceOutput(networks, static (output, spec) =>
            output.AddSource(NetworkEmitter.HintName(spec), NetworkEmitter.Emit(spec, output.CancellationToken)));

        EmbeddedWeightsPipeline.Register(context, networks);
    }

    /// <summary>Vector512.FusedMultiplyAdd arrived in .NET 9; older targets multiply and add.</summary>
    private static TargetFeatures DetectFeatures(Compilation compilation)
    {
        var vector512 = compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512");
        var fused = vector512?.GetMembers("FusedMultiplyAdd").Any() == true;
        return new TargetFeatures(fused);
    }
}
