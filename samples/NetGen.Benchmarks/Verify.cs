using System;
using System.Diagnostics;

namespace NetGen.Benchmarks;

/// <summary>
/// `-- --verify`: runs every GlobalSetup (which checks the peers against NetGen), then every benchmark method after
/// a warm-up, printing heap bytes per call and a rough time per call. A quick smoke test, not a measurement.
/// </summary>
internal static class Verify
{
    public static void Run()
    {
        foreach (var type in Suite.Types)
        {
            var methods = Suite.Prepare(type);
            Console.WriteLine($"{type.Name}: setup checks passed");
            foreach (var method in methods)
            {
                for (int i = 0; i < 200; i++) method.Call();
                const int calls = 200;
                long before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                for (int i = 0; i < calls; i++) method.Call();
                watch.Stop();
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                Console.WriteLine($"  {method.Category,-12} {method.Name,-28} {watch.Elapsed.TotalNanoseconds / calls,12:N0} ns/call  {bytes / calls} B/call");
            }

            Suite.Cleanup(methods);
        }
    }
}
