using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Snapshots;

namespace NetGen.Generator.Tests.Emission;

/// <summary>
/// Every consumer the generator may meet: net8.0, net9.0 and net10.0 projects compiling C# 11, 12, 13 or the
/// latest get generated code that compiles without a warning; an older C# or a framework without Vector512 gets
/// nothing generated and one NG diagnostic per network saying why.
/// </summary>
public sealed class ConsumerMatrixTests
{
    public static TheoryData<ReferenceSet, LanguageVersion> SupportedConsumers()
    {
        var data = new TheoryData<ReferenceSet, LanguageVersion>();
        foreach (var references in new[] { ReferenceSet.Net80, ReferenceSet.Net90, ReferenceSet.Net100 })
        {
            foreach (var version in new[] { LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.CSharp13, LanguageVersion.Latest })
            {
                data.Add(references, version);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SupportedConsumers))]
    public void Generated_code_compiles_without_warnings(ReferenceSet references, LanguageVersion version)
    {
        var sources = Declarations.Snapshots.Values.Select(CSharp11).ToList();
        var run = GeneratorHarness.Run(sources, references, new CSharpParseOptions(version));

        Assert.Null(run.Exception);
        Assert.Equal(sources.Count, run.Sources.Length);
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.OutputDiagnostics.IsEmpty, GeneratorHarness.Head(run.Describe().Split('\n'), 20));
        Assert.All(run.OutputCompilation.SyntaxTrees, tree => Assert.Equal(
            new CSharpParseOptions(version).LanguageVersion,
            ((CSharpParseOptions)tree.Options).LanguageVersion));
        Assert.Empty(CompilationFactory.Analyze(GeneratorHarness.Compile(sources, references, new CSharpParseOptions(version))).Diagnostics);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp10, "10.0")]
    [InlineData(LanguageVersion.CSharp9, "9.0")]
    [InlineData(LanguageVersion.CSharp8, "8.0")]
    public void An_older_language_version_gets_nothing_generated_and_one_diagnostic_per_network(LanguageVersion version, string displayed)
    {
        var sources = Declarations.Snapshots.Values.Select(CSharp8).ToList();
        var run = GeneratorHarness.Run(sources, ReferenceSet.Net80, new CSharpParseOptions(version));

        Assert.Null(run.Exception);
        Assert.Empty(run.Sources);
        Assert.True(run.OutputDiagnostics.IsEmpty, run.Describe());
        var diagnostics = Analyze(sources, ReferenceSet.Net80, version);
        Assert.Equal(sources.Count, diagnostics.Count);
        Assert.All(diagnostics, d =>
        {
            Assert.Equal(DiagnosticDescriptors.LanguageVersionTooLowId, d.Id);
            Assert.Contains($"this project compiles C# {displayed}", d.GetMessage(), System.StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(ReferenceSet.NetStandard20)]
    [InlineData(ReferenceSet.Net472)]
    public void A_framework_without_Vector512_gets_nothing_generated_and_one_diagnostic_per_network(ReferenceSet references)
    {
        var sources = Declarations.Snapshots.Values.ToList();
        var run = GeneratorHarness.Run(sources, references);

        Assert.Null(run.Exception);
        Assert.Empty(run.Sources);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Head(run.Describe().Split('\n'), 20));
        var diagnostics = Analyze(sources, references, LanguageVersion.Latest);
        Assert.Equal(sources.Count, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticDescriptors.NoVector512Id, d.Id));
    }

    private static List<Diagnostic> Analyze(IReadOnlyList<string> sources, ReferenceSet references, LanguageVersion version) =>
        CompilationFactory.Analyze(GeneratorHarness.Compile(sources, references, new CSharpParseOptions(version))).Diagnostics.ToList();

    /// <summary>The declaration with braces for the class body (a ';' body is C# 12).</summary>
    private static string CSharp11(string source) => Regex.Replace(source, @"(partial class \w+);", "$1 { }");

    /// <summary>The declaration in C# 8: braces for the class body and a block namespace.</summary>
    private static string CSharp8(string source)
    {
        var braced = CSharp11(source);
        var match = Regex.Match(braced, @"^namespace ([\w.]+);$", RegexOptions.Multiline);
        return match.Success
            ? braced.Remove(match.Index, match.Length).Insert(match.Index, $"namespace {match.Groups[1].Value}\n{{") + "\n}\n"
            : braced;
    }
}
