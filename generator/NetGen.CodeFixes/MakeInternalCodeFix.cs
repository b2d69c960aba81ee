using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace NetGen.CodeFixes;

/// <summary>NG0024: replaces <c>file</c> with <c>internal</c> on the file-local type that holds the network.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeInternalCodeFix))]
[Shared]
public sealed class MakeInternalCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = DiagnosticDescriptors.FileLocalTypeId + ":MakeInternal";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.FileLocalTypeId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
            || model?.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol network)
        {
            return;
        }

        // Only a top-level type can be file-local, so it is the outermost type of the chain.
        var fileLocal = network;
        while (fileLocal.ContainingType is { } containing)
        {
            fileLocal = containing;
        }

        if (!fileLocal.IsFileLocal)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{fileLocal.Name}' internal",
                    cancellationToken => MakeInternalAsync(context.Document, fileLocal, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> MakeInternalAsync(Document document, INamedTypeSymbol fileLocal, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // A file-local type's parts are all in this file.
        var fileKeywords = fileLocal.DeclaringSyntaxReferences
            .Where(reference => reference.SyntaxTree == root.SyntaxTree)
            .Select(reference => reference.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .SelectMany(part => part.Modifiers.Where(modifier => modifier.IsKind(SyntaxKind.FileKeyword)));
        return document.WithSyntaxRoot(root.ReplaceTokens(fileKeywords, static (original, _) => Token(SyntaxKind.InternalKeyword).WithTriviaFrom(original)));
    }
}
