using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Parsing;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Robustness;

/// <summary>
/// Random valid declarations compile with their generated source and no warnings. The generated code calls the
/// runtime helpers in <c>NetGen.Kernels</c> (Activations, Losses, NormalSampler, Guard); until those are in the
/// runtime assembly this test fails with CS0234 and says so.
/// </summary>
public sealed class GeneratedOutputCompilesTests
{
    [Fact]
    public void ValidDeclarations_CompileWithGeneratedSource_WithoutWarnings_NeedsRuntimeKernels()
    {
        Assert.True(
            typeof(NetworkAttribute).Assembly.GetType("NetGen.Kernels.Activations") is not null,
            "NetGen.Kernels (Activations, Losses, NormalSampler, Guard) is not in the runtime assembly yet; the generated code cannot compile until it is merged");

        DeclarationGen.Source.Sample(
            source =>
            {
                var compilation = GeneratorChecker.Compile(source);
                var tree = compilation.SyntaxTrees.Single();
                var model = compilation.GetSemanticModel(tree);
                var valid = GeneratorChecker.NetworkTypes(tree, model).Any(t => NetworkParser.Parse(t, _ => false, default).Spec is not null);
                var userDiagnostics = compilation.GetDiagnostics();
                if (!valid || userDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    return;
                }

                // A warning the user's own code has (a member hiding a base class's) is not the generator's.
                var known = userDiagnostics.Select(d => d.ToString()).ToHashSet();
                var (_, output, _) = CompilationFactory.RunGenerator(compilation, trackSteps: false);
                var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && !known.Contains(d.ToString())).Take(5).ToList();
                Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n--- source ---\n" + source);
                GeneratorChecker.CheckOutput(output, source, userDiagnostics);
            },
            iter: 300,
            threads: 2);
    }
}
