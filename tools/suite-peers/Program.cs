using System.Reflection;
using System.Runtime.InteropServices;

// usage: BUILD_FOLDER CLASS CATEGORY MIX[,MIX…]
//   BUILD_FOLDER: a built samples/NetGen.Benchmarks output folder; CLASS: e.g. N4Benchmarks; CATEGORY: e.g. "Forward b64".
//   MIX: "none", or peers joined by '+', each a prefix of a method of the cell (Onnx, Tensor, Scalar) or a filler:
//   spinN (N ms on the thread's CPU clock, touching no memory), walkN (N ms walking 64 MB line by line), sleepN.
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
            while (Now() < until)
            {
                for (var i = 0; i < buffer.Length; i += 16)
                {
                    buffer[i] += 1f;
                }
            }
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
