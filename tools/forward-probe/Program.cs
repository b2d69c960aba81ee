using System.Diagnostics;
using NetGen.Benchmarks;

// One network at a time, each call straight after the last: no other engine runs between rounds, so the weights
// stay where the previous call left them in the caches (the suite's interleaved rounds do not allow that).
var n1 = new N1(1);
var n2 = new N2(1);
var n4 = new N4(1);
var (x1, y1) = (Inputs(4), new float[2]);
var (x2, y2) = (Inputs(32), new float[8]);
var (x4, y4) = (Inputs(256), new float[256]);

for (int warm = 0; warm < 3; warm++)
{
    Median(() => n1.Forward(x1, y1), 50_000);
    Median(() => n2.Forward(x2, y2), 20_000);
    Median(() => n4.Forward(x4, y4), 200);
    Thread.Sleep(200);   // past tiered compilation's call-counting delay
}

Console.WriteLine(
    $"N1 Forward {Median(() => n1.Forward(x1, y1), 100_000):F1} ns, " +
    $"N2 Forward {Median(() => n2.Forward(x2, y2), 40_000):F1} ns, " +
    $"N4 Forward {Median(() => n4.Forward(x4, y4), 400):F0} ns (medians of 31 rounds)");

static float[] Inputs(int count)
{
    var random = new Random(3);
    return Enumerable.Range(0, count).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
}

static double Median(Action call, int calls)
{
    var samples = new double[31];
    for (int round = 0; round < samples.Length; round++)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
        {
            call();
        }

        samples[round] = clock.Elapsed.TotalNanoseconds / calls;
    }

    Array.Sort(samples);
    return samples[samples.Length / 2];
}
