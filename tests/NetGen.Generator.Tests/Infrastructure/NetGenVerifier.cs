using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Analyzer and code-fix tests over NetGen's analyzer that run offline: an empty <see cref="ReferenceAssemblies"/>
/// (nothing to download) and the .NET 8 reference assemblies of Basic.Reference.Assemblies added by hand.
/// </summary>
internal static class NetGenTestSetup
{
    public const string Usings = "using NetGen;\n\n";

    /// <summary>A target framework with no reference package: the testing library then resolves nothing.</summary>
    public static readonly ReferenceAssemblies NoDownload = new("net8.0");

    public static void Configure(SolutionState state)
    {
        state.AdditionalReferences.AddRange(CompilationFactory.References);
    }
}

internal sealed class NetGenAnalyzerTest : CSharpAnalyzerTest<NetworkAnalyzer, DefaultVerifier>
{
    public NetGenAnalyzerTest(string source)
    {
        ReferenceAssemblies = NetGenTestSetup.NoDownload;
        NetGenTestSetup.Configure(TestState);
        TestCode = NetGenTestSetup.Usings + source;
    }
}

internal sealed class NetGenCodeFixTest<TCodeFix> : CSharpCodeFixTest<NetworkAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public NetGenCodeFixTest(string source, string fixedSource, string? equivalenceKey = null)
    {
        ReferenceAssemblies = NetGenTestSetup.NoDownload;
        NetGenTestSetup.Configure(TestState);
        TestCode = NetGenTestSetup.Usings + source;
        FixedCode = NetGenTestSetup.Usings + fixedSource;
        CodeActionEquivalenceKey = equivalenceKey;
    }
}
