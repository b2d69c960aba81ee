using System;
using System.Linq;
using NetGen.Generator.Parsing;
using NetGen.Generator.Planning;
using NetGen.Generator.Tests.Robustness;
using NetGen.Generator.Tests.Snapshots;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests.Diagnostics;

/// <summary>NG0022's size comes from the plan; the estimate stays within 10 % of what the generator writes, on every target.</summary>
public sealed class SizeEstimateTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ReferenceSet.Net80)]
    [InlineData(ReferenceSet.Net90)]
    [InlineData(ReferenceSet.Net100)]
    public void The_plan_estimate_is_within_10_percent_of_the_written_source(ReferenceSet references)
    {
        var networks = Declarations.VariedNetworks().Select(n => n.Source).Concat(Declarations.Snapshots.Values).ToList();
        var run = GeneratorHarness.Run(networks, references);
        Assert.Null(run.Exception);
        var written = run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.Length);
        var compilation = GeneratorHarness.Compile(networks, references);
        var features = TargetFeatures.Of(compilation);

        var errors = compilation.SyntaxTrees
            .SelectMany(tree => GeneratorChecker.NetworkTypes(tree, compilation.GetSemanticModel(tree)))
            .Select(type => NetworkPlanner.Plan(NetworkParser.Parse(type, null, default).Spec!, features))
            .Select(plan => (plan.Type.FlatName, Estimate: SizeEstimator.Estimate(plan), Written: written[plan.Type.FlatName + ".g.cs"]))
            .Select(size => (size.FlatName, size.Estimate, size.Written, Error: (double)(size.Estimate - size.Written) / size.Written))
            .OrderByDescending(size => Math.Abs(size.Error))
            .ToList();

        Assert.Equal(networks.Count, errors.Count);
        if (System.Environment.GetEnvironmentVariable("NETGEN_SIZE_COUNTS") is { } path)
        {
            // Calibration data for SizeEstimator's lengths: each plan's counts and its written length.
            var rows = compilation.SyntaxTrees
                .SelectMany(tree => GeneratorChecker.NetworkTypes(tree, compilation.GetSemanticModel(tree)))
                .Select(type => NetworkPlanner.Plan(NetworkParser.Parse(type, null, default).Spec!, features))
                .Select(plan => string.Join(",", SizeEstimator.Count(plan)) + "," + written[plan.Type.FlatName + ".g.cs"]);
            System.IO.File.AppendAllLines(path, rows);
        }

        foreach (var (name, estimate, actual, error) in errors.Take(5))
        {
            output.WriteLine($"{name}: estimate {estimate:N0}, written {actual:N0} ({error:P1})");
        }

        Assert.All(errors, e => Assert.True(Math.Abs(e.Error) <= 0.10, $"{e.FlatName}: estimate {e.Estimate:N0}, written {e.Written:N0} ({e.Error:P1})"));
    }
}
