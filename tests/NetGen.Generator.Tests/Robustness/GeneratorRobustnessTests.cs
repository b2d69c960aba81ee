using System.Diagnostics;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests.Robustness;

/// <summary>
/// Property tests over thousands of declarations: random ones, every prefix of valid ones and valid ones with
/// tokens deleted. Over 10,000 cases in all; the generator never throws and every mistake is reported.
/// </summary>
public sealed class GeneratorRobustnessTests(ITestOutputHelper output)
{
    public const int RandomDeclarations = 6000;
    public const int TokenDeletions = 3500;

    [Fact]
    public void RandomDeclarations_NeverThrow_AndEveryMistakeIsReported()
    {
        var watch = Stopwatch.StartNew();
        DeclarationGen.Source.Sample(source => GeneratorChecker.Check(source), iter: RandomDeclarations, threads: 2);
        foreach (var (ms, slow) in GeneratorChecker.Slowest.OrderByDescending(s => s.Ms).Take(3))
        {
            output.WriteLine($"{ms} ms:\n{slow}");
        }

        output.WriteLine($"{RandomDeclarations} random declarations in {watch.ElapsedMilliseconds} ms; generator {GeneratorChecker.Ticks[0] * 1000 / System.Diagnostics.Stopwatch.Frequency} ms, analyzer {GeneratorChecker.Ticks[1] * 1000 / System.Diagnostics.Stopwatch.Frequency} ms, compiler {GeneratorChecker.Ticks[2] * 1000 / System.Diagnostics.Stopwatch.Frequency} ms, output checks {GeneratorChecker.Ticks[3] * 1000 / System.Diagnostics.Stopwatch.Frequency} ms");
    }

    [Fact]
    public void EveryPrefixOfValidSources_NeverThrows_AndEveryMistakeIsReported()
    {
        var watch = Stopwatch.StartNew();
        var prefixes = DeclarationGen.ValidSources.SelectMany(DeclarationGen.Prefixes).ToArray();
        System.Threading.Tasks.Parallel.ForEach(prefixes, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 2 }, prefix => GeneratorChecker.Check(prefix));
        output.WriteLine($"{prefixes.Length} prefixes in {watch.ElapsedMilliseconds} ms");
        Assert.True(prefixes.Length > 600);
    }

    [Fact]
    public void TokenDeletions_NeverThrow_AndEveryMistakeIsReported()
    {
        var watch = Stopwatch.StartNew();
        var deletions =
            from sourceIndex in Gen.Int[0, DeclarationGen.ValidSources.Length - 1]
            from count in Gen.Int[1, 3]
            from picks in Gen.Int[0, int.MaxValue].Array[count]
            select DeleteTokens(DeclarationGen.ValidSources[sourceIndex], picks);
        deletions.Sample(source => GeneratorChecker.Check(source), iter: TokenDeletions, threads: 2);
        output.WriteLine($"{TokenDeletions} token deletions in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void ValidSourcesAreValid()
    {
        foreach (var source in DeclarationGen.ValidSources)
        {
            var compilation = GeneratorChecker.Compile(source);
            var (result, output, _) = CompilationFactory.RunGenerator(compilation);
            Assert.Single(result.GeneratedSources);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
            Assert.Empty(CompilationFactory.Analyze(compilation).Diagnostics);
            GeneratorChecker.CheckOutput(output, source);
        }
    }

    private static string DeleteTokens(string source, int[] picks)
    {
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        var removed = picks.Select(p => tokens[p % tokens.Count].Span).Distinct().OrderByDescending(s => s.Start);
        foreach (var span in removed)
        {
            source = source.Remove(span.Start, span.Length);
        }

        return source;
    }
}
