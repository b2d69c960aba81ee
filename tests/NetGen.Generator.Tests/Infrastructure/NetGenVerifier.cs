using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generator.Tests.Snapshots;

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

    /// <summary>Another framework's reference assemblies instead of .NET 8's, with NetGen.dll.</summary>
    public static void Configure(SolutionState state, ReferenceSet references)
    {
        state.AdditionalReferences.AddRange(GeneratorHarness.FrameworkReferences(references));
        state.AdditionalReferences.Add(CompilationFactory.Runtime);
    }
}

internal sealed class NetGenAnalyzerTest : CSharpAnalyzerTest<NetworkAnalyzer, DefaultVerifier>
{
    public NetGenAnalyzerTest(string source, ReferenceSet references = ReferenceSet.Net80)
    {
        ReferenceAssemblies = NetGenTestSetup.NoDownload;
        NetGenTestSetup.Configure(TestState, references);
        TestCode = NetGenTestSetup.Usings + source;
    }

    /// <summary>The project's C# version; the testing library's default when null.</summary>
    public LanguageVersion? LanguageVersion { get; init; }

    protected override ParseOptions CreateParseOptions()
    {
        var options = (CSharpParseOptions)base.CreateParseOptions();
        return LanguageVersion is { } version ? options.WithLanguageVersion(version) : options;
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
