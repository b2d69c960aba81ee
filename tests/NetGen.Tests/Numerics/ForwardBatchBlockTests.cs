using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using NetGen.Kernels;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Numerics;

/// <summary>
/// ForwardBatch's blocks whose buffers are past the stack budget (N3's and N4's blocks of four panels at Vector256,
/// EightRowPanels' blocks of two 8-row panels at every width) and so are in the thread's scratch array: the same bits as
/// blocks of one panel on the stack, nothing allocated after a thread's first call, and threads sharing one network.
/// </summary>
public class ForwardBatchBlockTests
{
    private static readonly int[] Batches = [64, 48, 70, 96, 133];

    public static TheoryData<string> Shapes() => [nameof(N4Network), nameof(DigitClassifier), nameof(EightRowPanels)];

    [Fact]
    public void BlocksPastTheStackBudgetTakeFourPanelsAtVector256()
    {
        // Per panel row: N4 512 + 512 floats, N3 784 + 128, N2 64 + 64.
        Assert.Equal((4, false), Block(new N4Network(1), 16));
        Assert.Equal((4, false), Block(new DigitClassifier(1), 16));
        Assert.Equal((4, true), Block(new N2Network(1), 16));
        Assert.Equal((2, false), Block(new N4Network(1), 32));      // Vector512: 64 rows, 256 KiB
        Assert.Equal((4, true), Block(new N4Network(1), 8));        // Vector128: 32 rows, 128 KiB
        Assert.Equal((2, false), Block(new EightRowPanels(1), 8));  // 4,096 floats a row: one panel fills the stack budget

        static (int Panels, bool OnStack) Block(INetwork network, int panelRows)
        {
            var layout = network.Architecture.BatchLayout;
            var panels = layout.PanelsPerBlock(panelRows);
            return (panels, layout.OnStack(panelRows, panels));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BlocksPastTheStackBudgetGiveTheBitsOfOnePanelBlocks(string shape)
    {
        var network = Create(shape);
        var panelRows = ColumnKernels.PanelRows(network.Architecture.BatchLayout.WidestPanel);
        var inputs = RandomRows(Batches.Max(), network.InputSize, seed: 5);
        foreach (var rows in Batches)
        {
            var batch = Forward(network, inputs.AsSpan(0, rows * network.InputSize));

            // Batches of one panel at most: blocks of one panel, or rows one by one without SIMD.
            var step = panelRows == 0 ? 1 : panelRows;
            var panelled = new float[batch.Length];
            for (var first = 0; first < rows; first += step)
            {
                var count = Math.Min(step, rows - first);
                network.ForwardBatch(inputs.AsSpan(first * network.InputSize, count * network.InputSize), panelled.AsSpan(first * network.OutputSize, count * network.OutputSize));
            }

            Assert.True(MemoryMarshal.Cast<float, int>(batch).SequenceEqual(MemoryMarshal.Cast<float, int>(panelled)), $"{shape}, batch {rows}: blocks of several panels differ from blocks of one");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AThreadAllocatesOnlyOnItsFirstCall(string shape)
    {
        var network = Create(shape);
        var layout = network.Architecture.BatchLayout;
        var panelRows = ColumnKernels.PanelRows(layout.WidestPanel);
        var pastStack = panelRows > 0 && !layout.OnStack(panelRows, layout.PanelsPerBlock(panelRows));
        var inputs = RandomRows(Batches.Max(), network.InputSize, seed: 6);
        var outputs = new float[Batches.Max() * network.OutputSize];
        void CallEveryBatch()
        {
            foreach (var rows in Batches)
            {
                network.ForwardBatch(inputs.AsSpan(0, rows * network.InputSize), outputs.AsSpan(0, rows * network.OutputSize));
            }
        }

        long first = 0, later = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            network.ForwardBatch(inputs.AsSpan(0, 64 * network.InputSize), outputs.AsSpan(0, 64 * network.OutputSize));
            first = GC.GetAllocatedBytesForCurrentThread() - before;
            for (var i = 0; i < 20; i++)
            {
                CallEveryBatch();
            }

            later = Allocations.LeastPerRound(() =>
            {
                for (var i = 0; i < 20; i++)
                {
                    CallEveryBatch();
                }
            });
        });
        thread.Start();
        thread.Join();

        // The first call's array holds a whole block's buffers, whatever the batch it came with.
        Assert.True(!pastStack || first >= sizeof(float) * layout.FloatsPerRow * panelRows * layout.PanelsPerBlock(panelRows), $"{shape}: the first call allocated {first} B");
        Assert.Equal(0, later);
    }

    [Fact]
    public void ThreadsSharingOneNetworkGetTheSingleThreadBits()
    {
        var network = new N4Network(7);
        var inputs = RandomRows(Batches.Max(), N4Network.InputSize, seed: 8);
        var expected = Batches.Select(rows => Forward(network, inputs.AsSpan(0, rows * N4Network.InputSize))).ToArray();
        var failures = new string?[4];
        using var start = new Barrier(failures.Length);
        var threads = Enumerable.Range(0, failures.Length).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < 6; round++)
            {
                var index = (round + t) % Batches.Length;
                var outputs = Forward(network, inputs.AsSpan(0, Batches[index] * N4Network.InputSize));
                if (!MemoryMarshal.Cast<float, int>(outputs).SequenceEqual(MemoryMarshal.Cast<float, int>(expected[index])))
                {
                    failures[t] = $"thread {t}, round {round}, batch {Batches[index]}";
                }
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.All(failures, failure => Assert.Null(failure));
    }

    private static INetwork Create(string shape) => shape switch
    {
        nameof(N4Network) => new N4Network(3),
        nameof(DigitClassifier) => new DigitClassifier(3),
        _ => new EightRowPanels(3),
    };

    private static float[] Forward(INetwork network, ReadOnlySpan<float> inputs)
    {
        var outputs = new float[inputs.Length / network.InputSize * network.OutputSize];
        network.ForwardBatch(inputs, outputs);
        return outputs;
    }

    private static float[] RandomRows(int rows, int size, int seed) => Parallelism.ParallelForwardTests.RandomRows(rows, size, seed);
}
