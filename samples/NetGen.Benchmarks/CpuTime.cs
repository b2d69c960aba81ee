using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using NetGen.Benchmarks.Reporting;

namespace NetGen.Benchmarks;

/// <summary>
/// `-- --cputime [rounds]`: the side-by-side mode for a shared, oversubscribed machine. Every peer of a cell runs in
/// this one process, interleaved: after a warm-up past tiered compilation, each round times every method of the cell
/// in turn (the order rotating from round to round) on the thread's own CPU clock
/// (clock_gettime(CLOCK_THREAD_CPUTIME_ID), Linux), so that time spent waiting for a core is not counted and slow
/// phases of the machine hit every peer alike. Reports medians over the rounds (default 15), less the cost of an
/// empty delegate call, as the same tables as `--table`. Cache pollution from other processes still inflates the
/// numbers somewhat.
/// </summary>
internal static class CpuTime
{
    private const int ClockThreadCpuTimeId = 3;
    private const long RoundNanoseconds = 3_000_000;

    /// <summary>The fewest rounds whose medians hold still enough for the shortest calls (D16's forward: ~20 ns).</summary>
    public const int MinimumRounds = 10;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    private static long ThreadNs()
    {
        ClockGetTime(ClockThreadCpuTimeId, out var t);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    public static List<Measurement> Run(int rounds, Func<Suite.Method, bool> include)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("--cputime needs Linux (CLOCK_THREAD_CPUTIME_ID).");
        }

        Action empty = static () => { };
        WarmUp(empty);
        double overhead = MedianOfRounds([empty], rounds)[0];
        Console.Error.WriteLine($"empty delegate call: {overhead:F2} ns (subtracted)");
        var measurements = new List<Measurement>();
        foreach (var type in Suite.Types)
        {
            var methods = Suite.Prepare(type);
            foreach (var cell in methods.Where(include).GroupBy(m => m.Category))
            {
                var members = cell.ToList();
                foreach (var method in members) WarmUp(method.Call);
                double[] medians = MedianOfRounds(members.Select(m => m.Call).ToArray(), rounds);
                for (int i = 0; i < members.Count; i++)
                {
                    measurements.Add(new Measurement(type.Name, members[i].Name, Math.Max(medians[i] - overhead, 0.01)));
                    Console.Error.WriteLine($"{type.Name,-14} {members[i].Name,-28} {medians[i] - overhead,14:N1} ns");
                }
            }

            Suite.Cleanup(methods);
        }

        return measurements;
    }

    private static void WarmUp(Action call)
    {
        // Past tiered compilation (Tier0 → instrumented → Tier1). On an oversubscribed machine wall-clock warm-ups are
        // not enough (the thread and the background JIT barely run), so count the thread's CPU time, and sleep between
        // rounds so that the background compiler gets a core.
        for (int round = 0; round < 3; round++)
        {
            long begin = ThreadNs();
            while (ThreadNs() - begin < 30_000_000)
            {
                for (int i = 0; i < 8; i++) call();
            }

            Thread.Sleep(150);
        }
    }

    /// <summary>Per call, the median over <paramref name="rounds"/> of each method's time in a round.</summary>
    private static double[] MedianOfRounds(Action[] calls, int rounds)
    {
        var counts = new int[calls.Length];
        for (int i = 0; i < calls.Length; i++)
        {
            long start = ThreadNs();
            int probe = 0;
            while (ThreadNs() - start < RoundNanoseconds / 4)
            {
                calls[i]();
                probe++;
            }

            counts[i] = Math.Max(1, probe * 4);
        }

        var samples = new double[calls.Length][];
        for (int i = 0; i < calls.Length; i++) samples[i] = new double[rounds];
        for (int round = 0; round < rounds; round++)
        {
            for (int k = 0; k < calls.Length; k++)
            {
                int i = (k + round) % calls.Length;
                Action call = calls[i];
                int n = counts[i];
                long t0 = ThreadNs();
                for (int c = 0; c < n; c++) call();
                samples[i][round] = (double)(ThreadNs() - t0) / n;
            }
        }

        return samples.Select(s =>
        {
            Array.Sort(s);
            return s[s.Length / 2];
        }).ToArray();
    }
}
