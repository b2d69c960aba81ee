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
        var network = new N2Network(3);
        var small = ParallelForwardTests.RandomRows(128, N2Network.InputSize, seed: 1);
        var large = ParallelForwardTests.RandomRows(2048, N2Network.InputSize, seed: 2);
        var outputs = new float[2048 * N2Network.OutputSize];
        Assert.Equal(64, ParallelForward.RowsPerChunk(128, N2Network.ParameterCount, 2));
        network.ForwardBatchParallel(small, outputs.AsMemory(0, 1024), 2);

        long smallBytes = AllocatedPerCall(() => network.ForwardBatchParallel(small, outputs.AsMemory(0, 1024), 2));
        long largeBytes = AllocatedPerCall(() => network.ForwardBatchParallel(large, outputs, 2));

        // Parallel.For's own objects (the loop's state and tasks, the closure, ParallelOptions): about 2 KB per call on
        // every thread together, a little more where a slower loop has the pool replicate its task; nothing per row
        // (2,048 rows hold 256 KB of inputs).
        output.WriteLine($"bytes per call: {smallBytes} (128 rows), {largeBytes} (2,048 rows)");
        Assert.InRange(smallBytes, 1, 16 * 1024);
        Assert.InRange(largeBytes, 1, 16 * 1024);
    }

    [Fact]
    public void DataParallelTrainingBatches_AllocateNothing()
    {
        var network = new N2Network(3);
        var data = new Dataset(ParallelForwardTests.RandomRows(512, N2Network.InputSize, seed: 4),
            Dataset.OneHot(new int[512], N2Network.OutputSize), N2Network.InputSize, N2Network.OutputSize);
        long Train(int epochs) => AllocatedPerCall(() =>
            new Trainer(network, new Sgd(0.01, momentum: 0.9)) { MaxEpochs = epochs, BatchSize = 64, Threads = 2 }.Train(data), calls: 1);
        Train(1);

        // Two more epochs are 16 more batches; what they add is two epochs' reports, not anything per batch.
        long perTwoEpochs = Train(3) - Train(1);
        output.WriteLine($"bytes for two more epochs: {perTwoEpochs}");
        Assert.InRange(perTwoEpochs, 0, 1024);
    }

    /// <summary>The least over three rounds of the bytes every thread allocated per call.</summary>
    private static long AllocatedPerCall(Action call, int calls = 20)
    {
        long least = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < calls; i++)
            {
                call();
            }

            least = Math.Min(least, (GC.GetTotalAllocatedBytes(precise: true) - before) / calls);
        }

        return least;
    }
}
