using NetGen;
using NetGen.Benchmarks;

/// <summary>
/// Why the suite's batch-64 forward is slower than a warm loop: each of its rounds runs a few calls of one peer (3 ms
/// of them), then the other peers for 3 ms each. Here a round is that many calls of NetGen's <c>ForwardBatch</c>, then
/// 9 ms of work on a buffer of a given size (what the other peers leave in the caches), every call timed on its own:
/// the first call of a round against the others, and the call against one in a loop back to back.
/// </summary>
internal static class SuiteRounds
{
    private const int Rounds = 41;

    public static float Sink;

    public static void Run(double peak)
    {
        const int rows = 64;
        var n3 = new N3(1);
        var n4 = new N4(1);
        var x3 = Probe.Values(rows * 784);
        var x4 = Probe.Values(rows * 256);
        var (y3, y4) = (new float[rows * 10], new float[rows * 256]);
        var cells = new (string Name, double Flops, Action Call)[]
        {
            ("N3", 2.0 * rows * ((784 * 128) + (128 * 10)), () => n3.ForwardBatch(x3, y3)),
            ("N4", 2.0 * rows * ((256 * 512) + (512 * 512) + (512 * 256)), () => n4.ForwardBatch(x4, y4)),
        };
        var evictions = (Environment.GetEnvironmentVariable("PROBE_EVICT") ?? "0,1,4,12,48").Split(',');
        Console.WriteLine($"{"cell",-4} {"between rounds",16} {"calls",5} {"first µs",9} {"others µs",9} {"all µs",8} {"% peak",6} {"first %",7} {"others %",8}");
        foreach (var (name, flops, call) in cells)
        {
            Probe.Median(call);
            var calls = CallsIn(call, 3_000_000);
            foreach (var between in evictions)
            {
                var megabytes = int.TryParse(between, out var mb) ? mb : 0;
                var buffer = new float[Math.Max(megabytes, 1) * 1024 * 256];
                var first = new double[Rounds];
                var others = new double[Rounds];
                var all = new double[Rounds];
                for (var round = 0; round < Rounds; round++)
                {
                    if (megabytes > 0)
                    {
                        Walk(buffer, 9_000_000);
                    }
                    else if (between == "spin")
                    {
                        Spin(9_000_000);
                    }
                    else if (between == "fma")
                    {
                        var until = Probe.Now() + 9_000_000;
                        while (Probe.Now() < until)
                        {
                            Probe.FmaPeak();
                        }
                    }
                    else if (between == "fma512")
                    {
                        var until = Probe.Now() + 9_000_000;
                        while (Probe.Now() < until)
                        {
                            NetGen.Benchmarks.FmaChains.Run(System.Runtime.Intrinsics.Vector512.Create(1f), System.Runtime.Intrinsics.Vector512.Create(0.999f), System.Runtime.Intrinsics.Vector512.Create(1e-3f));
                        }
                    }
                    else if (between == "userspin")
                    {
                        var until = System.Diagnostics.Stopwatch.GetTimestamp() + (9 * System.Diagnostics.Stopwatch.Frequency / 1000);
                        var spins = 0L;
                        while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
                        {
                            spins++;
                        }
                    }
                    else if (between is "pages" or "lines")
                    {
                        var until = System.Diagnostics.Stopwatch.GetTimestamp() + (9 * System.Diagnostics.Stopwatch.Frequency / 1000);
                        while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
                        {
                        }

                        var step = between == "pages" ? 1024 : 16;
                        Touch(name == "N3" ? n3.Parameters : n4.Parameters, step);
                        Touch(name == "N3" ? x3 : x4, step);
                        Touch(name == "N3" ? y3 : y4, step);
                    }
                    else if (between == "sleep")
                    {
                        Thread.Sleep(9);
                    }

                    var (sum, head) = (0L, 0L);
                    for (var c = 0; c < calls; c++)
                    {
                        var begin = Probe.Now();
                        call();
                        var ns = Probe.Now() - begin;
                        head = c == 0 ? ns : head;
                        sum += ns;
                    }

                    first[round] = head;
                    others[round] = calls > 1 ? (sum - head) / (double)(calls - 1) : head;
                    all[round] = sum / (double)calls;
                }

                var (f, o, a) = (Median(first), Median(others), Median(all));
                Console.WriteLine($"{name,-4} {(megabytes == 0 ? between : $"{megabytes} MB walked"),16} {calls,5} {f / 1000,9:F1} {o / 1000,9:F1} {a / 1000,8:F1} {100 * flops / a / peak,6:F0} {100 * flops / f / peak,7:F0} {100 * flops / o / peak,8:F0}");
            }
        }
    }

    /// <summary>Reads and writes the buffer line by line for about <paramref name="nanoseconds"/> of CPU time.</summary>
    private static void Walk(float[] buffer, long nanoseconds)
    {
        var until = Probe.Now() + nanoseconds;
        while (Probe.Now() < until)
        {
            for (var i = 0; i < buffer.Length; i += 16)
            {
                buffer[i] += 1f;
            }
        }
    }

    private static void Touch(Span<float> values, int step)
    {
        var sum = 0f;
        for (var i = 0; i < values.Length; i += step)
        {
            sum += values[i];
        }

        Sink += sum;
    }

    private static long Spin(long nanoseconds)
    {
        var until = Probe.Now() + nanoseconds;
        var count = 0L;
        while (Probe.Now() < until)
        {
            count++;
        }

        return count;
    }

    private static int CallsIn(Action call, long nanoseconds)
    {
        var begin = Probe.Now();
        var count = 0;
        while (Probe.Now() - begin < nanoseconds / 4)
        {
            call();
            count++;
        }

        return Math.Max(1, count * 4);
    }

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);
}

/// <summary>The phases of one N3 and one N4 call of 64 rows (two blocks of one panel on AVX-512), after 9 ms of a spin or right after another call.</summary>
internal static class ColdPhases
{
    public static void Run()
    {
        var panelRows = NetGen.Kernels.ColumnKernels.PanelRows(32);
        var n3 = new N3(1).Parameters.ToArray();
        var n4 = new N4(1).Parameters.ToArray();
        var x3 = Probe.Values(64 * 784);
        var x4 = Probe.Values(64 * 256);
        var y3 = new float[64 * 10];
        var y4 = new float[64 * 256];
        var names3 = new[] { "transpose in", "784→128", "128→10", "softmax+out" };
        var names4 = new[] { "transpose in", "256→512", "512→512", "512→256", "out" };
        var t = new long[8];
        void N3Chain(long[] times)
        {
            ref var columns = ref Probe.Aligned(784 * panelRows, 0);
            ref var hidden = ref Probe.Aligned(128 * panelRows, 16);
            for (var row = 0; row < 64; row += panelRows)
            {
                var s0 = System.Diagnostics.Stopwatch.GetTimestamp();
                NetGen.Kernels.ColumnKernels.Transpose(x3.AsSpan(row * 784, panelRows * 784), ref columns, 784, panelRows);
                var s1 = System.Diagnostics.Stopwatch.GetTimestamp();
                NetGen.Kernels.ColumnKernels.Forward(ref n3[0], ref n3[100352], ref columns, ref hidden, 784, 128, panelRows, 1, default(NetGen.Kernels.ReluFunction));
                var s2 = System.Diagnostics.Stopwatch.GetTimestamp();
                NetGen.Kernels.ColumnKernels.Forward(ref n3[100480], ref n3[101760], ref hidden, ref columns, 128, 10, panelRows, 1, default(NetGen.Kernels.IdentityFunction));
                var s3 = System.Diagnostics.Stopwatch.GetTimestamp();
                NetGen.Kernels.ColumnKernels.Softmax(ref columns, 10, panelRows, 1);
                NetGen.Kernels.ColumnKernels.TransposeBack(ref columns, y3.AsSpan(row * 10, panelRows * 10), 10, panelRows);
                var s4 = System.Diagnostics.Stopwatch.GetTimestamp();
                var block = row / panelRows;
                times[(block * 4) + 0] = s1 - s0;
                times[(block * 4) + 1] = s2 - s1;
                times[(block * 4) + 2] = s3 - s2;
                times[(block * 4) + 3] = s4 - s3;
            }
        }

        void N4Chain(long[] times)
        {
            ref var columns = ref Probe.Aligned(512 * panelRows, 0);
            ref var hidden = ref Probe.Aligned(512 * panelRows, 16);
            for (var row = 0; row < 64; row += panelRows)
            {
                var s0 = System.Diagnostics.Stopwatch.GetTimestamp();
                NetGen.Kernels.ColumnKernels.Transpose(x4.AsSpan(row * 256, panelRows * 256), ref columns, 256, panelRows);
                var s1 = System.Diagnostics.Stopwatch.GetTimestamp();
                NetGen.Kernels.ColumnKernels.Forward(ref n4[0], ref n4[131072], ref columns, ref hidden, 256, 512, panelRows, 1, default(NetGen.Kernels.ReluFunction));
                var s2 = System.Diagnostics.Stopwatch.GetTimestamp();
                NetGen.Kernels.ColumnKernels.Forward(ref n4[131584], ref n4[393728], ref hidden, ref columns, 512, 512, panelRows, 1, default(NetGen.Kernels.ReluFunction));
                var s3 = System.Diagnostics.Stopwatch.GetTimestamp();
                NetGen.Kernels.ColumnKernels.Forward(ref n4[394240], ref n4[525312], ref columns, ref hidden, 512, 256, panelRows, 1, default(NetGen.Kernels.IdentityFunction));
                var s4 = System.Diagnostics.Stopwatch.GetTimestamp();
                NetGen.Kernels.ColumnKernels.TransposeBack(ref hidden, y4.AsSpan(row * 256, panelRows * 256), 256, panelRows);
                var s5 = System.Diagnostics.Stopwatch.GetTimestamp();
                var block = row / panelRows;
                times[(block * 5) + 0] = s1 - s0;
                times[(block * 5) + 1] = s2 - s1;
                times[(block * 5) + 2] = s3 - s2;
                times[(block * 5) + 3] = s4 - s3;
                times[(block * 5) + 4] = s5 - s4;
            }
        }

        foreach (var (name, names, chain) in new[] { ("N3", names3, (Action<long[]>)N3Chain), ("N4", names4, N4Chain) })
        {
            var parts = names.Length * 2;
            var warm = new List<long[]>();
            var cold = new List<long[]>();
            for (var i = 0; i < 300; i++)
            {
                chain(new long[parts]);
            }

            for (var round = 0; round < 41; round++)
            {
                var until = System.Diagnostics.Stopwatch.GetTimestamp() + (9 * System.Diagnostics.Stopwatch.Frequency / 1000);
                while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
                {
                }

                var c = new long[parts];
                chain(c);
                cold.Add(c);
                var w = new long[parts];
                chain(w);
                chain(w);
                warm.Add(w);
            }

            double Median(List<long[]> samples, int part) => samples.Select(s => s[part] * 1e6 / System.Diagnostics.Stopwatch.Frequency).Order().ElementAt(samples.Count / 2);
            for (var part = 0; part < parts; part++)
            {
                Console.WriteLine($"{name} block {part / names.Length} {names[part % names.Length],-14} cold {Median(cold, part),8:F1} µs  warm {Median(warm, part),8:F1} µs");
            }
        }
    }
}
