using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0014: the loss does not fit the output activation. Offers both directions: a loss that fits the output
/// ("Use Loss.MeanSquaredError"), or the output activation the loss expects ("Use Activation.Softmax on the last layer").
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MatchLossCodeFix))]
[Shared]
public sealed class MatchLossCodeFix : CodeFixProvider
{
    public const string ChangeLossKey = DiagnosticDescriptors.LossDoesNotFitOutputId + ":ChangeLoss";
    public const string ChangeActivationKey = DiagnosticDescriptors.LossDoesNotFitOutputId + ":ChangeActivation";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.LossDoesNotFitOutputId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var networkSyntax = root?.FindNode(context.Span).FirstAncestorOrSelf<AttributeSyntax>();
        if (root is null || model is null || networkSyntax?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
            || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type
            || AttributeEdits.Network(type) is not { } network || AttributeEdits.LastLayer(type) is not { } last)
        {
            return;
        }

        var outputActivation = AttributeEdits.IsDense(last) ? AttributeEdits.ActivationOf(last) : null;
        var fittingLoss = outputActivation switch
        {
            "Softmax" => "CrossEntropy",
            "Sigmoid" => "BinaryCrossEntropy",
            _ => "MeanSquaredError",
        };
        var expectedActivation = AttributeEdits.LossOf(network) switch
        {
            "CrossEntropy" => "Softmax",
            "BinaryCrossEntropy" => "Sigmoid",
            _ => null,
        };
        var outputSyntax = AttributeEdits.IsDense(last) ? AttributeEdits.SyntaxIn(last, root.SyntaxTree, context.CancellationToken) : null;

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create($"Use Loss.{fittingLoss}", cancellationToken => SetLossAsync(context.Document, networkSyntax, fittingLoss, cancellationToken), ChangeLossKey),
                diagnostic);
            if (expectedActivation is not null && outputSyntax is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use Activation.{expectedActivation} on the last layer",
                        cancellationToken => ReplaceAsync(context.Document, outputSyntax, AttributeEdits.WithActivation(outputSyntax, expectedActivation), cancellationToken),
                        ChangeActivationKey),
                    diagnostic);
            }
        }
    }

    private static Task<Document> SetLossAsync(Document document, AttributeSyntax network, string loss, CancellationToken cancellationToken) =>
        ReplaceAsync(document, network, AttributeEdits.WithLoss(network, loss), cancellationToken);

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode original, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(original, replacement));
    }
}
