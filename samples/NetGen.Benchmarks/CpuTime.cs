using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

/// <summary>
/// `-- --cputime`: a cross-check for a shared, oversubscribed machine. Wall-clock timings (BenchmarkDotNet) include
/// the time this thread waits for a core; this mode times every benchmark method with the thread's own CPU clock
/// (clock_gettime(CLOCK_THREAD_CPUTIME_ID), Linux), reports the median of 11 repetitions, and subtracts the cost of
/// an empty delegate call. Cache pollution from other processes still inflates the numbers somewhat.
/// </summary>
internal static class CpuTime
{
    private const int ClockThreadCpuTimeId = 3;

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

    public static void Run()
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("--cputime needs Linux (CLOCK_THREAD_CPUTIME_ID).");
            return;
        }

        Action empty = static () => { };
        double overhead = Median(empty);
        Console.WriteLine($"empty delegate call: {overhead:F2} ns (subtracted below)");
        Console.WriteLine($"| Network | Method | CPU ns/call (median of 11) |");
        Console.WriteLine($"|---|---|---:|");
        foreach (var type in new[] { typeof(N1Benchmarks), typeof(N2Benchmarks), typeof(N3Benchmarks), typeof(N4Benchmarks) })
        {
            var instance = (NetworkBenchmarks)Activator.CreateInstance(type)!;
            instance.Setup();
            var methods = new List<MethodInfo>();
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<BenchmarkAttribute>() is not null)
                {
                    methods.Add(method);
                }
            }

            methods.Sort((a, b) => string.CompareOrdinal(Category(a) + a.Name, Category(b) + b.Name));
            foreach (var method in methods)
            {
                Action call = method.ReturnType == typeof(void)
                    ? (Action)method.CreateDelegate(typeof(Action), instance)
                    : Wrap((Func<float>)method.CreateDelegate(typeof(Func<float>), instance));
                double ns = Median(call) - overhead;
                Console.WriteLine($"| {type.Name.Replace("Benchmarks", "")} | {method.Name} | {ns:N1} |");
            }
        }
    }

    private static string Category(MethodInfo method) =>
        method.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories[0] ?? "";

    private static Action Wrap(Func<float> f) => () => f();

    private static double Median(Action call)
    {
        // Warm up past tiered compilation (Tier0 → instrumented → Tier1). On an oversubscribed machine wall-clock
        // warm-ups are not enough (the thread and the background JIT barely run), so count the thread's CPU time,
        // and sleep between rounds so that the background compiler gets a core.
        for (int round = 0; round < 4; round++)
        {
            long begin = ThreadNs();
            while (ThreadNs() - begin < 40_000_000)
            {
                for (int i = 0; i < 8; i++) call();
            }

            Thread.Sleep(250);
        }

        // Calls per repetition: about 15 ms of CPU.
        long start = ThreadNs();
        int probe = 0;
        while (ThreadNs() - start < 2_000_000)
        {
            call();
            probe++;
        }

        int calls = Math.Max(1, (int)(probe * 7.5));
        var samples = new double[11];
        for (int s = 0; s < samples.Length; s++)
        {
            long t0 = ThreadNs();
            for (int i = 0; i < calls; i++) call();
            samples[s] = (double)(ThreadNs() - t0) / calls;
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
