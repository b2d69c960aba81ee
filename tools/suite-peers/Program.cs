using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

// usage: BUILD_FOLDER CLASS CATEGORY MIX[,MIX…]
//   BUILD_FOLDER: a built samples/NetGen.Benchmarks output folder; CLASS: e.g. N4Benchmarks; CATEGORY: e.g. "Forward b64".
//   MIX: "none", or peers joined by '+', each a prefix of a method of the cell (Onnx, Tensor, Scalar) or a filler:
//   spinN (N ms on the thread's CPU clock, touching no memory), walkN (N ms walking 64 MB line by line), sleepN;
//   and, to tell what a cold call pays for, run after one of those: lines (every line of NetGen's parameters read),
//   pages (one float of each 4 KiB page of them: TLB and page tables warm, 1/64 of the lines), head (the lines of
//   the first layer's first 24 weight rows, which no hint fetches), firstrows (the first 32 input rows' lines), hintpages (a prefetch
//   hint instead of the load: whether a hint warms the TLB), stackpages (one float of each stack page), rows (the inputs'
//   lines), stack (256 KiB of stack below the caller written line by line: where ForwardBatch's panels go), fmaN
//   (N ms of Vector512 FMA chains touching no memory: the core's clock after scalar code or a sleep).
// Each round runs NetGen's calls (as many as the suite gives it: 4 × what fits 0.75 ms), then each peer's, as
// CpuTime.MedianOfRounds does; prints the medians over 40 rounds of NetGen's time per call, of its first call and of
// the others.
const int Rounds = 40;
var folder = Path.GetFullPath(args[0]);
var assembly = Assembly.LoadFrom(Path.Combine(folder, "NetGen.Benchmarks.dll"));
var suite = assembly.GetType("NetGen.Benchmarks.Suite", throwOnError: true)!;
var type = assembly.GetType("NetGen.Benchmarks." + args[1], throwOnError: true)!;
var methods = (System.Collections.IList)suite.GetMethod("Prepare")!.Invoke(null, [type])!;
var cell = new List<(string Name, Action Call)>();
foreach (var method in methods)
{
    var info = method!.GetType();
    if ((string)info.GetProperty("Category")!.GetValue(method)! == args[2])
    {
        cell.Add(((string)info.GetProperty("Name")!.GetValue(method)!, (Action)info.GetProperty("Call")!.GetValue(method)!));
    }
}

Console.WriteLine(string.Join(", ", cell.Select(c => c.Name)));
var netgen = cell.First(c => c.Name.StartsWith("NetGen", StringComparison.Ordinal));
var buffer = new float[64 * 256 * 1024];
var benchmarks = ((System.Collections.IList)methods)[0]!.GetType().GetProperty("Instance")!.GetValue(((System.Collections.IList)methods)[0])!;
var network = benchmarks.GetType().GetField("_net", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(benchmarks)!;
var parameters = (float[])network.GetType().GetField("_parameters", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(network)!;
var rows = (float[])benchmarks.GetType().GetField("Inputs64", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(benchmarks)!;
var sink = 0f;
if (args[3].StartsWith("paired:", StringComparison.Ordinal))
{
    Paired(args[3]["paired:".Length..].Split(','), args.Length > 4 ? int.Parse(args[4]) : 150);
    return 0;
}

foreach (var mix in args[3].Split(','))
{
    var calls = new List<(string Name, Action Call, bool Filler)> { (netgen.Name, netgen.Call, false) };
    if (mix != "none")
    {
        calls.AddRange(mix.Split('+').Select(Between));
    }

    var begin = Now();
    while (Now() - begin < 90_000_000)
    {
        netgen.Call();
    }

    var counts = calls.Select(c => c.Filler ? 1 : CallsIn(c.Call)).ToArray();
    var (all, first, others) = (new double[Rounds], new double[Rounds], new double[Rounds]);
    for (var round = 0; round < Rounds; round++)
    {
        for (var k = 0; k < calls.Count; k++)
        {
            var i = (k + round) % calls.Count;
            if (i != 0)
            {
                for (var c = 0; c < counts[i]; c++)
                {
                    calls[i].Call();
                }

                continue;
            }

            long start = Now(), afterFirst = 0;
            for (var c = 0; c < counts[0]; c++)
            {
                netgen.Call();
                afterFirst = c == 0 ? Now() : afterFirst;
            }

            var end = Now();
            all[round] = (end - start) / (double)counts[0];
            first[round] = afterFirst - start;
            others[round] = counts[0] > 1 ? (end - afterFirst) / (double)(counts[0] - 1) : first[round];
        }
    }

    Console.WriteLine($"{mix,-32} NetGen {Median(all) / 1000,9:F1} µs a call, first {Median(first) / 1000,9:F1}, others {Median(others) / 1000,9:F1} ({counts[0]} calls a round)");
}

return 0;

(string Name, Action Call, bool Filler) Between(string name)
{
    if (name.StartsWith("spin", StringComparison.Ordinal))
    {
        var ms = long.Parse(name[4..]);
        return (name, () =>
        {
            var until = Now() + (ms * 1_000_000);
            while (Now() < until)
            {
            }
        }, true);
    }

    if (name.StartsWith("walk", StringComparison.Ordinal))
    {
        var ms = long.Parse(name[4..]);
        return (name, () =>
        {
            var until = Now() + (ms * 1_000_000);
            do
            {
                for (var i = 0; i < buffer.Length; i += 16)
                {
                    buffer[i] += 1f;
                }
            }
            while (Now() < until);
        }, true);
    }

    if (name is "lines" or "pages" or "rows" or "head" or "firstrows")
    {
        var (array, step) = name switch { "lines" or "head" => (parameters, 16), "pages" => (parameters, 1024), _ => (rows, 16) };
        var length = name switch { "head" => 24 * (rows.Length / 64), "firstrows" => rows.Length / 2, _ => array.Length };
        return (name, () =>
        {
            var sum = 0f;
            for (var i = 0; i < length; i += step)
            {
                sum += array[i];
            }

            sink += sum;
        }, true);
    }

    if (name is "stack" or "stackpages")
    {
        var step = name == "stack" ? 16 : 1024;
        return (name, () => sink += TouchStack(step), true);
    }

    if (name == "hintpages")
    {
        return (name, () =>
        {
            for (var i = 0; i < parameters.Length; i += 1024)
            {
                HintLine(ref parameters[i]);
            }
        }, true);
    }

    if (name.StartsWith("fma", StringComparison.Ordinal))
    {
        var ms = long.Parse(name[3..]);
        return (name, () =>
        {
            var until = Now() + (ms * 1_000_000);
            var (a, b, c, d) = (Vector512.Create(1f), Vector512.Create(0.5f), Vector512.Create(0.25f), Vector512.Create(0.125f));
            var m = Vector512.Create(0.999f);
            while (Now() < until)
            {
                for (var i = 0; i < 1000; i++)
                {
                    a = Vector512.FusedMultiplyAdd(a, m, b);
                    b = Vector512.FusedMultiplyAdd(b, m, c);
                    c = Vector512.FusedMultiplyAdd(c, m, d);
                    d = Vector512.FusedMultiplyAdd(d, m, a);
                }
            }

            sink += (a + b + c + d).ToScalar();
        }, true);
    }

    if (name.StartsWith("sleep", StringComparison.Ordinal))
    {
        var ms = int.Parse(name[5..]);
        return (name, () => Thread.Sleep(ms), true);
    }

    var peer = cell.First(c => c.Name.StartsWith(name, StringComparison.Ordinal));
    return (peer.Name, peer.Call, false);
}

// Conditions interleaved round by round in one process: each evicts the caches with one 64 MB walk (unless it is
// "warm"), runs its fillers, then times three of NetGen's calls; the medians of the first, of the other two, and of
// the first's excess over them.
void Paired(string[] conditions, int rounds)
{
    var walk = Between("walk0");
    var sets = conditions.Select(c => c == "warm" || c == "walk" ? [] : c.Split('+').Select(Between).ToArray()).ToArray();
    var (first, rest, excess) = (new double[conditions.Length][], new double[conditions.Length][], new double[conditions.Length][]);
    for (var k = 0; k < conditions.Length; k++)
    {
        (first[k], rest[k], excess[k]) = (new double[rounds], new double[rounds], new double[rounds]);
    }

    for (var n = 0; n < 200; n++)
    {
        netgen.Call();
    }

    for (var round = 0; round < rounds; round++)
    {
        for (var j = 0; j < conditions.Length; j++)
        {
            var k = (j + round) % conditions.Length;
            if (conditions[k] != "warm")
            {
                walk.Call();
            }

            foreach (var filler in sets[k])
            {
                filler.Call();
            }

            var t0 = Now();
            netgen.Call();
            var t1 = Now();
            netgen.Call();
            netgen.Call();
            var t2 = Now();
            first[k][round] = t1 - t0;
            rest[k][round] = (t2 - t1) / 2.0;
            excess[k][round] = first[k][round] - rest[k][round];
        }
    }

    for (var k = 0; k < conditions.Length; k++)
    {
        Console.WriteLine($"{conditions[k],-32} first {Median(first[k]) / 1000,8:F1} µs, next two {Median(rest[k]) / 1000,8:F1}, first's excess {Median(excess[k]) / 1000,7:F1} (p25 {Quantile(excess[k], 0.25) / 1000,6:F1}, p75 {Quantile(excess[k], 0.75) / 1000,6:F1})");
    }
}

static double Quantile(double[] values, double q) => values.Order().ElementAt((int)(q * (values.Length - 1)));

[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
static float TouchStack(int step)
{
    Span<float> below = stackalloc float[64 * 1024];
    for (var i = 0; i < below.Length; i += step)
    {
        below[i] = i;
    }

    return below[^16];
}

static unsafe void HintLine(ref float value) => System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref value));

static int CallsIn(Action call)
{
    var start = Now();
    var probe = 0;
    while (Now() - start < 750_000)
    {
        call();
        probe++;
    }

    return Math.Max(1, probe * 4);
}

static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

static long Now()
{
    _ = ClockGetTime(3, out var time);
    return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
}

[DllImport("libc", EntryPoint = "clock_gettime")]
static extern int ClockGetTime(int clock, out Timespec time);

[StructLayout(LayoutKind.Sequential)]
internal struct Timespec
{
    public long Seconds;
    public long Nanoseconds;
}
