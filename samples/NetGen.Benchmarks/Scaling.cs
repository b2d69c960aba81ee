using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Threading;

namespace NetGen.Benchmarks;

/// <summary>
/// `--scaling [rounds]`: how far the parallel APIs scale on this machine's cores, in wall-clock time (thread CPU time,
/// which <c>--cputime</c> measures, cannot see a second thread). Each cell times its one-thread and its n-thread form
/// alternately, the order swapping every round, and reports the medians, the median of the rounds' ratios, how many
/// cores the process kept busy (process CPU time over wall time: near n when the cores were free, lower when other
/// processes held them) and the CPU time per call (the n-thread form's extra work: what it costs beyond the one-thread
/// form, so n × (1-thread CPU) / (n-thread CPU) bounds the speed-up on n free cores). Cells: <c>ForwardBatch</c> vs <c>ForwardBatchParallel</c> of 256 rows on N3 and N4,
/// N3's again one call every 5 ms (a game's frames, each waking a sleeping team), and <see cref="Trainer.Train"/> with
/// <see cref="Trainer.Threads"/> 1 vs n, for one epoch per call (each n-thread call then wakes a sleeping team and pays
/// the call's set-up once per epoch) and for four. A filter runs only the cells whose name contains it (<c>Trainer</c>: the
/// <see cref="Trainer"/> cells).
/// </summary>
internal static class Scaling
{
    private const double SampleSeconds = 0.05;

    public static void Run(int rounds, int threads, string filter)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, {threads} threads, {rounds} rounds; load average {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| cell | 1 thread | " + threads + " threads | speed-up (median of rounds) | cores busy (1 / " + threads + ") | CPU time per call (1 / " + threads + ") |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var cells = new (string Name, Action<string> Measure)[]
        {
            ("N3 784-128-10 ForwardBatch 256", cell => Forward(cell, new N3(1), 256, rounds, threads)),
            ("N4 256-512-512-256 ForwardBatch 256", cell => Forward(cell, new N4(1), 256, rounds, threads)),
            ("N3 ForwardBatch 256, one call per 5 ms", cell => Paced(cell, new N3(1), 256, rounds, threads)),
            ("N3 Trainer epoch, 4,096 rows, batch 256", cell => Epoch(cell, () => new N3(1), 4096, 256, 1, rounds, threads)),
            ("N4 Trainer epoch, 1,024 rows, batch 256", cell => Epoch(cell, () => new N4(1), 1024, 256, 1, Math.Max(3, rounds / 3), threads)),
            ("N3 Trainer, 4 epochs per call, 4,096 rows, batch 256", cell => Epoch(cell, () => new N3(1), 4096, 256, 4, Math.Max(3, rounds / 2), threads)),
            ("N4 Trainer, 4 epochs per call, 1,024 rows, batch 256", cell => Epoch(cell, () => new N4(1), 1024, 256, 4, Math.Max(3, rounds / 3), threads)),
        };
        foreach (var (name, measure) in cells.Where(c => c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
        {
            measure(name);
        }
    }

    private static void Forward(string cell, INetwork network, int rows, int rounds, int threads)
    {
        var inputs = RandomValues(rows * network.InputSize, seed: 1);
        var outputs = new float[rows * network.OutputSize];
        Compare(cell, rounds, threads,
            () => network.ForwardBatch(inputs, outputs),
            () => network.ForwardBatchParallel(inputs, outputs, threads));
    }

    /// <summary>
    /// A game's frame: one call, then a pause longer than the team's spin, so that every n-thread call wakes a sleeping
    /// team. Only the calls are timed; the forms alternate call by call.
    /// </summary>
    private static void Paced(string cell, INetwork network, int rows, int rounds, int threads)
    {
        const int CallsPerRound = 16;
        var inputs = RandomValues(rows * network.InputSize, seed: 1);
        var outputs = new float[rows * network.OutputSize];
        var serial = new List<double>();
        var parallel = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            double serialSum = 0, parallelSum = 0;
            for (int call = 0; call < CallsPerRound; call++)
            {
                Thread.Sleep(5);
                long before = Stopwatch.GetTimestamp();
                network.ForwardBatch(inputs, outputs);
                serialSum += Stopwatch.GetElapsedTime(before).TotalSeconds;
                Thread.Sleep(5);
                before = Stopwatch.GetTimestamp();
                network.ForwardBatchParallel(inputs, outputs, threads);
                parallelSum += Stopwatch.GetElapsedTime(before).TotalSeconds;
            }

            serial.Add(serialSum / CallsPerRound);
            parallel.Add(parallelSum / CallsPerRound);
        }

        double ratio = Median(serial.Zip(parallel, (s, p) => s / p));
        Console.WriteLine($"| {cell} | {Time(Median(serial))} | {Time(Median(parallel))} | {Median(serial) / Median(parallel):F2}× ({ratio:F2}×) | — | — |");
    }

    private static void Epoch(string cell, Func<INetwork> create, int rows, int batchSize, int epochs, int rounds, int threads)
    {
        var network = create();
        var data = new Dataset(RandomValues(rows * network.InputSize, seed: 2), RandomTargets(rows, network.OutputSize), network.InputSize, network.OutputSize);
        var start = network.Parameters.ToArray();
        Action train(int n) => () =>
        {
            start.CopyTo(network.Parameters);
            new Trainer(network, new Sgd(0.01f)) { MaxEpochs = epochs, BatchSize = batchSize, Threads = n }.Train(data);
        };
        Compare(cell, rounds, threads, train(1), train(threads));
    }

    private static void Compare(string cell, int rounds, int threads, Action serial, Action parallel)
    {
        // The calls per sample are counted on the tiered code: counted on the first, Tier0 calls, N3's forward took one
        // call per sample, so that each two-thread call came after more than the team's spin and found it asleep.
        WarmUp(serial, parallel, CallsPerSample(serial));
        int calls = CallsPerSample(serial);

        var serialSamples = new List<(double Wall, double Cpu)>();
        var parallelSamples = new List<(double Wall, double Cpu)>();
        for (int round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                serialSamples.Add(Sample(serial, calls));
                parallelSamples.Add(Sample(parallel, calls));
            }
            else
            {
                parallelSamples.Add(Sample(parallel, calls));
                serialSamples.Add(Sample(serial, calls));
            }
        }

        double serialMedian = Median(serialSamples.Select(s => s.Wall)) / calls;
        double parallelMedian = Median(parallelSamples.Select(s => s.Wall)) / calls;
        double ratio = Median(serialSamples.Zip(parallelSamples, (s, p) => s.Wall / p.Wall));
        double serialCores = Median(serialSamples.Select(s => s.Cpu / s.Wall));
        double parallelCores = Median(parallelSamples.Select(s => s.Cpu / s.Wall));
        double serialCpu = Median(serialSamples.Select(s => s.Cpu)) / calls;
        double parallelCpu = Median(parallelSamples.Select(s => s.Cpu)) / calls;
        Console.WriteLine($"| {cell} | {Time(serialMedian)} | {Time(parallelMedian)} | {serialMedian / parallelMedian:F2}× ({ratio:F2}×) | {serialCores:F2} / {parallelCores:F2} | {Time(serialCpu)} / {Time(parallelCpu)} |");
    }

    /// <summary>
    /// Runs both forms until tiered compilation has finished with them: until no method was compiled during two rounds
    /// in a row. Each round ends with a pause, since the background compiler needs a core that the forms, the n-thread
    /// one with its spinning team above all, keep busy; the first cell of a process otherwise measured Tier0 code.
    /// </summary>
    private static void WarmUp(Action serial, Action parallel, int calls)
    {
        long compiled = JitInfo.GetCompiledMethodCount();
        for (int round = 0, quiet = 0; round < 40 && quiet < 2; round++)
        {
            Sample(serial, calls);
            Sample(parallel, calls);
            Thread.Sleep(150);
            long now = JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
        }
    }

    private static int CallsPerSample(Action action)
    {
        var watch = Stopwatch.StartNew();
        int calls = 0;
        while (watch.Elapsed.TotalSeconds < SampleSeconds / 2 || calls < 2)
        {
            action();
            calls++;
        }

        return Math.Max(1, (int)(calls * SampleSeconds / watch.Elapsed.TotalSeconds));
    }

    private static (double Wall, double Cpu) Sample(Action action, int calls)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long before = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            action();
        }

        double wall = Stopwatch.GetElapsedTime(before).TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Time(double seconds) => seconds >= 1e-3 ? $"{seconds * 1e3:F2} ms" : $"{seconds * 1e6:F1} µs";

    private static float[] RandomValues(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    /// <summary>One-hot rows: valid targets for cross-entropy, and plain values for mean squared error.</summary>
    private static float[] RandomTargets(int rows, int outputs)
    {
        var random = new Random(3);
        return Dataset.OneHot(Enumerable.Range(0, rows).Select(_ => random.Next(outputs)).ToArray(), outputs);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
