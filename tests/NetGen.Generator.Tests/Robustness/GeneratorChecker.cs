using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Parsing;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Robustness;

/// <summary>Runs the generator and the analyzer over one source and checks what must hold for any input.</summary>
internal static class GeneratorChecker
{
    /// <summary>A compilation with the references bound once; each case adds one small tree to it.</summary>
    private static readonly Lazy<CSharpCompilation> Base = new(() =>
    {
        var compilation = CompilationFactory.Create(Array.Empty<SyntaxTree>());
        compilation.GetDiagnostics();
        return compilation;
    });

    public static CSharpCompilation Compile(string source) => Base.Value.AddSyntaxTrees(CompilationFactory.Parse(source));

    /// <summary>
    /// The generator never throws; every network the parser rejects carries an NG warning or error or a compiler
    /// error; a network it accepts compiles without warnings (an error the compiler reports, such as a double
    /// literal for Alpha, is shown to the user anyway); the generator emits exactly for the accepted ones.
    /// </summary>
    public static readonly long[] Ticks = new long[4];
    public static readonly System.Collections.Concurrent.ConcurrentBag<(long Ms, string Source)> Slowest = new();

    public static void Check(string source)
    {
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var compilation = Compile(source);
        var tree = compilation.SyntaxTrees.Single();
        var (result, _, driverDiagnostics) = CompilationFactory.RunGenerator(compilation, trackSteps: false);
        var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        System.Threading.Interlocked.Add(ref Ticks[0], t1 - t0);
        Fail(result.Exception is not null, $"the generator threw {result.Exception}", source);
        Fail(driverDiagnostics.Concat(result.Diagnostics).Any(d => d.Id == "CS8785"), "CS8785", source);

        var (analyzerDiagnostics, exceptions) = CompilationFactory.Analyze(compilation);
        Fail(exceptions.Count > 0, $"the analyzer threw {exceptions.FirstOrDefault()}", source);
        Fail(analyzerDiagnostics.Any(d => d.Id == "AD0001"), "AD0001", source);

        var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        System.Threading.Interlocked.Add(ref Ticks[1], t2 - t1);
        if ((t2 - t0) * 1000 / System.Diagnostics.Stopwatch.Frequency > 100)
        {
            Slowest.Add(((t2 - t0) * 1000 / System.Diagnostics.Stopwatch.Frequency, source));
        }

        var compilerDiagnostics = compilation.GetDiagnostics();
        System.Threading.Interlocked.Add(ref Ticks[2], System.Diagnostics.Stopwatch.GetTimestamp() - t2);
        var compilerError = compilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        var networkReported = analyzerDiagnostics.Any(d => d.Id.StartsWith("NG", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning);

        var model = compilation.GetSemanticModel(tree);
        var generated = 0;
        foreach (var type in NetworkTypes(tree, model))
        {
            var forAnalyzer = NetworkParser.Parse(type, _ => false, default);
            if (forAnalyzer.Spec is null)
            {
                Fail(!compilerError && !networkReported, "an invalid declaration has no NG diagnostic and no compiler error", source);
            }
            else
            {
                // Only a source that compiles can be said to compile cleanly; a truncated one has its own errors.
                var warnings = compilerError ? new List<Diagnostic>() : compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
                Fail(warnings.Count > 0, "a valid declaration does not compile cleanly: " + string.Join("; ", warnings), source);
            }

            if (type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ClassDeclarationSyntax) && NetworkParser.Parse(type, null, default).Spec is { } spec)
            {
                // A network with Weights also gets the file of its embedded parameters.
                generated += spec.WeightsFile is null ? 1 : 2;
            }
        }

        Fail(result.GeneratedSources.Length != generated, $"expected {generated} generated sources, got {result.GeneratedSources.Length}", source);
    }

    /// <summary>Distinct types in the tree carrying a NetGen attribute.</summary>
    public static IEnumerable<INamedTypeSymbol> NetworkTypes(SyntaxTree tree, SemanticModel model) =>
        tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>()
            .Select(d => model.GetDeclaredSymbol(d))
            .OfType<INamedTypeSymbol>()
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
            .Where(t => t.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is AttributeNames.Network or AttributeNames.Dense or AttributeNames.Maxout));

    private static void Fail(bool failed, string what, string source)
    {
        if (failed)
        {
            throw new Xunit.Sdk.XunitException($"{what}\n--- source ---\n{source}");
        }
    }
}
