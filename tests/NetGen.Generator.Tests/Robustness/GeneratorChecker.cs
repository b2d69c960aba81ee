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
    /// error; the generator emits exactly for the accepted ones; and the compilation with the generated code added
    /// has no warning or error in a generated file (where the user's own code compiles, none anywhere), and no
    /// generated declaration makes a type of its own.
    /// </summary>
    public static readonly long[] Ticks = new long[4];
    public static readonly System.Collections.Concurrent.ConcurrentBag<(long Ms, string Source)> Slowest = new();

    public static void Check(string source)
    {
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var compilation = Compile(source);
        var tree = compilation.SyntaxTrees.Single();
        var (result, output, driverDiagnostics) = CompilationFactory.RunGenerator(compilation, trackSteps: false);
        var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        System.Threading.Interlocked.Add(ref Ticks[0], t1 - t0);
        Fail(result.Exception is not null, $"the generator threw {result.Exception}", source);
        Fail(driverDiagnostics.Concat(result.Diagnostics).Any(d => d.Id == "CS8785"), "CS8785", source);

        var (analyzerDiagnostics, exceptions) = CompilationFactory.Analyze(compilation);
        Fail(exceptions.Count > 0, $"the analyzer threw {exceptions.FirstOrDefault()}", source);
        Fail(analyzerDiagnostics.Any(d => d.Id == "AD0001"), "AD0001", source);

        var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        System.Threading.Interlocked.Add(ref Ticks[1], t2 - t1);

        var userDiagnostics = compilation.GetDiagnostics();
        var compilerError = userDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        var networkReported = analyzerDiagnostics.Any(d => d.Id.StartsWith("NG", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning);
        var model = compilation.GetSemanticModel(tree);
        var generated = 0;
        foreach (var type in NetworkTypes(tree, model))
        {
            if (NetworkParser.Parse(type, _ => false, default).Spec is null)
            {
                Fail(!compilerError && !networkReported, "an invalid declaration has no NG diagnostic and no compiler error", source);
            }

            if (type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ClassDeclarationSyntax) && NetworkParser.Parse(type, null, default).Spec is { } spec)
            {
                // A network with Weights also gets the file of its embedded parameters.
                generated += spec.WeightsFile is null ? 1 : 2;
            }
        }

        Fail(result.GeneratedSources.Length != generated, $"expected {generated} generated sources, got {result.GeneratedSources.Length}", source);
        var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
        System.Threading.Interlocked.Add(ref Ticks[2], t3 - t2);
        if (generated > 0)
        {
            CheckOutput(output, source, userDiagnostics);
            System.Threading.Interlocked.Add(ref Ticks[3], System.Diagnostics.Stopwatch.GetTimestamp() - t3);
        }

        if ((t3 - t0) * 1000 / System.Diagnostics.Stopwatch.Frequency > 100)
        {
            Slowest.Add(((t3 - t0) * 1000 / System.Diagnostics.Stopwatch.Frequency, source));
        }
    }

    private static bool IsKernelsClass(INamedTypeSymbol type) =>
        type is { IsStatic: true, ContainingType: null } && type.ContainingNamespace.ToDisplayString() == "NetGen.Generated"
        && type.Name.EndsWith("Kernels", StringComparison.Ordinal);

    /// <summary>
    /// What must hold of the compilation that includes the generated code: no generated type that is not a part of
    /// a type the user declared (other than NetGen's own kernels classes, static and in NetGen.Generated), and no
    /// warning or error that generation added, in the declarations of any file or in the bodies of the generated
    /// network parts (constructors, passes). <paramref name="userDiagnostics"/> are
    /// the user's code's own, which do not count; where they include an error, only errors in generated files
    /// count (a warning there may be about the user's broken member, such as CS8618 at a generated constructor).
    /// The kernels' bodies, which depend on sizes rather than on the declaration's form, are compiled in
    /// full by <see cref="GeneratedOutputCompilesTests"/>.
    /// </summary>
    public static void CheckOutput(Compilation output, string source, IReadOnlyCollection<Diagnostic>? userDiagnostics = null)
    {
        var userCodeHasErrors = userDiagnostics?.Any(d => d.Severity == DiagnosticSeverity.Error) == true;
        var known = new HashSet<string>((userDiagnostics ?? Array.Empty<Diagnostic>()).Select(d => d.ToString()));
        var diagnostics = output.GetDeclarationDiagnostics().ToList();
        foreach (var generatedTree in output.SyntaxTrees.Where(IsGenerated))
        {
            var model = output.GetSemanticModel(generatedTree);
            foreach (var declaration in generatedTree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol { IsFileLocal: false } type || IsKernelsClass(type))
                {
                    continue;
                }

                Fail(
                    !type.DeclaringSyntaxReferences.Any(r => !IsGenerated(r.SyntaxTree)),
                    $"the generated file declares '{type.ToDisplayString()}', which is no part of a type the user declared",
                    source);
                if (type.AllInterfaces.Any(i => i.ToDisplayString() == "NetGen.INetwork"))
                {
                    diagnostics.AddRange(model.GetDiagnostics(declaration.Span));
                }
            }
        }

        var problems = diagnostics
            .Where(d => !known.Contains(d.ToString()) && (userCodeHasErrors
                ? d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && IsGenerated(tree)
                : d.Severity >= DiagnosticSeverity.Warning))
            .Distinct()
            .Take(5)
            .ToList();
        Fail(problems.Count > 0, "the compilation with the generated code has diagnostics: " + string.Join("; ", problems), source);
    }

    private static bool IsGenerated(SyntaxTree tree) => tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal);

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
