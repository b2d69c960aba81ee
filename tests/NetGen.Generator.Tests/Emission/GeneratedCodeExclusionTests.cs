using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Tests.Snapshots;

namespace NetGen.Generator.Tests.Emission;

/// <summary>
/// The user's code-style analyzers see the user's code and not NetGen's: Roslyn treats the generated file as generated
/// (the <c>// &lt;auto-generated/&gt;</c> header and the <c>.g.cs</c> name), and every generated type, method, property
/// and constant carries <c>[GeneratedCode]</c> (the private storage fields hold no code and do not), while the user's
/// own part of the class does not.
/// </summary>
public sealed class GeneratedCodeExclusionTests
{
    private const string UserCode = """
        using NetGen;

        namespace Game;

        [Network(inputs: 4)]
        [Dense(8, Activation.Tanh)]
        [Dense(2)]
        public partial class Brain
        {
            public int Decide() => 0;
        }
        """;

    [Fact]
    public async System.Threading.Tasks.Task A_code_style_analyzer_reports_the_users_members_and_none_of_the_generated_ones()
    {
        var run = GeneratorHarness.Run(UserCode, ReferenceSet.Net100);
        Assert.Null(run.Exception);
        var analyzer = new EveryMethodAnalyzer();
        var diagnostics = await run.OutputCompilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var reported = Assert.Single(diagnostics);
        Assert.Equal("Decide", reported.GetMessage());
    }

    [Fact]
    public void Generated_members_and_the_kernels_class_carry_GeneratedCode_and_the_users_type_does_not()
    {
        var run = GeneratorHarness.Run(UserCode, ReferenceSet.Net100);
        var brain = run.OutputCompilation.GetTypeByMetadataName("Game.Brain")!;

        Assert.DoesNotContain(brain.GetAttributes(), IsGeneratedCode);
        Assert.False(brain.GetMembers("Decide").Single().GetAttributes().Any(IsGeneratedCode));
        foreach (var name in new[] { "InputSize", "Parameters", "Forward", "ForwardBatch", "Backward", "BackwardBatch", "ZeroGradients", "InitializeParameters" })
        {
            Assert.True(brain.GetMembers(name).All(member => member.GetAttributes().Any(IsGeneratedCode)), name);
        }

        var tree = run.OutputCompilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Game.Brain.g.cs", System.StringComparison.Ordinal));
        var kernels = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single(c => c.Identifier.Text == "Game_BrainKernels");
        var symbol = run.OutputCompilation.GetSemanticModel(tree).GetDeclaredSymbol(kernels)!;
        Assert.Contains(symbol.GetAttributes(), IsGeneratedCode);
    }

    private static bool IsGeneratedCode(AttributeData attribute) =>
        attribute.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute";

    /// <summary>Reports every method declaration, as a code-style rule would, and leaves generated code alone.</summary>
#pragma warning disable RS1036, RS1038, RS1041, RS2008 // a test's stand-in for a user's analyzer, never shipped
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EveryMethodAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("STYLE1", "Method", "{0}", "Style", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(
                c => c.ReportDiagnostic(Diagnostic.Create(Rule, ((MethodDeclarationSyntax)c.Node).Identifier.GetLocation(), ((MethodDeclarationSyntax)c.Node).Identifier.Text)),
                SyntaxKind.MethodDeclaration);
        }
    }
#pragma warning restore RS1036, RS1038, RS1041, RS2008
}
