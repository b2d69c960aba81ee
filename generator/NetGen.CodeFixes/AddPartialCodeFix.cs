using System.Collections.Generic;
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

/// <summary>
/// NG0001: adds <c>partial</c> to every declaration of the network class and of each containing type that lacks
/// it, in whichever document of the project it is.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFix))]
[Shared]
public sealed class AddPartialCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = DiagnosticDescriptors.NotPartialId + ":AddPartial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotPartialId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{declaration.Identifier.ValueText}' partial",
                    cancellationToken => AddPartialAsync(context.Document, declaration, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Solution> AddPartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return solution;
        }

        var lacking = new List<TypeDeclarationSyntax>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is TypeDeclarationSyntax part
                    && !part.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    lacking.Add(part);
                }
            }
        }

        foreach (var inTree in lacking.GroupBy(part => part.SyntaxTree))
        {
            if (solution.GetDocument(inTree.Key) is { } partDocument)
            {
                var root = await inTree.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
                solution = solution.WithDocumentSyntaxRoot(partDocument.Id, root.ReplaceNodes(inTree, static (_, rewritten) => AddPartial(rewritten)));
            }
        }

        return solution;
    }

    /// <summary>Appends <c>partial</c> as the last modifier, where C# requires it, keeping the declaration's trivia.</summary>
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.AddModifiers(AttributeEdits.PartialKeyword().WithTrailingTrivia(Space));
        }

        var keyword = declaration.Keyword;
        var partial = AttributeEdits.PartialKeyword().WithLeadingTrivia(keyword.LeadingTrivia).WithTrailingTrivia(Space);
        return declaration
            .ReplaceToken(keyword, keyword.WithLeadingTrivia())
            .WithModifiers(TokenList(partial));
    }
}
