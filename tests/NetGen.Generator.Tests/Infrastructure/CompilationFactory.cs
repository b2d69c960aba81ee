using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Builds small compilations over .NET 8 reference assemblies (Basic.Reference.Assemblies, so no download) plus
/// the NetGen runtime, and runs NetGen's generator and analyzer over them. References are loaded once and shared.
/// </summary>
internal static class CompilationFactory
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>NetGen.dll, the runtime the generated code calls.</summary>
    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(NetGen.NetworkAttribute).Assembly.Location);

    /// <summary>The .NET 8 reference assemblies and NetGen.dll.</summary>
    public static ImmutableArray<MetadataReference> References { get; } = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(Runtime)
        .ToImmutableArray();

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        allowUnsafe: false);

    public static CSharpCompilation Create(params string[] sources) =>
        Create(sources.Select((source, index) => Parse(source, $"Source{index}.cs")));

    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("NetGenTests", trees, References, Options);

    public static SyntaxTree Parse(string source, string path = "Source.cs") =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>A driver for NetGen's generator that records every tracked step.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalFiles = null, bool trackSteps = true, AnalyzerConfigOptionsProvider? options = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new NetGenGenerator().AsSourceGenerator() },
            additionalFiles,
            ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once; returns its result and the compilation with the generated sources added.</summary>
    public static (GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics) RunGenerator(Compilation compilation, bool trackSteps = true)
    {
        var driver = CreateDriver(trackSteps: trackSteps).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    /// <summary>One stateless analyzer instance shared by every run, as the compiler shares it.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new NetworkAnalyzer());

    /// <summary>Runs NetworkAnalyzer; exceptions it throws are returned rather than hidden in AD0001.</summary>
    public static (ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions) Analyze(
        Compilation compilation, IEnumerable<AdditionalText>? additionalFiles = null, AnalyzerConfigOptionsProvider? configOptions = null)
    {
        var exceptions = new List<Exception>();
        var files = additionalFiles?.ToImmutableArray() ?? ImmutableArray<AdditionalText>.Empty;
        var options = new CompilationWithAnalyzersOptions(
            configOptions is null ? new AnalyzerOptions(files) : new AnalyzerOptions(files, configOptions),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, options);
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return (diagnostics, exceptions);
    }
}

/// <summary>An AdditionalFile held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
