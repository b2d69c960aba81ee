extern alias AllReferenceAssemblies;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Tests.Snapshots;

/// <summary>
/// The reference assemblies a test compiles against: .NET 8 (no Vector512.FusedMultiplyAdd), .NET 9 and .NET 10
/// (with it), and two targets without Vector512 at all, netstandard2.0 and .NET Framework 4.7.2.
/// </summary>
public enum ReferenceSet
{
    Net80,
    Net90,
    Net100,
    NetStandard20,
    Net472,
}

/// <summary>What one run of <see cref="NetGenGenerator"/> over a source produced.</summary>
/// <param name="Sources">The generated files, in the order the generator added them.</param>
/// <param name="Exception">The exception the generator threw, if any (Roslyn turns it into CS8785).</param>
/// <param name="GeneratorDiagnostics">Diagnostics the driver reported for the run.</param>
/// <param name="OutputDiagnostics">Diagnostics of the compilation with the generated files added (hidden ones left out).</param>
/// <param name="OutputCompilation">That compilation, for emitting.</param>
public sealed record GeneratorRun(
    ImmutableArray<GeneratedSourceResult> Sources,
    Exception? Exception,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> OutputDiagnostics,
    Compilation OutputCompilation)
{
    /// <summary>All generated text, file after file.</summary>
    public string GeneratedText => string.Concat(Sources.Select(source => source.SourceText.ToString()));

    /// <summary>Every diagnostic, one per line, for assertion messages.</summary>
    public string Describe() => string.Join(
        Environment.NewLine,
        GeneratorDiagnostics.Concat(OutputDiagnostics).Select(diagnostic => diagnostic.ToString()));
}

/// <summary>
/// Compiles a source the way a strict user project would (nullable enabled, every warning an error, no unsafe code,
/// the latest language version) against reference assemblies plus the NetGen runtime, and runs NetGen's generator on it.
/// </summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The framework's reference assemblies, loaded once per set.</summary>
    public static IEnumerable<MetadataReference> FrameworkReferences(ReferenceSet references) => references switch
    {
        ReferenceSet.Net80 => Basic.Reference.Assemblies.Net80.References.All,
        ReferenceSet.Net90 => Basic.Reference.Assemblies.Net90.References.All,
        ReferenceSet.Net100 => Basic.Reference.Assemblies.Net100.References.All,
        ReferenceSet.NetStandard20 => AllReferenceAssemblies::Basic.Reference.Assemblies.NetStandard20.References.All,
        ReferenceSet.Net472 => AllReferenceAssemblies::Basic.Reference.Assemblies.Net472.References.All,
        _ => throw new ArgumentOutOfRangeException(nameof(references)),
    };

    private static MetadataReference Runtime => Infrastructure.CompilationFactory.Runtime;

    public static CSharpCompilation Compile(string source, ReferenceSet references = ReferenceSet.Net80) =>
        Compile(new[] { source }, references);

    /// <summary>One compilation of several files (each its own syntax tree, so each may have a file-scoped namespace).</summary>
    public static CSharpCompilation Compile(IReadOnlyList<string> sources, ReferenceSet references = ReferenceSet.Net80) =>
        Compile(sources, references, ParseOptions);

    public static CSharpCompilation Compile(IReadOnlyList<string> sources, ReferenceSet references, CSharpParseOptions parseOptions) =>
        CSharpCompilation.Create(
            "NetGen.UserProject",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"UserCode{i}.cs")),
            FrameworkReferences(references).Append(Runtime),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                allowUnsafe: false,
                optimizationLevel: OptimizationLevel.Release,
                warningLevel: 9999,
                deterministic: true)
                // What every SDK project passes to csc (/nowarn:1701,1702): NetGen.dll targets net8.0, so against
                // .NET 10 references the compiler notes that System.Runtime 8.0 unifies with 10.0.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    public static GeneratorRun Run(string source, ReferenceSet references = ReferenceSet.Net80) =>
        Run(new[] { source }, references);

    public static GeneratorRun Run(IReadOnlyList<string> sources, ReferenceSet references = ReferenceSet.Net80) =>
        Run(sources, references, ParseOptions);

    /// <summary>As <see cref="Run(IReadOnlyList{string}, ReferenceSet)"/>, with the user's code at <paramref name="parseOptions"/>.</summary>
    public static GeneratorRun Run(IReadOnlyList<string> sources, ReferenceSet references, CSharpParseOptions parseOptions)
    {
        var compilation = Compile(sources, references, parseOptions);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new NetGenGenerator().AsSourceGenerator() },
            parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var outputDiagnostics = output.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity != DiagnosticSeverity.Hidden)
            .ToImmutableArray();
        return new GeneratorRun(
            result.GeneratedSources,
            result.Exception,
            generatorDiagnostics.AddRange(result.Diagnostics).Distinct().ToImmutableArray(),
            outputDiagnostics,
            output);
    }

    /// <summary>Emits the compilation to memory; throws with the diagnostics if that fails.</summary>
    public static byte[] EmitImage(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(
                "Emit failed:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
        }

        return stream.ToArray();
    }

    /// <summary>The first lines of a text, for messages that must stay short.</summary>
    public static string Head(IEnumerable<string> lines, int count) => string.Join(Environment.NewLine, lines.Take(count));
}
