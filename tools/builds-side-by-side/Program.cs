using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

// usage: NETWORK CELL ROUNDS CALLS label=folder label=folder ...
//   NETWORK: N1, N2, N3, N4 or D16; CELL: Forward1, Forward64, Train1 or Train32 (TrainStepBatch with plain SGD).
// Prints each build's median, 10th percentile and minimum per call, and the median over rounds of its time divided by
// the first build's in the same round. ROUNDS 0 times nothing: each build runs the cell 100 + CALLS times, for an
// instruction count (valgrind --tool=callgrind with DOTNET_TieredCompilation=0, CALLS and 0, the difference over CALLS).
// With SIDE_BY_SIDE_EVICT=MB each build's turn starts after a walk over MB megabytes (the caches, TLB and page tables
// left as other work leaves them), and its first call is timed apart from the other CALLS − 1: the cold call's cost.
if (args.Length < 5)
{
    Console.Error.WriteLine("usage: NETWORK CELL ROUNDS CALLS label=folder [label=folder ...]");
    return 1;
}

string network = args[0], cell = args[1];
int rounds = int.Parse(args[2]), calls = int.Parse(args[3]);
var builds = args.Skip(4).Select(a => (Label: a[..a.IndexOf('=')], Folder: Path.GetFullPath(a[(a.IndexOf('=') + 1)..]))).ToArray();
var cells = builds.Select(b => Cell.Load(b.Folder, network, cell)).ToArray();
if (rounds == 0)
{
    foreach (var run in cells) run(100);
    foreach (var run in cells) run(calls);
    return 0;
}

var runs = cells.Select(run => (Action)(() => run(calls))).ToArray();

// Past tiered compilation: CPU time of this thread, with pauses for the background compiler.
for (int warm = 0; warm < 4; warm++)
{
    foreach (var run in runs)
    {
        long start = CpuClock.Nanoseconds();
        while (CpuClock.Nanoseconds() - start < 150_000_000) run();
    }

    Thread.Sleep(300);
}

var evictMegabytes = int.Parse(Environment.GetEnvironmentVariable("SIDE_BY_SIDE_EVICT") ?? "0");
if (evictMegabytes > 0)
{
    return Cold.Run(network, cell, rounds, calls, builds.Select(b => b.Label).ToArray(), cells, evictMegabytes);
}

var samples = builds.Select(_ => new double[rounds]).ToArray();
for (int round = 0; round < rounds; round++)
{
    for (int j = 0; j < runs.Length; j++)
    {
        int i = (j + round) % runs.Length;
        long start = CpuClock.Nanoseconds();
        runs[i]();
        samples[i][round] = (CpuClock.Nanoseconds() - start) / (double)calls;
    }
}

for (int i = 0; i < builds.Length; i++)
{
    var sorted = samples[i].Order().ToArray();
    var ratio = Enumerable.Range(0, rounds).Select(r => samples[i][r] / samples[0][r]).Order().ElementAt(rounds / 2);
    Console.WriteLine($"{network} {cell,-9} {builds[i].Label,-10} median {sorted[rounds / 2],10:F1} ns  p10 {sorted[rounds / 10],10:F1}  " +
        $"min {sorted[0],10:F1}  vs {builds[0].Label} {ratio:F3}");
}

return 0;

/// <summary>Each build's turn after a walk that evicts the caches: its first call and the others, timed apart.</summary>
internal static class Cold
{
    public static int Run(string network, string cell, int rounds, int calls, string[] labels, Action<int>[] cells, int megabytes)
    {
        var buffer = new float[megabytes * 256 * 1024];
        var first = labels.Select(_ => new double[rounds]).ToArray();
        var others = labels.Select(_ => new double[rounds]).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int j = 0; j < cells.Length; j++)
            {
                int i = (j + round) % cells.Length;
                for (int k = 0; k < buffer.Length; k += 16) buffer[k] += 1f;
                long start = CpuClock.Nanoseconds();
                cells[i](1);
                long afterFirst = CpuClock.Nanoseconds();
                cells[i](calls - 1);
                first[i][round] = afterFirst - start;
                others[i][round] = (CpuClock.Nanoseconds() - afterFirst) / (double)(calls - 1);
            }
        }

        for (int i = 0; i < labels.Length; i++)
        {
            double Median(double[] v) => v.Order().ElementAt(rounds / 2);
            var firstRatio = Median(Enumerable.Range(0, rounds).Select(r => first[i][r] / first[0][r]).ToArray());
            var othersRatio = Median(Enumerable.Range(0, rounds).Select(r => others[i][r] / others[0][r]).ToArray());
            var excess = Median(Enumerable.Range(0, rounds).Select(r => first[i][r] - others[i][r]).ToArray());
            Console.WriteLine($"{network} {cell,-9} {labels[i],-10} first {Median(first[i]),10:F1} ns  others {Median(others[i]),10:F1}  " +
                $"excess {excess,9:F1}  vs {labels[0]} first {firstRatio:F3} others {othersRatio:F3}");
        }

        return 0;
    }
}

/// <summary>One build's network and cell, called through a method emitted against that build's own types.</summary>
internal static class Cell
{
    public static Action<int> Load(string folder, string networkName, string cell)
    {
        var context = new BuildContext(folder);
        var netgen = context.LoadFromAssemblyPath(Path.Combine(folder, "NetGen.dll"));
        var benchmarks = context.LoadFromAssemblyPath(Path.Combine(folder, "NetGen.Benchmarks.dll"));
        var type = benchmarks.GetType("NetGen.Benchmarks." + networkName, throwOnError: true)!;
        var optimizerType = netgen.GetType("NetGen.IOptimizer", throwOnError: true)!;
        var network = Activator.CreateInstance(type, 42)!;
        var optimizer = Activator.CreateInstance(netgen.GetType("NetGen.Sgd", throwOnError: true)!, 1e-4, 0.0, false, 0.0)!;
        int inputSize = (int)type.GetField("InputSize")!.GetValue(null)!, outputSize = (int)type.GetField("OutputSize")!.GetValue(null)!;
        int rows = cell switch { "Train32" => 32, "Forward64" => 64, "Train1" or "Forward1" => 1, _ => throw new ArgumentException($"No cell '{cell}'.") };
        var random = new Random(1234);
        var inputs = Enumerable.Range(0, inputSize * rows).Select(_ => random.NextSingle()).ToArray();
        var second = new float[outputSize * rows];
        if (cell.StartsWith("Train", StringComparison.Ordinal))
        {
            for (int r = 0; r < rows; r++) second[(r * outputSize) + (r % outputSize)] = 1f;   // one-hot targets
        }

        var call = Caller(type, optimizerType, cell);
        return calls =>
        {
            for (int c = 0; c < calls; c++) call(network, inputs, second, optimizer);
        };
    }

    // (network, inputs, targets or outputs, optimizer) → TrainStepBatch / Forward / ForwardBatch of that build's type.
    private static Func<object, float[], float[], object, float> Caller(Type network, Type optimizer, string cell)
    {
        var input = typeof(ReadOnlySpan<float>);
        var output = typeof(Span<float>);
        var method = new DynamicMethod("Call", typeof(float), [typeof(object), typeof(float[]), typeof(float[]), typeof(object)], typeof(Cell).Module, true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, network);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, input.GetMethod("op_Implicit", [typeof(float[])])!);
        il.Emit(OpCodes.Ldarg_2);
        if (cell.StartsWith("Train", StringComparison.Ordinal))
        {
            il.Emit(OpCodes.Call, input.GetMethod("op_Implicit", [typeof(float[])])!);
            il.Emit(OpCodes.Ldarg_3);
            il.Emit(OpCodes.Castclass, optimizer);
            il.Emit(OpCodes.Callvirt, network.GetMethod("TrainStepBatch", [input, input, optimizer])!);
        }
        else
        {
            il.Emit(OpCodes.Call, output.GetMethod("op_Implicit", [typeof(float[])])!);
            il.Emit(OpCodes.Callvirt, network.GetMethod(cell == "Forward1" ? "Forward" : "ForwardBatch", [input, output])!);
            il.Emit(OpCodes.Ldc_R4, 0f);
        }

        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<object, float[], float[], object, float>>();
    }

    /// <summary>NetGen's assemblies from the build's folder; the framework from the default context.</summary>
    private sealed class BuildContext(string folder) : AssemblyLoadContext(Path.GetFileName(folder))
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return name.Name!.StartsWith("NetGen", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}

/// <summary>The calling thread's CPU time (Linux), which time spent waiting for a core does not advance.</summary>
internal static class CpuClock
{
    private const int ThreadCpuTime = 3;   // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    public static long Nanoseconds()
    {
        ClockGetTime(ThreadCpuTime, out var time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);
}
