using System;
using System.Linq;
using NetGen;
using NetGen.Tests.Networks;
using Xunit.Abstractions;

namespace NetGen.Tests.Parallelism;

/// <summary>
/// Counts what the calling thread and the worker team's threads allocate. A count over all threads would also see the
/// test host's own threads, which report results meanwhile.
/// </summary>
public class ParallelAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void SeveralChunks_AllocateNothing()
    {
        var network = new N2Network(3);
        var small = ParallelForwardTests.RandomRows(128, N2Network.InputSize, seed: 1);
        var large = ParallelForwardTests.RandomRows(2048, N2Network.InputSize, seed: 2);
        var outputs = new float[2048 * N2Network.OutputSize];
        Assert.Equal(64, ParallelForward.RowsPerChunk(128, N2Network.ParameterCount, 2));
        network.ForwardBatchParallel(small, outputs.AsMemory(0, 1024), 2);
        var team = ParallelForward.Team;

        long smallBytes = Allocated(team, () => network.ForwardBatchParallel(small, outputs.AsMemory(0, 1024), 2));
        long largeBytes = Allocated(team, () => network.ForwardBatchParallel(large, outputs, 2));

        output.WriteLine($"bytes for 20 calls: {smallBytes} (128 rows), {largeBytes} (2,048 rows)");
        Assert.Equal(0, smallBytes);
        Assert.Equal(0, largeBytes);
    }

    [Fact]
    public void DataParallelSteps_AllocateNothing()
    {
        var network = new DigitClassifier(3);
        var inputs = ParallelForwardTests.RandomRows(256, DigitClassifier.InputSize, seed: 4);
        var targets = Dataset.OneHot(new int[256], DigitClassifier.OutputSize);
        var optimizer = new Adam(network, 1e-3);
        using var gradient = (DataParallelGradient)BatchGradient.For(network, threads: 2);
        gradient.Step(inputs, targets, optimizer);

        var data = new Dataset(inputs, targets, DigitClassifier.InputSize, DigitClassifier.OutputSize);
        var order = Enumerable.Range(0, 256).Reverse().ToArray();
        var batchInputs = new float[inputs.Length];
        var batchTargets = new float[targets.Length];

        long fused = Allocated(gradient.Team, () => gradient.Step(inputs, targets, optimizer));
        long gathering = Allocated(gradient.Team, () => gradient.Step(data, order, batchInputs, batchTargets, optimizer));
        long unfused = Allocated(gradient.Team, () => gradient.Compute(inputs, targets));

        output.WriteLine($"bytes for 20 steps: {fused} (fused), {gathering} (each share gathering its rows), {unfused} (gradient only)");
        Assert.Equal(0, fused);
        Assert.Equal(0, gathering);
        Assert.Equal(0, unfused);
        Assert.Equal(inputs.AsSpan(255 * DigitClassifier.InputSize, DigitClassifier.InputSize).ToArray(), batchInputs.AsSpan(0, DigitClassifier.InputSize).ToArray());
    }

    /// <summary>The least over three rounds of what 20 calls allocated on the calling thread and the team's threads.</summary>
    private static long Allocated(WorkerTeam team, Action call)
    {
        long least = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread() + team.AllocatedBytes;
            for (int i = 0; i < 20; i++)
            {
                call();
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() + team.AllocatedBytes - before);
        }

        return least;
    }
}
