using System;
using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

/// <summary>
/// `-- --verify`: runs every GlobalSetup (which checks the baselines against NetGen), then every benchmark
/// method after a warm-up, printing heap bytes per call and a rough time per call. A quick smoke test, not a measurement.
/// </summary>
internal static class Verify
{
    public static void Run()
    {
        foreach (var type in new[] { typeof(N1Benchmarks), typeof(N2Benchmarks), typeof(N3Benchmarks), typeof(N4Benchmarks) })
        {
            var instance = (NetworkBenchmarks)Activator.CreateInstance(type)!;
            instance.Setup();
            Console.WriteLine($"{type.Name}: setup checks passed");
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<BenchmarkAttribute>() is null)
                {
                    continue;
                }

                var call = method.ReturnType == typeof(void)
                    ? (Action)method.CreateDelegate(typeof(Action), instance)
                    : WrapFloat((Func<float>)method.CreateDelegate(typeof(Func<float>), instance));
                for (int i = 0; i < 200; i++) call();
                const int calls = 200;
                long before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                for (int i = 0; i < calls; i++) call();
                watch.Stop();
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                Console.WriteLine($"  {method.Name,-28} {watch.Elapsed.TotalNanoseconds / calls,12:N0} ns/call  {bytes / calls} B/call");
            }
        }
    }

    private static Action WrapFloat(Func<float> f) => () => f();
}
