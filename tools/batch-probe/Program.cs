using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetGen;
using NetGen.Benchmarks;
using NetGen.Kernels;

// Thread CPU time per call: medians of 21 rounds of about 20 ms each, one kind of call at a time, or of 41 rounds of
// 5 ms with the variants of one measurement interleaved round by round. `suite`: calls in the suite's rounds with
// other work between them (SuiteRounds.cs); `phases`: each step of a call after 9 ms of a spin and warm.
const int Rows = 64;
if (args is ["calls", var network, var count])
{
    // A fixed number of ForwardBatch calls and nothing else, for instruction counts (valgrind --tool=callgrind).
    var call = Calls(network);
    for (var i = 0; i < int.Parse(count); i++)
    {
        call();
    }

    return;
}

if (args is ["forward-hash"])
{
    // The bits of every network's ForwardBatch outputs over 1, 7, 31, 64 and 100 rows (FNV-1a), for A/B checks.
    INetwork[] networks = [new N1(1), new N2(1), new N3(1), new N4(1), new D16(1)];
    foreach (var net in networks)
    {
        var hash = 14695981039346656037ul;
        foreach (var rows in (int[])[1, 7, 31, 64, 100])
        {
            var inputs = Probe.Values(rows * net.InputSize);
            var outputs = new float[rows * net.OutputSize];
            net.ForwardBatch(inputs, outputs);
            foreach (var value in outputs)
            {
                hash = (hash ^ (uint)BitConverter.SingleToInt32Bits(value)) * 1099511628211ul;
            }
        }

        Console.WriteLine($"{net.GetType().Name} ForwardBatch hash {hash:x16}");
    }

    return;
}

if (args is ["train-calls", var trained, var steps, ..] && args.Length <= 4)
{
    // A fixed number of 32-row steps (SGD, or "momentum" or "adam") and nothing else, for profiles (perf record).
    TrainPhases.Calls(trained, int.Parse(steps), args.Length == 4 ? args[3] : "sgd");
    return;
}

var peak = 2.0 * Vector256<float>.Count * FmaChains.Accumulators * FmaChains.Iterations / Probe.Median(() => Probe.FmaPeak());
Console.WriteLine($"FMA peak (Vector256, 12 accumulators): {peak:F1} GFLOP/s");

if (args is ["one-layer"])
{
    OneLayers.Run();
    return;
}

if (args is ["phases"])
{
    ColdPhases.Run();
    return;
}

if (args is ["collapse"])
{
    Placement.Collapse();
    return;
}

if (args is ["place"])
{
    Placement.Run(peak);
    return;
}

if (args is ["suite"])
{
    SuiteRounds.Run(peak);
    return;
}

if (args is ["dx-tile" or "dw-tile"])
{
    // Micro-kernels of the batch-32 step's dX and dW on Vector256 (CopyingTile.cs, WeightTile.cs).
    if (args[0] == "dx-tile")
    {
        CopyingTile.Run(peak);
    }
    else
    {
        WeightTile.Run(peak);
    }

    return;
}

if (args is ["n3"])
{
    N3Parts.Run(peak);
    return;
}

if (args is ["n1"])
{
    N1Parts.Run(peak);
    return;
}

if (args is ["train"])
{
    TrainPhases.Run(peak);
    return;
}

var n3 = new N3(1);
var n4 = new N4(1);
var (x3, y3) = (Probe.Values(Rows * 784), new float[Rows * 10]);
var (x4, y4) = (Probe.Values(Rows * 256), new float[Rows * 256]);
Report("N3 ForwardBatch 64", Probe.Median(() => n3.ForwardBatch(x3, y3)), 2.0 * Rows * ((784 * 128) + (128 * 10)));
var n4Flops = 2.0 * Rows * ((256 * 512) + (512 * 512) + (512 * 256));
Report("N4 ForwardBatch 64", Probe.Median(() => n4.ForwardBatch(x4, y4)), n4Flops);

var panelRows = ColumnKernels.PanelRows(32);
var n4Weights = n4.Parameters.ToArray();

// N4's 64 rows through the three layers in blocks of 1, 2 and 4 panels, interleaved round by round in this process.
void N4Blocks(int panels)
{
    ref var columns = ref Probe.Aligned(512 * panelRows * panels, 0);
    ref var hidden = ref Probe.Aligned(512 * panelRows * panels, 16);
    var rows = panels * panelRows;
    for (var row = 0; row < Rows; row += rows)
    {
        ColumnKernels.Transpose(x4.AsSpan(row * 256, rows * 256), ref columns, 256, panelRows);
        ColumnKernels.Forward(ref n4Weights[0], ref n4Weights[131072], ref columns, ref hidden, 256, 512, panelRows, panels, default(ReluFunction));
        ColumnKernels.Forward(ref n4Weights[131584], ref n4Weights[393728], ref hidden, ref columns, 512, 512, panelRows, panels, default(ReluFunction));
        ColumnKernels.Forward(ref n4Weights[394240], ref n4Weights[525312], ref columns, ref hidden, 512, 256, panelRows, panels, default(IdentityFunction));
        ColumnKernels.TransposeBack(ref hidden, y4.AsSpan(row * 256, rows * 256), 256, panelRows);
    }
}

if (args is ["chain"])
{
    // N4's ForwardBatch against the same kernels chained on heap buffers, interleaved round by round: what the call
    // adds to its layers (stack buffers, the transposes' rows, the hints between blocks).
    var chainNs = Probe.Interleaved([() => n4.ForwardBatch(x4, y4), () => N4Blocks(1), () => n4.ForwardBatch(x4, y4), () => N4Blocks(1)]);
    Report("N4 ForwardBatch 64", chainNs[0], n4Flops);
    Report("N4 chain, blocks of 1 panel", chainNs[1], n4Flops);
    Report("N4 ForwardBatch 64 again", chainNs[2], n4Flops);
    Report("N4 chain again", chainNs[3], n4Flops);
    return;
}

var blocks = new[] { 1, 2, 4 }.Where(panels => panels * panelRows <= Rows).ToArray();
var blockNs = Probe.Interleaved(blocks.Select(panels => (Action)(() => N4Blocks(panels))).ToArray());
for (var i = 0; i < blocks.Length; i++)
{
    Report($"N4 layers, blocks of {blocks[i]} panels", blockNs[i], n4Flops);
}

var layers = args.Length > 0 ? args[0] : "784x128,128x10,256x512,512x512,512x256,512x48";
foreach (var shape in layers.Split(','))
{
    var inputs = int.Parse(shape.Split('x')[0]);
    var outputs = int.Parse(shape.Split('x')[1]);
    var weights = Probe.Values(inputs * outputs);
    var bias = Probe.Values(outputs);
    var rows = Probe.Values(panelRows * inputs);
    var flops = 2.0 * panelRows * inputs * outputs;
    Report($"{inputs}→{outputs} panel, ReLU", Probe.Median(() => ColumnKernels.Forward(ref weights[0], ref bias[0], ref Probe.Aligned(inputs * panelRows, 0), ref Probe.Aligned(outputs * panelRows, 0), inputs, outputs, panelRows, 1, default(ReluFunction))), flops);
    Report($"{inputs}→{outputs} panel, identity", Probe.Median(() => ColumnKernels.Forward(ref weights[0], ref bias[0], ref Probe.Aligned(inputs * panelRows, 0), ref Probe.Aligned(outputs * panelRows, 0), inputs, outputs, panelRows, 1, default(IdentityFunction))), flops);
    Report($"{inputs} × {panelRows} transpose in", Probe.Median(() => ColumnKernels.Transpose(rows, ref Probe.Aligned(inputs * panelRows, 0), inputs, panelRows)), 0);
}

static Action Calls(string network)
{
    INetwork net = network == "N3" ? new N3(1) : new N4(1);
    var inputs = Probe.Values(Rows * net.InputSize);
    var outputs = new float[Rows * net.OutputSize];
    return () => net.ForwardBatch(inputs, outputs);
}

void Report(string what, double ns, double flops) =>
    Console.WriteLine(flops > 0
        ? $"{what,-36} {ns / 1000,10:F2} µs  {flops / ns,6:F1} GFLOP/s  {100 * flops / ns / peak,4:F0} % of the peak"
        : $"{what,-36} {ns / 1000,10:F2} µs");

internal static class Probe
{
    private static readonly Dictionary<(int, int), float[]> Arrays = [];

    public static float[] Values(int length, int seed = 3)
    {
        if (!Arrays.TryGetValue((length, seed), out var values))
        {
            var random = new Random(seed + length);
            values = Enumerable.Range(0, length).Select(_ => seed == 0 ? 0f : (float)random.NextDouble() - 0.5f).ToArray();
            Arrays[(length, seed)] = values;
        }

        return values;
    }

    private static readonly Dictionary<(int, int), nint> Native = [];

    /// <summary>A buffer of <paramref name="length"/> floats that starts <paramref name="offset"/> floats past a 64-byte boundary.</summary>
    public static unsafe ref float Aligned(int length, int offset)
    {
        if (!Native.TryGetValue((length, offset), out var start))
        {
            start = (nint)NativeMemory.AlignedAlloc((nuint)((length + 16) * sizeof(float)), 64) + (offset * sizeof(float));
            new Span<float>((void*)start, length).Fill(0.25f);
            Native[(length, offset)] = start;
        }

        return ref *(float*)start;
    }

    /// <summary>The address of <paramref name="value"/> (native memory that does not move) and back.</summary>
    public static unsafe nint Pointer(ref float value) => (nint)Unsafe.AsPointer(ref value);

    public static unsafe ref float At(nint address) => ref *(float*)address;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    public static long Now() => ThreadNs();

    private static long ThreadNs()
    {
        ClockGetTime(3, out var t);
        return (t.Seconds * 1_000_000_000) + t.Nanoseconds;
    }

    /// <summary>Nanoseconds of thread CPU time per call.</summary>
    public static double Median(Action call)
    {
        for (var warm = 0; warm < 3; warm++)
        {
            var until = ThreadNs() + 100_000_000;
            while (ThreadNs() < until)
            {
                call();
            }

            Thread.Sleep(150);
        }

        var start = ThreadNs();
        var calls = 0;
        while (ThreadNs() - start < 20_000_000)
        {
            call();
            calls++;
        }

        var samples = new double[21];
        for (var round = 0; round < samples.Length; round++)
        {
            var begin = ThreadNs();
            for (var i = 0; i < calls; i++)
            {
                call();
            }

            samples[round] = (double)(ThreadNs() - begin) / calls;
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
    }

    /// <summary>Nanoseconds of thread CPU time per call of each, the calls interleaved round by round so that each sees the same machine.</summary>
    public static double[] Interleaved(Action[] calls) =>
        InterleavedSamples(calls).Select(s => s.Order().ElementAt(s.Length / 2)).ToArray();

    /// <summary>Interleaved rounds: 41, or <c>PROBE_ROUNDS</c>.</summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("PROBE_ROUNDS"), out var rounds) ? rounds : 41;

    /// <summary>Every round's nanoseconds of thread CPU time per call of each, interleaved round by round.</summary>
    public static double[][] InterleavedSamples(Action[] calls) => InterleavedSamples(calls, 1);

    /// <summary>
    /// As <see cref="InterleavedSamples(Action[])"/>, reading the clock after every <paramref name="batch"/> calls
    /// rather than after each: the thread's CPU clock is a system call of ~0.7 µs in this VM.
    /// </summary>
    public static double[][] InterleavedSamples(Action[] calls, int batch)
    {
        foreach (var call in calls)
        {
            Median(call);
        }

        var samples = new double[calls.Length][];
        for (var c = 0; c < calls.Length; c++)
        {
            samples[c] = new double[Rounds];
        }

        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < calls.Length; c++)
            {
                var which = (c + round) % calls.Length;
                var begin = ThreadNs();
                var count = 0;
                while (ThreadNs() - begin < 5_000_000)
                {
                    for (var i = 0; i < batch; i++)
                    {
                        calls[which]();
                    }

                    count += batch;
                }

                samples[which][round] = (double)(ThreadNs() - begin) / count;
            }
        }

        return samples;
    }

    /// <summary>A native buffer of <paramref name="floats"/> (and 8 KiB of slack), zeroed, that starts <paramref name="offset"/> bytes past a 4 KiB page.</summary>
    public static unsafe float* PageAligned(int floats, int offset)
    {
        var start = (byte*)NativeMemory.AlignedAlloc((nuint)((floats * sizeof(float)) + 8192), 4096);
        new Span<byte>(start, (floats * sizeof(float)) + 8192).Clear();
        return (float*)(start + offset);
    }

    /// <summary>The first variant and those whose indices <c>PROBE_VARIANTS</c> lists (all without it).</summary>
    public static List<T> Chosen<T>(List<T> variants)
    {
        var filter = Environment.GetEnvironmentVariable("PROBE_VARIANTS");
        if (filter is null)
        {
            return variants;
        }

        var chosen = filter.Split(',').Select(int.Parse).ToHashSet();
        return variants.Where((_, i) => i == 0 || chosen.Contains(i)).ToList();
    }

    /// <summary>
    /// Variants interleaved round by round: each one's median and fastest round, its speed, its median over the
    /// first's, and the median of its rounds' ratios to the first's in the same round.
    /// </summary>
    public static void AgainstFirst(string title, IReadOnlyList<string> names, IReadOnlyList<double> flops, Action[] calls, double peak, int batch = 1)
    {
        var samples = InterleavedSamples(calls, batch);
        var baseline = samples[0].Order().ElementAt(samples[0].Length / 2);
        Console.WriteLine($"{title,-56} {"median µs",10} {"fastest",9} {"GFLOP/s",8} {"% peak",7} {"÷ first",8} {"rounds ÷",9}");
        for (var i = 0; i < calls.Length; i++)
        {
            var sorted = samples[i].Order().ToArray();
            var median = sorted[sorted.Length / 2];
            var paired = samples[i].Zip(samples[0], (a, b) => a / b).Order().ElementAt(samples[i].Length / 2);
            Console.WriteLine($"{names[i],-56} {median / 1000,10:F2} {sorted[0] / 1000,9:F2} {flops[i] / median,8:F1} {100 * flops[i] / median / peak,6:F0}% {median / baseline,8:F3} {paired,9:F3}");
        }
    }

    public static float FmaPeak() => FmaChains.Run(Vector256.Create(1f), Vector256.Create(0.999f), Vector256.Create(1e-3f)).ToScalar();
}
