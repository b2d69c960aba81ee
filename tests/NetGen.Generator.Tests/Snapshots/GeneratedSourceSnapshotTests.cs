using System.Linq;

namespace NetGen.Generator.Tests.Snapshots;

/// <summary>The generated source of representative declarations, against checked-in snapshots.</summary>
public sealed class GeneratedSourceSnapshotTests
{
    public static TheoryData<string, ReferenceSet> Cases()
    {
        var cases = new TheoryData<string, ReferenceSet>();
        foreach (var name in Declarations.Snapshots.Keys)
        {
            cases.Add(name, ReferenceSet.Net80);
        }

        // .NET 9 and later have FusedMultiplyAdd: the whole networks again with fused multiply-adds.
        cases.Add(nameof(Declarations.NpcBrain), ReferenceSet.Net100);
        cases.Add(nameof(Declarations.DigitClassifier), ReferenceSet.Net100);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_source_matches_the_verified_snapshot(string name, ReferenceSet references)
    {
        var run = GeneratorHarness.Run(Declarations.Snapshots[name], references);

        Assert.Null(run.Exception);
        var source = Assert.Single(run.Sources);
        SnapshotFile.Verify($"{name}.{references}", source.SourceText.ToString());
        Assert.True(run.OutputDiagnostics.IsEmpty && run.GeneratorDiagnostics.IsEmpty, run.Describe());
    }

    [Fact]
    public void Hint_names_are_the_full_type_names()
    {
        var hints = new[] { Declarations.NpcBrain, Declarations.DigitClassifier, Declarations.OddMaxout, Declarations.NestedInternal, Declarations.GlobalNamespace }
            .Select(source => GeneratorHarness.Run(source).Sources.Single().HintName)
            .OrderBy(hint => hint, System.StringComparer.Ordinal);

        Assert.Equal(
            new[] { "Digits.DigitClassifier.g.cs", "Game.Ai.NpcBrain.g.cs", "GlobalBrain.g.cs", "Lecture.Networks.OddMaxout.g.cs", "Outer.Critic.g.cs" },
            hints);
    }

    [Fact]
    public void Fused_multiply_add_is_used_only_where_the_framework_has_it()
    {
        var net8 = GeneratorHarness.Run(Declarations.NpcBrain, ReferenceSet.Net80).GeneratedText;
        var net10 = GeneratorHarness.Run(Declarations.NpcBrain, ReferenceSet.Net100).GeneratedText;

        Assert.DoesNotContain("FusedMultiplyAdd", net8);
        Assert.Contains("RowMath256.FusedMultiplyAdd8(", net10);
    }
}
