using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NetGen.Benchmarks.Reporting;

/// <summary>One benchmark method's median time per call (and heap bytes per call where the source knows them).</summary>
public sealed record Measurement(string Type, string Method, double MedianNanoseconds, double? AllocatedBytes = null)
{
    /// <summary>The peer a method measures: the part of its name before '_' ("NetGen", "OnnxRuntime", …).</summary>
    public string Peer => Method.Split('_')[0];

    /// <summary>Reads every BenchmarkDotNet JSON report (<c>*-report*.json</c>) in a results folder.</summary>
    public static List<Measurement> ReadBenchmarkDotNetResults(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No results folder {folder}: run the suite first (it writes JSON reports there).");
        }

        var measurements = new List<Measurement>();
        foreach (string file in Directory.GetFiles(folder, "*-report*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    continue; // a benchmark that failed has no statistics
                }

                double? allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                    ? memory.GetProperty("BytesAllocatedPerOperation").GetDouble()
                    : null;
                measurements.Add(new Measurement(
                    benchmark.GetProperty("Type").GetString()!,
                    benchmark.GetProperty("Method").GetString()!,
                    statistics.GetProperty("Median").GetDouble(),
                    allocated));
            }
        }

        // A report written twice (brief and full) lists each method twice: keep one.
        return measurements.DistinctBy(m => (m.Type, m.Method)).ToList();
    }
}
