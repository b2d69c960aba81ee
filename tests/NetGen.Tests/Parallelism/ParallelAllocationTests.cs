using System;
using NetGen;
using NetGen.Tests.Networks;
using Xunit.Abstractions;

namespace NetGen.Tests.Parallelism;

/// <summary>Counts every thread's allocations, so it runs alone: no other test allocates meanwhile.</summary>
[CollectionDefinition(nameof(ParallelAllocationTests), DisableParallelization = true)]
[Collection(nameof(ParallelAllocationTests))]
public class ParallelAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void SeveralChunks_AllocateOnlyTheLoopsBookkeeping()
    {
        var network = new DigitClassifier(3);
        var small = ParallelForwardTests.RandomRows(256, DigitClassifier.InputSize, seed: 1);
        var large = ParallelForwardTests.RandomRows(2048, DigitClassifier.InputSize, seed: 2);
        var outputs = new float[2048 * DigitClassifier.OutputSize];
        network.ForwardBatchParallel(small, outputs.AsMemory(0, 2560), 2);

        long smallBytes = AllocatedPerCall(() => network.ForwardBatchParallel(small, outputs.AsMemory(0, 2560), 2));
        long largeBytes = AllocatedPerCall(() => network.ForwardBatchParallel(large, outputs, 2));

        // Parallel.For's own objects (the loop's state and tasks, the closure, ParallelOptions): a few hundred bytes
        // per call on every thread together, whatever the number of rows.
        output.WriteLine($"bytes per call: {smallBytes} (256 rows), {largeBytes} (2,048 rows)");
        Assert.InRange(smallBytes, 1, 4096);
        Assert.InRange(largeBytes, 1, 4096);
    }

    private static long AllocatedPerCall(Action call)
    {
        const int calls = 20;
        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < calls; i++)
        {
            call();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / calls;
    }
}
