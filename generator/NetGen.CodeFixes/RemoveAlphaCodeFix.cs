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

/// <summary>NG0016: removes an <c>Alpha</c> that the layer's activation ignores.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveAlphaCodeFix))]
[Shared]
public sealed class RemoveAlphaCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = DiagnosticDescriptors.AlphaIgnoredId + ":RemoveAlpha";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.AlphaIgnoredId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var argument = root?.FindNode(context.Span).FirstAncestorOrSelf<AttributeArgumentSyntax>();
        if (argument is not { NameEquals: not null, Parent: AttributeArgumentListSyntax })
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Remove the ignored Alpha", cancellationToken => RemoveAsync(context.Document, argument, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> RemoveAsync(Document document, AttributeArgumentSyntax argument, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || argument.Parent is not AttributeArgumentListSyntax list)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(list, list.WithArguments(list.Arguments.Remove(argument))));
    }
}
