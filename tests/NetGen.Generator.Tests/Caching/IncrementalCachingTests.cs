using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Weights;

namespace NetGen.Generator.Tests.Caching;

/// <summary>
/// Typing elsewhere in the project must not re-run NetGen's emit: after an unrelated edit every tracked step is
/// Cached or Unchanged, and no step holds a symbol, syntax node, compilation or location.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string Networks = """
        using NetGen;

        namespace Games;

        [Network(inputs: 4, Loss = Loss.MeanSquaredError)]
        [Dense(16, Activation.Tanh)]
        [Dense(2)]
        public partial class NpcBrain;

        public partial class Outer
        {
            [Network(8, Loss = Loss.CrossEntropy)]
            [Maxout(6, 3)]
            [Dense(3, Activation.Softmax)]
            internal partial class Classifier { }
        }

        [Network(inputs: 2, Weights = "brain.safetensors")]
        [Dense(3, Activation.ReLU)]
        [Dense(1)]
        public partial class Embedded;
        """;

    /// <summary>Embedded's weights: 2 → 3 → 1 is 13 parameters.</summary>
    private static readonly PreparedWeightFile Brain = new("/project/brain.safetensors", SafetensorsFiles.Dense([2, 3, 1], i => i / 8f));

    private static GeneratorDriver CreateDriver(PreparedWeightFile? brain = null) =>
        CompilationFactory.CreateDriver(Brain.AdditionalFiles, options: PreparedWeightFile.Options(brain ?? Brain));

    private const string Unrelated = """
        namespace Games;

        public class Player
        {
            public int Score { get; set; }
        }
        """;

    public static TheoryData<string> Edits => new() { "new file", "comment", "unrelated method", "unrelated file edit" };

    [Theory]
    [MemberData(nameof(Edits))]
    public void UnrelatedEditReusesEveryStep(string edit)
    {
        var networks = CompilationFactory.Parse(Networks, "Networks.cs");
        var unrelated = CompilationFactory.Parse(Unrelated, "Player.cs");
        var compilation = CompilationFactory.Create(new[] { networks, unrelated });
        var driver = CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Equal(4, first.GeneratedSources.Length);
        Assert.Contains("\"u8;", first.GeneratedSources.Single(s => s.HintName == "Games.Embedded.Weights.g.cs").SourceText.ToString());

        var edited = edit switch
        {
            "new file" => compilation.AddSyntaxTrees(CompilationFactory.Parse("namespace Games; public class Level { }", "Level.cs")),
            "comment" => compilation.ReplaceSyntaxTree(networks, CompilationFactory.Parse(Networks + "\n// a comment\n", "Networks.cs")),
            "unrelated method" => compilation.ReplaceSyntaxTree(networks, CompilationFactory.Parse(Networks + "\npublic class Helper { public int Twice(int x) => 2 * x; }\n", "Networks.cs")),
            _ => compilation.ReplaceSyntaxTree(unrelated, CompilationFactory.Parse(Unrelated.Replace("Score", "Points"), "Player.cs")),
        };
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in TrackingStepNames())
        {
            Assert.True(second.TrackedSteps.TryGetValue(name, out var steps), $"step {name} was not tracked");
            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} output was {reason} after a {edit}");
                }
            }
        }

        foreach (var (_, reason) in second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step was {reason} after a {edit}");
        }
    }

    [Fact]
    public void ChangingANetworkReRunsItsSteps()
    {
        var networks = CompilationFactory.Parse(Networks, "Networks.cs");
        var compilation = CompilationFactory.Create(new[] { networks });
        var driver = CreateDriver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(networks, CompilationFactory.Parse(Networks.Replace("[Dense(16, Activation.Tanh)]", "[Dense(12, Activation.Tanh)]"), "Networks.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.Contains(second.TrackedSteps[TrackingNames.Plan].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void TrackedStepsHoldNoSymbolsSyntaxCompilationsOrLocations()
    {
        var compilation = CompilationFactory.Create(Networks, Unrelated);
        var result = CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        foreach (var name in TrackingStepNames())
        {
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    AssertNoRoslynObjects(value, $"{name} output", new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    [Fact]
    public void EditingTheWeightFileReEmitsItsValuesAndNothingElse()
    {
        var compilation = CompilationFactory.Create(new[] { CompilationFactory.Parse(Networks, "Networks.cs") });
        var driver = CreateDriver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Games.Embedded.Weights.g.cs").SourceText.ToString();

        var edited = new PreparedWeightFile(Brain.OriginalPath, SafetensorsFiles.Dense([2, 3, 1], i => -i / 4f));
        driver = driver.ReplaceAdditionalText(Brain.Encoded, edited.Encoded).RunGenerators(compilation);
        var second = driver.GetRunResult().Results.Single();

        var after = second.GeneratedSources.Single(s => s.HintName == "Games.Embedded.Weights.g.cs").SourceText.ToString();
        Assert.NotEqual(before, after);
        Assert.Contains(second.TrackedSteps[TrackingNames.EmbeddedWeights].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        foreach (var name in new[] { TrackingNames.Parse, TrackingNames.Plan })
        {
            Assert.All(second.TrackedSteps[name].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} was {o.Reason}"));
        }

        // Of the four files only the embedded values were emitted again.
        var emitted = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(1, emitted);
    }

    /// <summary>The constants of <see cref="TrackingNames"/>: every one must name a step the pipeline tracks.</summary>
    private static IEnumerable<string> TrackingStepNames() =>
        typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
        {
            return;
        }

        Assert.False(value is ISymbol, $"{path} holds an ISymbol");
        Assert.False(value is SyntaxNode, $"{path} holds a SyntaxNode");
        Assert.False(value is SyntaxToken or SyntaxTree or SemanticModel, $"{path} holds syntax");
        Assert.False(value is Compilation, $"{path} holds a Compilation");
        Assert.False(value is Location, $"{path} holds a Location");

        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, $"{path}[{index++}]", visited);
            }
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer)
                {
                    continue;
                }

                AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }
}
