using System.Collections.Generic;
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
/// NG0013: a hidden layer uses Softmax. The fix gives that layer ReLU and, when the output layer is a Dense
/// without Softmax, gives the output layer Softmax: Softmax moves to where it belongs.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveSoftmaxCodeFix))]
[Shared]
public sealed class MoveSoftmaxCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = DiagnosticDescriptors.SoftmaxNotLastId + ":MoveSoftmax";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.SoftmaxNotLastId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var hidden = root?.FindNode(context.Span).FirstAncestorOrSelf<AttributeSyntax>();
        if (root is null || model is null || hidden?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
            || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type)
        {
            return;
        }

        var last = AttributeEdits.LastLayer(type);
        var output = last is not null && AttributeEdits.IsDense(last) && AttributeEdits.ActivationOf(last) != "Softmax"
            ? AttributeEdits.SyntaxIn(last, root.SyntaxTree, context.CancellationToken)
            : null;
        if (output == hidden)
        {
            return;
        }

        var title = output is null ? "Use ReLU instead of Softmax on this hidden layer" : "Move Softmax to the output layer (this layer becomes ReLU)";
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => MoveAsync(context.Document, hidden, output, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> MoveAsync(Document document, AttributeSyntax hidden, AttributeSyntax? output, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var edits = new Dictionary<SyntaxNode, AttributeSyntax> { [hidden] = AttributeEdits.WithActivation(hidden, "ReLU") };
        if (output is not null)
        {
            edits[output] = AttributeEdits.WithActivation(output, "Softmax");
        }

        return document.WithSyntaxRoot(root.ReplaceNodes(edits.Keys, (original, _) => edits[original]));
    }
}
