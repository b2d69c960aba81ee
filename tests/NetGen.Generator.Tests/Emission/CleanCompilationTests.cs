using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Tests.Snapshots;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests.Emission;

/// <summary>
/// Generated code compiles in a strict user project as it is — nullable enabled, warnings as errors, warning wave
/// 9999, no unsafe code — against .NET 8 and .NET 10 reference assemblies.
/// </summary>
public sealed class CleanCompilationTests(ITestOutputHelper output)
{
    public static TheoryData<string, ReferenceSet> SnapshotDeclarations()
    {
        var data = new TheoryData<string, ReferenceSet>();
        foreach (var name in Declarations.Snapshots.Keys)
        {
            data.Add(name, ReferenceSet.Net80);
            data.Add(name, ReferenceSet.Net100);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SnapshotDeclarations))]
    public void Snapshot_declarations_compile_with_no_diagnostics(string name, ReferenceSet references)
    {
        var run = GeneratorHarness.Run(Declarations.Snapshots[name], references);

        Assert.Null(run.Exception);
        Assert.Single(run.Sources);
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.OutputDiagnostics.IsEmpty, run.Describe());
    }

    [Theory]
    [InlineData(ReferenceSet.Net80)]
    [InlineData(ReferenceSet.Net100)]
    public void Every_activation_size_Maxout_and_a_deep_network_compile_with_no_diagnostics(ReferenceSet references)
    {
        // One compilation holds every shape (each in its own file): one compiler run instead of sixty.
        var shapes = Declarations.ExtraShapes().ToList();
        var run = GeneratorHarness.Run(shapes.Select(shape => shape.Source).ToList(), references);

        Assert.Null(run.Exception);
        Assert.Equal(shapes.Count, run.Sources.Length);
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.OutputDiagnostics.IsEmpty, GeneratorHarness.Head(run.Describe().Split('\n'), 40));
        output.WriteLine($"{shapes.Count} networks, {run.GeneratedText.Length:N0} chars generated");
    }

    /// <summary>
    /// The kernels classes share namespace <c>NetGen.Generated</c>, each named after its network's full name: names
    /// that differ only in where a dot or an underscore falls, or only by a containing type's arity, still give
    /// distinct classes.
    /// </summary>
    [Fact]
    public void Networks_whose_names_meet_at_dots_underscores_and_arity_get_distinct_kernels_classes()
    {
        static string Network(string scope, string name, string? outer = null) =>
            $"namespace {scope};\n"
            + (outer is null ? "" : $"public partial class {outer}\n{{\n")
            + $"[NetGen.Network(inputs: 2)]\n[NetGen.Dense(3)]\npublic partial class {name};\n"
            + (outer is null ? "" : "}\n");
        var sources = new[]
        {
            Network("A", "B_C"),
            Network("A_B", "C"),
            Network("A", "C", outer: "B"),
            Network("A", "C", outer: "B<T>"),
        };
        var run = GeneratorHarness.Run(sources, ReferenceSet.Net100);

        Assert.Null(run.Exception);
        Assert.Equal(4, run.Sources.Length);
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.OutputDiagnostics.IsEmpty, GeneratorHarness.Head(run.Describe().Split('\n'), 40));
        var kernels = run.OutputCompilation.GetTypeByMetadataName("NetGen.Generated.A_B__CKernels");
        Assert.NotNull(kernels);
        Assert.False(kernels!.IsFileLocal);
    }

    /// <summary>
    /// Input counts whose SIMD tail is narrower than the main vector (12 = 8 + 4, 20 = 16 + 4, 24 = 16 + 8) make
    /// the affine kernels fold their accumulators to a narrower width.
    /// </summary>
    [Theory]
    [InlineData(12, 33)]
    [InlineData(20, 5)]
    [InlineData(24, 17)]
    [InlineData(40, 100)]
    public void Inputs_with_a_narrower_SIMD_tail_compile_with_no_diagnostics(int inputs, int units)
    {
        var run = GeneratorHarness.Run(Declarations.Network("Tail", inputs, "MeanSquaredError", $"[Dense({units}, Activation.ReLU)]", "[Dense(3)]"));

        Assert.Null(run.Exception);
        Assert.Single(run.Sources);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Head(run.Describe().Split('\n'), 5));
    }

    /// <summary>Generated code uses nothing past C# 11 (file-local types are C# 11's).</summary>
    [Theory]
    [InlineData(ReferenceSet.Net80)]
    [InlineData(ReferenceSet.Net100)]
    public void Generated_code_compiles_as_CSharp_11(ReferenceSet references)
    {
        // Declarations as C# 11 writes them: `class C;` with no body is C# 12's.
        var sources = Declarations.Snapshots.Values.Concat(Declarations.ExtraShapes().Select(shape => shape.Source))
            .Select(source => System.Text.RegularExpressions.Regex.Replace(source, @"(class \w+);", "$1 { }"))
            .ToList();
        var run = GeneratorHarness.Run(sources, references, new CSharpParseOptions(LanguageVersion.CSharp11));

        Assert.Null(run.Exception);
        Assert.Equal(sources.Count, run.Sources.Length);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Head(run.Describe().Split('\n'), 10));
    }

    [Fact]
    public void Generated_lines_stay_under_140_characters()
    {
        var sources = Declarations.Snapshots.Values.Concat(Declarations.ExtraShapes().Select(shape => shape.Source)).ToList();
        var lines = GeneratorHarness.Run(sources, ReferenceSet.Net100).GeneratedText.Split('\n');

        var longest = lines.OrderByDescending(line => line.Length).First();
        Assert.True(longest.Length <= 140, $"{longest.Length} characters: {longest.Trim()}");
    }

    [Fact]
    public void Generated_code_uses_no_unsafe_context_and_is_tidy()
    {
        var text = GeneratorHarness.Run(Declarations.OddMaxout).GeneratedText;

        Assert.StartsWith("// <auto-generated/>", text);
        Assert.Contains("#nullable enable annotations", text);
        Assert.DoesNotContain("unsafe", text);
        Assert.DoesNotContain("fixed (", text);
    }

    /// <summary>
    /// The class's part is compiled with nullable annotations and without nullable warnings, so the compiler runs no
    /// nullable pass over the bodies while a user still sees non-nullable reference types (oblivious ones would say
    /// nothing).
    /// </summary>
    [Fact]
    public void The_public_members_keep_their_nullable_annotations_with_the_warnings_context_off()
    {
        var run = GeneratorHarness.Run(Declarations.NpcBrain, ReferenceSet.Net100);
        var brain = run.OutputCompilation.GetTypeByMetadataName("Game.Ai.NpcBrain")!;

        var optimizer = brain.GetMembers("TrainStep").OfType<IMethodSymbol>().Single().Parameters.Last();
        Assert.Equal("NetGen.IOptimizer", optimizer.Type.ToDisplayString());
        Assert.Equal(NullableAnnotation.NotAnnotated, optimizer.NullableAnnotation);
        var sharedParameters = brain.InstanceConstructors.Single(c => c.Parameters.Length == 2).Parameters[0];
        Assert.Equal(NullableAnnotation.NotAnnotated, sharedParameters.NullableAnnotation);
        Assert.Contains("#nullable enable annotations", run.GeneratedText.Split('\n').Take(3));

        // Inside a generated body the annotations context is on and the warnings context is off, set by the file
        // itself: an inherited warnings context (as `#nullable enable annotations` alone leaves it) makes the compiler
        // run its nullable pass over the body, even where a generated file's warnings are then dropped.
        var tree = run.OutputCompilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Game.Ai.NpcBrain.g.cs", System.StringComparison.Ordinal));
        var body = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.Text == "InitializeParameters").Body!;
        var context = run.OutputCompilation.GetSemanticModel(tree).GetNullableContext(body.SpanStart + 1);
        Assert.True(context.AnnotationsEnabled());
        Assert.False(context.WarningsEnabled());
        Assert.False(context.WarningsInherited());
    }
}
