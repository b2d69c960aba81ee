using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetGen.Benchmarks.Reporting;

/// <summary>
/// Turns one run's measurements — the networks and the <see cref="Limits"/> probe — into the README's tables: per
/// cell NetGen, the best other peer, the ratio, and NetGen's share of the cell's limit, the larger of its FLOPs at the
/// measured FMA peak and its compulsory bytes at the measured bandwidth of the cache its parameters fit (L2 or L3).
/// </summary>
public static class ResultsTable
{
    private static readonly string[] s_categories = ["Forward b1", "Forward b64", "Train b1", "Train b32"];

    public static void Write(IReadOnlyList<Measurement> measurements, TextWriter writer)
    {
        var limits = MachineLimits.From(measurements);
        writer.WriteLine("### Limits of one core (measured in this run)");
        writer.WriteLine();
        writer.WriteLine("| probe | rate |");
        writer.WriteLine("| --- | ---: |");
        writer.WriteLine(Invariant($"| FMA peak, Vector512 | {limits.Fma512:F1} GFLOP/s{(limits.Vector512Accelerated ? "" : " (not accelerated here)")} |"));
        writer.WriteLine(Invariant($"| FMA peak, Vector256 | {limits.Fma256:F1} GFLOP/s |"));
        writer.WriteLine(Invariant($"| L2 read ({Limits.L2Bytes / 1024} KiB) | {limits.L2:F1} GB/s |"));
        writer.WriteLine(Invariant($"| L3 read ({Limits.L3Bytes / (1024 * 1024)} MiB) | {limits.L3:F1} GB/s |"));
        writer.WriteLine();

        var latencies = measurements.Where(m => m.Type == nameof(ActivationLatency)).ToList();
        if (latencies.Count > 0)
        {
            writer.WriteLine($"### Activation latency (a chain of {ActivationLatency.Chain} dependent evaluations)");
            writer.WriteLine();
            writer.WriteLine("| function | per evaluation |");
            writer.WriteLine("| --- | ---: |");
            foreach (var m in latencies)
            {
                writer.WriteLine($"| {m.Method} | {Time(m.MedianNanoseconds / ActivationLatency.Chain)} |");
            }

            writer.WriteLine();
        }

        var cells = Cells(measurements).ToList();
        writer.WriteLine("### NetGen and the best other peer");
        writer.WriteLine();
        writer.WriteLine("| cell | NetGen | best other peer | NetGen vs best | share of the limit |");
        writer.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var cell in cells)
        {
            var best = cell.Others.Where(m => !m.Peer.StartsWith("NetGen", StringComparison.Ordinal)).MinBy(m => m.MedianNanoseconds);
            string ratio = best is null ? "" : Invariant($"{best.MedianNanoseconds / cell.NetGen.MedianNanoseconds:F2}×");
            string bestText = best is null ? "(none)" : $"{Peer(best)} {Time(best.MedianNanoseconds)}";
            writer.WriteLine($"| {cell.Title} | {Time(cell.NetGen.MedianNanoseconds)} | {bestText} | {ratio} | {limits.Share(cell.Shape, cell.Category, cell.NetGen)} |");
        }

        writer.WriteLine();
        writer.WriteLine("### Every peer");
        writer.WriteLine();
        writer.WriteLine("| cell | peer | median | GFLOP/s | share of the limit | allocated |");
        writer.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var cell in cells)
        {
            var work = Work.Of(cell.Shape, cell.Category);
            foreach (var m in new[] { cell.NetGen }.Concat(cell.Others.OrderBy(o => o.MedianNanoseconds)))
            {
                string allocated = m.AllocatedBytes is double bytes ? Invariant($"{bytes:N0} B") : "";
                writer.WriteLine(Invariant(
                    $"| {cell.Title} | {Peer(m)} | {Time(m.MedianNanoseconds)} | {work.Flops / m.MedianNanoseconds:F2} | {limits.Share(cell.Shape, cell.Category, m)} | {allocated} |"));
            }
        }
    }

    private sealed record Cell(string Title, Shape Shape, string Category, Measurement NetGen, List<Measurement> Others);

    private static IEnumerable<Cell> Cells(IReadOnlyList<Measurement> measurements)
    {
        foreach (var (name, shape) in Shapes.All)
        {
            Type type = typeof(NetworkBenchmarks).Assembly.GetType($"{typeof(NetworkBenchmarks).Namespace}.{name}Benchmarks")!;
            var ofNetwork = measurements.Where(m => m.Type == type.Name).ToList();
            foreach (string category in s_categories)
            {
                var inCategory = ofNetwork.Where(m => WorkCatalog.CategoryOf(type, m.Method) == category).ToList();
                var netGen = inCategory.FirstOrDefault(m => m.Peer == "NetGen");
                if (netGen is null)
                {
                    continue;
                }

                (bool train, int rows) = Work.ParseCategory(category);
                string title = $"{name} {shape.Sizes} {(train ? "SGD step" : "forward")}, batch {rows}";
                yield return new Cell(title, shape, category, netGen, inCategory.Where(m => m.Peer != "NetGen").ToList());
            }
        }
    }

    private static string Peer(Measurement m) => m.Peer switch
    {
        "OnnxRuntime" => "ONNX Runtime",
        "Scalar" => "scalar loop",
        "OneByOne" => "NetGen, 64 × Forward",
        "NetGenThreePasses" => "NetGen, three passes (unfused)",
        var other => other,
    };

    public static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => Invariant($"{nanoseconds:F1} ns"),
        < 1_000_000 => Invariant($"{nanoseconds / 1_000:F2} µs"),
        _ => Invariant($"{nanoseconds / 1_000_000:F3} ms"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
