using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace NetGen.ColdStart;

/// <summary>
/// What a fresh process measures and prints as one line: the time from the parent's launch to <c>Main</c>, the
/// construction, calls 1…<see cref="Calls"/> of <c>Forward</c> one by one, and the steady state (the median of 1,000
/// single calls once tiered compilation has settled), all in nanoseconds of the same timer; then, for the
/// construction, the first call and the second, how many methods the JIT compiled and the nanoseconds it spent.
/// </summary>
internal static class Child
{
    public const int Calls = 200;

    public static void Run(string network, long launchTimestamp, long entryTimestamp)
    {
        long[] line = network switch
        {
            "N1" => Measure<N1Caller>(launchTimestamp, entryTimestamp),
            "N3" => Measure<N3Caller>(launchTimestamp, entryTimestamp),
            _ => throw new ArgumentException($"Unknown network '{network}': N1 or N3.", nameof(network)),
        };
        Console.WriteLine(string.Join(' ', line.Select(v => v.ToString(CultureInfo.InvariantCulture))));
    }

    // TCaller is a struct, so this method is compiled for each network and calls its Forward directly, as a game
    // holding the network in a field does. Through INetwork from shared generic code, the second call also paid
    // 15–100 µs of interface-dispatch stub work (RESULTS.md).
    private static long[] Measure<TCaller>(long launch, long entry)
        where TCaller : struct, ICaller
    {
        var input = new float[TCaller.InputSize];
        for (int i = 0; i < input.Length; i++) input[i] = (i % 7 - 3) * 0.1f;
        var output = new float[TCaller.OutputSize];
        var times = new List<long>(Calls + 10);
        var jit = new JitSnapshot[4];
        TCaller caller = default;

        jit[0] = JitSnapshot.Take();
        long start = Stopwatch.GetTimestamp();
        caller.Construct();
        long constructed = Stopwatch.GetTimestamp();
        jit[1] = JitSnapshot.Take();
        times.Add(Nanoseconds(entry - launch));
        times.Add(Nanoseconds(constructed - start));
        for (int call = 1; call <= Calls; call++)
        {
            start = Stopwatch.GetTimestamp();
            caller.Forward(input, output);
            times.Add(Nanoseconds(Stopwatch.GetTimestamp() - start));
            if (call < jit.Length - 1) jit[call + 1] = JitSnapshot.Take();
        }

        // Steady state: let tiered compilation promote the kernels (call counting starts 100 ms after the last tier-0
        // compile; the background compiler needs a core), then time single calls the same way.
        for (int round = 0; round < 6; round++)
        {
            var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 20;
            while (Stopwatch.GetTimestamp() < until) caller.Forward(input, output);
            Thread.Sleep(100);
        }

        var steady = new long[1000];
        for (int i = 0; i < steady.Length; i++)
        {
            start = Stopwatch.GetTimestamp();
            caller.Forward(input, output);
            steady[i] = Nanoseconds(Stopwatch.GetTimestamp() - start);
        }

        Array.Sort(steady);
        times.Add(steady[steady.Length / 2]);
        for (int phase = 1; phase < jit.Length; phase++)
        {
            times.Add(jit[phase].Methods - jit[phase - 1].Methods);
            times.Add(jit[phase].Nanoseconds - jit[phase - 1].Nanoseconds);
        }

        GC.KeepAlive(output);
        return [.. times];
    }

    private static long Nanoseconds(long ticks) => (long)(ticks * (1e9 / Stopwatch.Frequency));

    /// <summary>Constructs one network and calls its <c>Forward</c> through the concrete class.</summary>
    private interface ICaller
    {
        static abstract int InputSize { get; }

        static abstract int OutputSize { get; }

        void Construct();

        void Forward(float[] input, float[] output);
    }

    private struct N1Caller : ICaller
    {
        private N1? _network;

        public static int InputSize => N1.InputSize;

        public static int OutputSize => N1.OutputSize;

        public void Construct() => _network = new N1();

        public readonly void Forward(float[] input, float[] output) => _network!.Forward(input, output);
    }

    private struct N3Caller : ICaller
    {
        private N3? _network;

        public static int InputSize => N3.InputSize;

        public static int OutputSize => N3.OutputSize;

        public void Construct() => _network = new N3();

        public readonly void Forward(float[] input, float[] output) => _network!.Forward(input, output);
    }

    /// <summary>The JIT's totals for the whole process: every thread, background tier-1 compiles included.</summary>
    private readonly record struct JitSnapshot(long Methods, long Nanoseconds)
    {
        public static JitSnapshot Take() => new(JitInfo.GetCompiledMethodCount(), (long)JitInfo.GetCompilationTime().TotalNanoseconds);
    }
}
