using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using NetGen.Benchmarks.Reporting;
using Perfolizer.Horology;

namespace NetGen.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher (<c>--filter '*'</c> runs the suite, then writes its tables to
/// <c>BenchmarkDotNet.Artifacts/results/RESULTS-table.md</c>), plus <c>--verify</c>, <c>--cputime [rounds] [filter]</c>,
/// <c>--scaling [rounds] [filter]</c> and <c>--table [results folder]</c>.
/// </summary>
public static class Program
{
    private const string ResultsFolder = "BenchmarkDotNet.Artifacts/results";

    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "--verify":
                Verify.Run();
                return 0;
            case "--cputime":
                int rounds = args.Length > 1 && int.TryParse(args[1], out int r) ? r : 15;
                if (rounds < CpuTime.MinimumRounds)
                {
                    Console.Error.WriteLine($"--cputime needs at least {CpuTime.MinimumRounds} rounds: a median of fewer, less the empty call's, "
                        + $"can come out at or below zero for a call of a few nanoseconds; got {rounds}.");
                    return 2;
                }

                string filter = args.Length > 2 ? args[2] : "";
                var measured = CpuTime.Run(rounds, m => $"{m.Type.Name}.{m.Name}".Contains(filter, StringComparison.OrdinalIgnoreCase) || m.Type == typeof(Limits));
                ResultsTable.Write(measured, Console.Out);
                return 0;
            case "--scaling":
                Scaling.Run(args.Length > 1 && int.TryParse(args[1], out int n) ? n : 21, threads: 2, filter: args.Length > 2 ? args[2] : "");
                return 0;
            case "--table":
                ResultsTable.Write(Measurement.ReadBenchmarkDotNetResults(args.Length > 1 ? args[1] : ResultsFolder), Console.Out);
                return 0;
        }

        // Short runs: the machine is shared and noisy, so few but not-too-short iterations, medians reported.
        var job = Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(12)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Short");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddColumn(StatisticColumn.Median)
            .AddColumn(WorkColumn.Flops, WorkColumn.Bytes, WorkColumn.GigaflopsPerSecond, WorkColumn.GigabytesPerSecond)
            .AddExporter(JsonExporter.Brief)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
        if (summaries.Count == 0)
        {
            return 0;
        }

        // The results folder keeps reports of earlier runs of other classes: take only this run's classes.
        string folder = summaries[0].ResultsDirectoryPath;
        var thisRun = summaries.SelectMany(s => s.BenchmarksCases).Select(c => c.Descriptor.Type.Name).ToHashSet();
        var measurements = Measurement.ReadBenchmarkDotNetResults(folder).Where(m => thisRun.Contains(m.Type)).ToList();
        if (!measurements.Any(m => m.Type == nameof(Limits)) || !measurements.Any(m => m.Peer == "NetGen"))
        {
            Console.WriteLine("Run the networks and the Limits probe together (--filter '*') for the results table.");
            return 0;
        }

        string table = Path.Combine(folder, "RESULTS-table.md");
        using (var writer = new StreamWriter(table))
        {
            ResultsTable.Write(measurements, writer);
        }

        Console.WriteLine(File.ReadAllText(table));
        Console.WriteLine($"Written to {table}");
        return 0;
    }
}
