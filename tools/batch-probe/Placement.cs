using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen;
using NetGen.Benchmarks;

/// <summary>
/// Whether where N4's memory lands decides its speed. `place`: the parameters', inputs', outputs' and stack's addresses
/// mod 4 KiB and mod 2 MiB, the L2 colours of their pages (physical frame mod 16 from /proc/self/pagemap, as root)
/// and their transparent huge pages; then, interleaved call by call, ForwardBatch of 64 rows, the same layers with
/// the panels on 4 KiB pages or on a 2 MiB page and the weights on 4 KiB pages or copied onto a 2 MiB page, FMA
/// chains, an L3 and an L2 read, and ForwardBatch from a stack moved down by <c>PROBE_PADS</c> bytes (which moves its
/// panels mod 4 KiB). <c>PROBE_REPEAT</c> repeats the measurement in the same process. `collapse`: ForwardBatch and the
/// 32-row SGD step of instances whose parameters and gradients were collapsed onto 2 MiB pages in place
/// (MADV_COLLAPSE, Linux 6.1+) against instances on 4 KiB pages.
/// </summary>
internal static unsafe class Placement
{
    private const int Rounds = 400;

    private const int FmaCalls = 50;

    public static nint Sink;

    public static void Run(double peak)
    {
        const int rows = 64;
        var n4 = new N4(1);
        var x4 = Probe.Values(rows * 256);
        var y4 = new float[rows * 256];
        var flops = 2.0 * rows * ((256 * 512) + (512 * 512) + (512 * 256));
        var parameters = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(n4.Parameters));
        var local = 0;
        var stack = (nint)(&local);
        Console.WriteLine($"parameters {Where(parameters)} {Colours(parameters, N4.ParameterCount * sizeof(float))}");
        var warm = Probe.Median(() => n4.ForwardBatch(x4, y4));
        Console.WriteLine($"inputs     {Where((nint)Unsafe.AsPointer(ref x4[0]))} {Colours((nint)Unsafe.AsPointer(ref x4[0]), x4.Length * sizeof(float))}");
        Console.WriteLine($"outputs    {Where((nint)Unsafe.AsPointer(ref y4[0]))} {Colours((nint)Unsafe.AsPointer(ref y4[0]), y4.Length * sizeof(float))}");
        Console.WriteLine($"stack      {Where(stack)} {Colours(stack - (160 * 1024), 160 * 1024)}");
        Console.WriteLine($"THP of the parameters' mapping: {HugeKilobytes(parameters)}");
        Console.WriteLine($"warm back to back: {warm / 1000:F1} µs, {100 * flops / warm / peak:F1} % of the peak");
        if (Environment.GetEnvironmentVariable("PROBE_PADS") == "0")
        {
            return;
        }

        var pads = (Environment.GetEnvironmentVariable("PROBE_PADS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var huge = HugeBuffer(4 << 20);
        var small = (nint)NativeMemory.AlignedAlloc(1 << 20, 4096);
        Console.WriteLine($"THP buffer {Where(huge)} {Colours(huge, 128 * 1024)} {HugeKilobytes(huge)}");
        Console.WriteLine($"4K buffer  {Where(small)}");
        // The parameters copied onto huge pages too: the same values, their pages' colours even.
        var hugeWeights = huge + (2 << 20);
        n4.Parameters.CopyTo(new Span<float>((void*)hugeWeights, N4.ParameterCount));
        var names = new List<string> { "ForwardBatch (stack)", "chain, 4 KiB pages", "chain, THP", "chain, 4 KiB, THP weights", "chain, THP, THP weights" };
        var calls = new List<Action>
        {
            () => n4.ForwardBatch(x4, y4),
            () => Chain(ref MemoryMarshal.GetReference(n4.Parameters), x4, y4, small),
            () => Chain(ref MemoryMarshal.GetReference(n4.Parameters), x4, y4, huge),
            () => Chain(ref *(float*)hugeWeights, x4, y4, small),
            () => Chain(ref *(float*)hugeWeights, x4, y4, huge),
            () =>
            {
                for (var i = 0; i < FmaCalls; i++)
                {
                    Probe.FmaPeak();
                }
            },
        };
        names.Add("FMA chains");
        // What the other tenants leave of the caches: 8 MiB read (L3), 256 KiB read eight times (L2).
        var l3 = Probe.Values(2 << 20);
        var l2 = Probe.Values(64 << 10);
        calls.Add(() => Sink += (nint)Read(l3, 1));
        names.Add("8 MiB read");
        calls.Add(() => Sink += (nint)Read(l2, 8));
        names.Add("256 KiB read × 8");
        foreach (var pad in pads)
        {
            names.Add($"ForwardBatch, stack {pad} B down");
            calls.Add(() => Padded(pad, n4, x4, y4));
        }

        // PROBE_REPEAT: the measurement again and again in this process, one line each: whether a slow process stays slow.
        var repeats = int.TryParse(Environment.GetEnvironmentVariable("PROBE_REPEAT"), out var r) ? r : 0;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var again = Interleaved(calls.ToArray());
            Console.WriteLine($"repeat {repeat,2} {DateTime.UtcNow:HH:mm:ss} p10 µs: {string.Join(" ", again.Select(m => $"{m.Low / 1000:F1}"))}");
        }

        var medians = Interleaved(calls.ToArray());
        var fma = medians[names.IndexOf("FMA chains")].Low;
        var lowPeak = 2.0 * 8 * FmaChains.Accumulators * FmaChains.Iterations * FmaCalls / fma;
        Console.WriteLine($"FMA peak from the interleaved calls' 10th percentile: {lowPeak:F1} GFLOP/s");
        peak = lowPeak;
        Console.WriteLine($"stack pages of the panels: {Colours(stack - (136 * 1024), 64 * 1024)} / {Colours(stack - (72 * 1024), 64 * 1024)}");
        for (var c = 0; c < names.Count; c++)
        {
            var (low, median) = medians[c];
            Console.WriteLine($"{names[c],-34} p10 {low / 1000,8:F1} µs {low / medians[0].Low,7:F3} {100 * flops / low / peak,5:F1} %   median {median / 1000,8:F1} µs {median / medians[0].Median,7:F3}");
        }
    }

    /// <summary>
    /// Each call timed alone, the calls interleaved one by one for <see cref="Rounds"/> rounds: the 10th percentile
    /// and the median of each. On a loaded machine the low percentile is the calls no other process interrupted.
    /// </summary>
    private static (double Low, double Median)[] Interleaved(Action[] calls)
    {
        var samples = new double[calls.Length][];
        for (var c = 0; c < calls.Length; c++)
        {
            samples[c] = new double[Rounds];
            for (var i = 0; i < 20; i++)
            {
                calls[c]();
            }
        }

        // A new random order each round, so that no kind of call always follows the same other kind.
        var random = new Random(7);
        var order = Enumerable.Range(0, calls.Length).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            random.Shuffle(order);
            for (var c = 0; c < calls.Length; c++)
            {
                var which = order[c];
                // A call of the same kind first, so that none starts on the caches another kind left.
                calls[which]();
                var begin = Probe.Now();
                calls[which]();
                samples[which][round] = Probe.Now() - begin;
            }
        }

        return samples.Select(s => s.Order().ToArray()).Select(s => (s[Rounds / 10], s[Rounds / 2])).ToArray();
    }

    private static float Read(float[] values, int times)
    {
        var sum = System.Runtime.Intrinsics.Vector256<float>.Zero;
        ref var first = ref values[0];
        for (var time = 0; time < times; time++)
        {
            for (nuint i = 0; i < (nuint)values.Length; i += 32)
            {
                sum += System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref first, i) + System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref first, i + 8)
                    + System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref first, i + 16) + System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref first, i + 24);
            }
        }

        return System.Runtime.Intrinsics.Vector256.Sum(sum);
    }

    /// <summary>N4's 64 rows as ForwardBatch runs them, in blocks of 128 KiB of panels, with the panels at <paramref name="buffer"/>.</summary>
    private static void Chain(ref float w, float[] x, float[] y, nint buffer)
    {
        var panelRows = NetGen.Kernels.ColumnKernels.PanelRows(32);
        var panels = 32 / panelRows;
        var rows = panels * panelRows;
        ref var columns = ref *(float*)buffer;
        ref var hidden = ref *(float*)(buffer + (512 * rows * sizeof(float)));
        for (var row = 0; row < 64; row += rows)
        {
            NetGen.Kernels.ColumnKernels.Transpose(x.AsSpan(row * 256, rows * 256), ref columns, 256, panelRows);
            NetGen.Kernels.ColumnKernels.Forward(ref w, ref Unsafe.Add(ref w, 131072), ref columns, ref hidden, 256, 512, panelRows, panels, default(NetGen.Kernels.ReluFunction));
            NetGen.Kernels.ColumnKernels.Forward(ref Unsafe.Add(ref w, 131584), ref Unsafe.Add(ref w, 393728), ref hidden, ref columns, 512, 512, panelRows, panels, default(NetGen.Kernels.ReluFunction));
            NetGen.Kernels.ColumnKernels.Forward(ref Unsafe.Add(ref w, 394240), ref Unsafe.Add(ref w, 525312), ref columns, ref hidden, 512, 256, panelRows, panels, default(NetGen.Kernels.IdentityFunction));
            NetGen.Kernels.ColumnKernels.TransposeBack(ref hidden, y.AsSpan(row * 256, rows * 256), 256, panelRows);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern nint mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    private static extern int madvise(nint address, nuint length, int advice);

    /// <summary>A 2 MiB-aligned anonymous buffer advised for transparent huge pages, touched.</summary>
    internal static nint HugeBuffer(int bytes)
    {
        var raw = mmap(0, (nuint)(bytes + (2 << 20)), 3, 0x22, -1, 0);
        var aligned = (raw + (2 << 20) - 1) & ~(nint)((2 << 20) - 1);
        var advised = madvise(aligned, (nuint)bytes, 14);
        new Span<byte>((void*)aligned, bytes).Fill(0);
        Console.WriteLine($"madvise(MADV_HUGEPAGE) = {advised}");
        return aligned;
    }

    /// <summary>
    /// `collapse`: N4's ForwardBatch of 64 rows and its SGD step of 32 through the library as it is, on instances whose
    /// parameters and gradients stay on 4 KiB pages and on instances whose pages under them were collapsed into 2 MiB
    /// pages in place (madvise MADV_COLLAPSE, Linux 6.1+), interleaved call by call.
    /// </summary>
    public static void Collapse()
    {
        var plain = new N4(1);
        var huge = new N4(1);
        var plain2 = new N4(1);
        var huge2 = new N4(1);
        foreach (var network in new[] { huge, huge2 })
        {
            CollapseUnder(network.Parameters);
            CollapseUnder(network.Gradients);
        }

        foreach (var network in new[] { plain, plain2 })
        {
            var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(network.Parameters));
            Console.WriteLine($"4 KiB pages: {Where(start)} {Colours(start, N4.ParameterCount * sizeof(float))}");
        }
        var x = Probe.Values(64 * 256);
        var y = new float[64 * 256];
        var targets = Probe.Values(32 * 256, 5);
        var sgd = new Sgd(1e-6f);
        var l3 = Probe.Values(2 << 20);
        var names = new[] { "ForwardBatch 64, 4 KiB", "ForwardBatch 64, 2 MiB", "ForwardBatch 64, 4 KiB (2nd)", "ForwardBatch 64, 2 MiB (2nd)", "SGD step 32, 4 KiB", "SGD step 32, 2 MiB", "SGD step 32, 4 KiB (2nd)", "SGD step 32, 2 MiB (2nd)", "8 MiB read" };
        var calls = new Action[]
        {
            () => plain.ForwardBatch(x, y),
            () => huge.ForwardBatch(x, y),
            () => plain2.ForwardBatch(x, y),
            () => huge2.ForwardBatch(x, y),
            () => plain.TrainStepBatch(x.AsSpan(0, 32 * 256), targets, sgd),
            () => huge.TrainStepBatch(x.AsSpan(0, 32 * 256), targets, sgd),
            () => plain2.TrainStepBatch(x.AsSpan(0, 32 * 256), targets, sgd),
            () => huge2.TrainStepBatch(x.AsSpan(0, 32 * 256), targets, sgd),
            () => Sink += (nint)Read(l3, 1),
        };
        var repeats = int.TryParse(Environment.GetEnvironmentVariable("PROBE_REPEAT"), out var r) ? r : 1;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var medians = Interleaved(calls);
            Console.WriteLine($"repeat {repeat,2} {DateTime.UtcNow:HH:mm:ss}");
            for (var c = 0; c < names.Length; c++)
            {
                var reference = c < 4 ? medians[0] : c < 8 ? medians[4] : medians[c];
                Console.WriteLine($"  {names[c],-30} p10 {medians[c].Low / 1000,8:F1} µs {medians[c].Low / reference.Low,7:F3}   median {medians[c].Median / 1000,8:F1} µs {medians[c].Median / reference.Median,7:F3}");
            }
        }
    }

    private static void CollapseUnder(Span<float> span)
    {
        var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
        var from = start & ~(nint)((2 << 20) - 1);
        var to = (start + (span.Length * sizeof(float)) + (2 << 20) - 1) & ~(nint)((2 << 20) - 1);
        var result = madvise(from, (nuint)(to - from), 25);
        Console.WriteLine($"MADV_COLLAPSE 0x{from:x}–0x{to:x}: {result} (errno {Marshal.GetLastPInvokeError()}) {Colours(start, span.Length * sizeof(float))} {HugeKilobytes(start)}");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private static void Padded(int pad, N4 network, float[] inputs, float[] outputs)
    {
        var gap = stackalloc byte[pad + 16];
        Sink = (nint)gap;
        network.ForwardBatch(inputs, outputs);
    }

    private static string Where(nint address) => $"0x{address:x} mod 4096 = {address % 4096,4} mod 2 MiB = {address % (2 << 20),7}";

    /// <summary>How many of the pages under [start, start + bytes) fall in each of the 16 colours of a 512 KiB 8-way L2.</summary>
    private static string Colours(nint start, long bytes)
    {
        var counts = new int[16];
        var present = 0;
        var frames = new List<long>();
        using var map = File.OpenRead("/proc/self/pagemap");
        var entry = new byte[8];
        for (var page = start / 4096; page <= (start + (nint)bytes - 1) / 4096; page++)
        {
            map.Position = page * 8;
            map.ReadExactly(entry);
            var value = BitConverter.ToUInt64(entry);
            if ((value >> 63) == 0)
            {
                continue;
            }

            var frame = (long)(value & ((1UL << 55) - 1));
            frames.Add(frame);
            counts[frame % 16]++;
            present++;
        }

        var contiguous = frames.Count < 2 ? 0 : frames.Zip(frames.Skip(1)).Count(p => p.Second == p.First + 1);
        return $"pages {present}, contiguous pairs {contiguous}, colours [{string.Join(",", counts)}], first frame 0x{(frames.Count > 0 ? frames[0] : 0):x}";
    }

    private static string HugeKilobytes(nint address)
    {
        var lines = File.ReadAllLines("/proc/self/smaps");
        for (var i = 0; i < lines.Length; i++)
        {
            var range = lines[i].Split(' ')[0].Split('-');
            if (range.Length == 2 && long.TryParse(range[0], System.Globalization.NumberStyles.HexNumber, null, out var from) && long.TryParse(range[1], System.Globalization.NumberStyles.HexNumber, null, out var to) && address >= from && address < to)
            {
                var huge = lines.Skip(i + 1).TakeWhile(l => !l.Contains('-') || l.Contains(':')).FirstOrDefault(l => l.StartsWith("AnonHugePages:"));
                return $"{huge} (mapping {to - from >> 10} kB)";
            }
        }

        return "?";
    }
}
