using System.Diagnostics;
using System.Globalization;

namespace NetGen.ColdStart;

/// <summary>
/// What a fresh process measures and prints as one line of nanoseconds: the time from the parent's launch to
/// <c>Main</c>, the construction, the first <c>Forward</c>, calls 2…<see cref="Calls"/> one by one, and the steady
/// state (the median of 1,000 single calls once tiered compilation has settled), all with the same timer.
/// </summary>
internal static class Child
{
    public const int Calls = 200;

    public static void Run(string network, long launchTimestamp, long entryTimestamp)
    {
        long[] line = network switch
        {
            "N1" => Measure(() => new N1(), N1.InputSize, N1.OutputSize, launchTimestamp, entryTimestamp),
            "N3" => Measure(() => new N3(), N3.InputSize, N3.OutputSize, launchTimestamp, entryTimestamp),
            _ => throw new ArgumentException($"Unknown network '{network}': N1 or N3.", nameof(network)),
        };
        Console.WriteLine(string.Join(' ', line.Select(v => v.ToString(CultureInfo.InvariantCulture))));
    }

    private static long[] Measure<T>(Func<T> construct, int inputs, int outputs, long launch, long entry)
        where T : INetwork
    {
        var input = new float[inputs];
        for (int i = 0; i < inputs; i++) input[i] = (i % 7 - 3) * 0.1f;
        var output = new float[outputs];
        var times = new List<long>(Calls + 4);

        long t0 = Stopwatch.GetTimestamp();
        T net = construct();
        long t1 = Stopwatch.GetTimestamp();
        net.Forward(input, output);
        long t2 = Stopwatch.GetTimestamp();
        times.Add(Nanoseconds(entry - launch));
        times.Add(Nanoseconds(t1 - t0));
        times.Add(Nanoseconds(t2 - t1));
        for (int call = 2; call <= Calls; call++)
        {
            long start = Stopwatch.GetTimestamp();
            net.Forward(input, output);
            times.Add(Nanoseconds(Stopwatch.GetTimestamp() - start));
        }

        // Steady state: let tiered compilation promote the kernels (call counting starts 100 ms after the last tier-0
        // compile; the background compiler needs a core), then time single calls the same way.
        for (int round = 0; round < 6; round++)
        {
            var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 20;
            while (Stopwatch.GetTimestamp() < until) net.Forward(input, output);
            Thread.Sleep(100);
        }

        var steady = new long[1000];
        for (int i = 0; i < steady.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            net.Forward(input, output);
            steady[i] = Nanoseconds(Stopwatch.GetTimestamp() - start);
        }

        Array.Sort(steady);
        times.Add(steady[steady.Length / 2]);
        GC.KeepAlive(output);
        return [.. times];
    }

    private static long Nanoseconds(long ticks) => (long)(ticks * (1e9 / Stopwatch.Frequency));
}
