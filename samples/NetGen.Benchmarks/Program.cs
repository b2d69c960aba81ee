using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace NetGen.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--verify")
        {
            Verify.Run();
            return;
        }

        if (args.Length == 1 && args[0] == "--cputime")
        {
            CpuTime.Run();
            return;
        }

        // Short runs: the machine is shared and noisy, so few but not-too-short iterations, medians reported.
        var job = Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(12)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Short");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddColumn(StatisticColumn.Median)
            .WithOptions(ConfigOptions.DisableLogFile);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
