using NetGen;
using NetGen.Benchmarks;

/// <summary>
/// Why the suite's batch-64 forward is slower than a warm loop (`suite`): each of its rounds runs 3 ms of calls of one
/// peer, then the other peers for 3 ms or one call each. Here a round is 3 ms of NetGen's <c>ForwardBatch</c> calls
/// after 9 ms of something else (<c>PROBE_EVICT</c>, comma-separated: 0 nothing, a number of MB walked line by line,
/// <c>spin</c> on the CPU clock's system call, <c>userspin</c> on the stopwatch, <c>fma</c> / <c>fma512</c> chains,
/// <c>sleep</c>, <c>pages</c> / <c>lines</c>: a user spin, then one float per page / per line of the call's parameters,
/// inputs and outputs read), every call timed on its own: the round's first call against the others.
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
        if (Environment.GetEnvironmentVariable("PROBE_CELL") == "train")
        {
            // The batch-32 SGD step instead: each call a forward, dX and dW (3 products of N3's and N4's first layer's
            // size fewer for the layer without dX).
            const int trainRows = 32;
            var t3 = new float[trainRows * 10];
            for (var r = 0; r < trainRows; r++)
            {
                t3[(r * 10) + (r % 10)] = 1;
            }

            var (i3, i4, t4) = (Probe.Values(trainRows * 784), Probe.Values(trainRows * 256), Probe.Values(trainRows * 256, 5));
            var (sgd3, sgd4) = (new Sgd(1e-6), new Sgd(1e-6));
            cells =
            [
                ("N3", 2.0 * trainRows * ((784 * 128 * 2) + (128 * 10 * 3)), () => n3.TrainStepBatch(i3, t3, sgd3)),
                ("N4", 2.0 * trainRows * ((256 * 512 * 2) + (512 * 512 * 3) + (512 * 256 * 3)), () => n4.TrainStepBatch(i4, t4, sgd4)),
            ];
        }

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

/// <summary>The phases of one N3 and one N4 call of 64 rows (blocks of one panel), after 9 ms of a spin and warm, each timed on its own.</summary>
internal static class ColdPhases
{
    private delegate void Step(int row);

    public static void Run()
    {
        var panelRows = NetGen.Kernels.ColumnKernels.PanelRows(32);
        var n3 = new N3(1).Parameters.ToArray();
        var n4 = new N4(1).Parameters.ToArray();
        var x3 = Probe.Values(64 * 784);
        var x4 = Probe.Values(64 * 256);
        var y3 = new float[64 * 10];
        var y4 = new float[64 * 256];
        var relu = default(NetGen.Kernels.ReluFunction);
        var identity = default(NetGen.Kernels.IdentityFunction);
        var n3Steps = new (string Name, Step Call)[]
        {
            ("transpose in", row => NetGen.Kernels.ColumnKernels.Transpose(x3.AsSpan(row * 784, panelRows * 784), ref Columns(784), 784, panelRows)),
            ("784→128", _ => NetGen.Kernels.ColumnKernels.Forward(ref n3[0], ref n3[100352], ref Columns(784), ref Hidden(128), 784, 128, panelRows, 1, relu)),
            ("128→10", _ => NetGen.Kernels.ColumnKernels.Forward(ref n3[100480], ref n3[101760], ref Hidden(128), ref Columns(784), 128, 10, panelRows, 1, identity)),
            ("softmax, out", row =>
            {
                NetGen.Kernels.ColumnKernels.Softmax(ref Columns(784), 10, panelRows, 1);
                NetGen.Kernels.ColumnKernels.TransposeBack(ref Columns(784), y3.AsSpan(row * 10, panelRows * 10), 10, panelRows);
            }),
        };
        var n4Steps = new (string Name, Step Call)[]
        {
            ("transpose in", row => NetGen.Kernels.ColumnKernels.Transpose(x4.AsSpan(row * 256, panelRows * 256), ref Columns(512), 256, panelRows)),
            ("256→512", _ => NetGen.Kernels.ColumnKernels.Forward(ref n4[0], ref n4[131072], ref Columns(512), ref Hidden(512), 256, 512, panelRows, 1, relu)),
            ("512→512", _ => NetGen.Kernels.ColumnKernels.Forward(ref n4[131584], ref n4[393728], ref Hidden(512), ref Columns(512), 512, 512, panelRows, 1, relu)),
            ("512→256", _ => NetGen.Kernels.ColumnKernels.Forward(ref n4[394240], ref n4[525312], ref Columns(512), ref Hidden(512), 512, 256, panelRows, 1, identity)),
            ("out", row => NetGen.Kernels.ColumnKernels.TransposeBack(ref Hidden(512), y4.AsSpan(row * 256, panelRows * 256), 256, panelRows)),
        };
        ref float Columns(int features) => ref Probe.Aligned(features * panelRows, 0);
        ref float Hidden(int features) => ref Probe.Aligned(features * panelRows, 16);
        Report("N3", n3Steps, panelRows);
        Report("N4", n4Steps, panelRows);
    }

    private static void Report(string network, (string Name, Step Call)[] steps, int panelRows)
    {
        var blocks = 64 / panelRows;
        void Chain(long[] times)
        {
            for (var block = 0; block < blocks; block++)
            {
                for (var step = 0; step < steps.Length; step++)
                {
                    var begin = System.Diagnostics.Stopwatch.GetTimestamp();
                    steps[step].Call(block * panelRows);
                    times[(block * steps.Length) + step] = System.Diagnostics.Stopwatch.GetTimestamp() - begin;
                }
            }
        }

        var parts = steps.Length * blocks;
        var (warm, cold) = (new List<long[]>(), new List<long[]>());
        for (var i = 0; i < 300; i++)
        {
            Chain(new long[parts]);
        }

        // PROBE_EVICT=MB: a buffer of that many megabytes walked line by line instead of the spin (the suite's other
        // peers between rounds leave the weights in neither L2 nor L3).
        var evict = int.TryParse(Environment.GetEnvironmentVariable("PROBE_EVICT"), out var megabytes) ? new float[megabytes * 256 * 1024] : null;
        for (var round = 0; round < 41; round++)
        {
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + (9 * System.Diagnostics.Stopwatch.Frequency / 1000);
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
                if (evict is not null)
                {
                    for (var i = 0; i < evict.Length; i += 16)
                    {
                        evict[i] += 1f;
                    }
                }
            }

            cold.Add(new long[parts]);
            Chain(cold[^1]);
            warm.Add(new long[parts]);
            Chain(warm[^1]);
            Chain(warm[^1]);
        }

        double Median(List<long[]> samples, int part) => samples.Select(s => s[part] * 1e6 / System.Diagnostics.Stopwatch.Frequency).Order().ElementAt(samples.Count / 2);
        for (var part = 0; part < parts; part++)
        {
            Console.WriteLine($"{network} block {part / steps.Length} {steps[part % steps.Length].Name,-14} after a spin {Median(cold, part),8:F1} µs  warm {Median(warm, part),8:F1} µs");
        }
    }
}
