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

/// <summary>NG0030: a Softmax output with the default loss; adds <c>Loss = Loss.CrossEntropy</c> to [Network].</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCrossEntropyCodeFix))]
[Shared]
public sealed class AddCrossEntropyCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = DiagnosticDescriptors.SoftmaxWithoutLossId + ":AddCrossEntropy";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.SoftmaxWithoutLossId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<AttributeSyntax>() is not { } network)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Use Loss.CrossEntropy", cancellationToken => AddLossAsync(context.Document, network, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddLossAsync(Document document, AttributeSyntax network, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(network, AttributeEdits.WithLoss(network, "CrossEntropy")));
    }
}
