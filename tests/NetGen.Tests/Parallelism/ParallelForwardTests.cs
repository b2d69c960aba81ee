using System;
using System.Linq;
using System.Runtime.InteropServices;
using NetGen;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Parallelism;

public class ParallelForwardTests
{
    internal static float[] RandomRows(int rows, int size, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * size];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }

    private static void AssertBitIdenticalToSerial(INetwork network, int rows, int threads)
    {
        var inputs = RandomRows(rows, network.InputSize, seed: rows + threads);
        var serial = new float[rows * network.OutputSize];
        var parallel = new float[serial.Length];
        parallel.AsSpan().Fill(float.NaN);
        network.ForwardBatch(inputs, serial);

        network.ForwardBatchParallel(inputs, parallel, threads);

        Assert.Equal(MemoryMarshal.Cast<float, int>(serial).ToArray(), MemoryMarshal.Cast<float, int>(parallel).ToArray());
    }

    [Theory]
    [InlineData(256, 2)]
    [InlineData(203, 3)]    // a short last chunk whose tail rows take the one-row kernel, as in the serial call
    [InlineData(197, 2)]    // 6 chunks of 32 rows and one of 5, which take the one-row kernel with Vector256 as in the serial call
    [InlineData(1000, 7)]
    [InlineData(31, 2)]     // fewer rows than one aligned chunk: the calling thread alone
    public void DigitClassifier_GivesTheSerialBits(int rows, int threads)
    {
        Assert.True(rows < 64 || ParallelForward.RowsPerChunk(rows, DigitClassifier.ParameterCount, threads) < rows);
        AssertBitIdenticalToSerial(new DigitClassifier(3), rows, threads);
    }

    [Theory]
    [InlineData(256, 2)]
    [InlineData(97, 3)]
    public void N4_GivesTheSerialBits(int rows, int threads) =>
        AssertBitIdenticalToSerial(new N4Network(1), rows, threads);

    [Theory]
    [InlineData(5000, 2)]
    [InlineData(4099, 4)]
    public void SmallNetworkOverManyRows_GivesTheSerialBits(int rows, int threads)
    {
        Assert.True(ParallelForward.RowsPerChunk(rows, N2Network.ParameterCount, threads) < rows);
        AssertBitIdenticalToSerial(new N2Network(2), rows, threads);
    }

    [Fact]
    public void CallsFromSeveralThreadsAtOnce_EachGiveTheSerialBits()
    {
        // Four threads share the one team: whichever call holds it runs in chunks, the others on their own threads.
        var networks = new INetwork[] { new DigitClassifier(1), new N4Network(2), new DigitClassifier(3), new N2Network(4) };
        var inputs = networks.Select((network, i) => RandomRows(256, network.InputSize, seed: i)).ToArray();
        var serial = networks.Select((network, i) => Forward(network, inputs[i])).ToArray();
        var parallel = networks.Select(network => new float[256 * network.OutputSize]).ToArray();

        System.Threading.Tasks.Parallel.For(0, networks.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            for (int call = 0; call < 20; call++)
            {
                parallel[i].AsSpan().Fill(float.NaN);
                networks[i].ForwardBatchParallel(inputs[i], parallel[i], 2);
                Assert.Equal(MemoryMarshal.Cast<float, int>(serial[i]).ToArray(), MemoryMarshal.Cast<float, int>(parallel[i]).ToArray());
            }
        });

        static float[] Forward(INetwork network, float[] inputs)
        {
            var outputs = new float[inputs.Length / network.InputSize * network.OutputSize];
            network.ForwardBatch(inputs, outputs);
            return outputs;
        }
    }

    [Fact]
    public void NoRows_WritesNothing()
    {
        var network = new N2Network(2);
        network.ForwardBatchParallel(ReadOnlyMemory<float>.Empty, Memory<float>.Empty, 2);
    }

    [Theory]
    [InlineData(256, 101_770, 2, 32)]      // N3: 8 chunks of one 32-row block each, 4 per thread
    [InlineData(203, 101_770, 3, 32)]      // 7 aligned chunks, the last of 11 rows
    [InlineData(1_024, 101_770, 2, 128)]
    [InlineData(256, 101_770, 1, 256)]
    [InlineData(4_000, 386, 8, 800)]       // 386 parameters: work for 5 chunks, not 32
    [InlineData(600, 386, 8, 600)]         // too little work for two chunks
    [InlineData(32, 1_000_000, 8, 32)]     // no more rows than one aligned chunk
    public void RowsPerChunk_SplitsByThreadsWorkAndAlignment(int rows, int parameterCount, int threads, int expected)
    {
        int perChunk = ParallelForward.RowsPerChunk(rows, parameterCount, threads);

        Assert.Equal(expected, perChunk);
        Assert.True(perChunk == rows || perChunk % ParallelForward.RowAlignment == 0);
        Assert.True((rows + perChunk - 1) / perChunk <= threads * ParallelForward.ChunksPerThread);
    }

    [Fact]
    public void InputsNotWholeRows_NamesInputs()
    {
        var network = new N2Network(2);
        var error = Assert.Throws<ArgumentException>(() => network.ForwardBatchParallel(new float[33], new float[8], 2));
        Assert.Equal("inputs", error.ParamName);
        Assert.Contains("33 values", error.Message);
        Assert.Contains("32 inputs", error.Message);
    }

    [Fact]
    public void OutputsNotAsManyRows_NamesOutputs()
    {
        var network = new N2Network(2);
        var error = Assert.Throws<ArgumentException>(() => network.ForwardBatchParallel(new float[64], new float[8], 2));
        Assert.Equal("outputs", error.ParamName);
        Assert.Contains("16 outputs for 2 rows", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void DegreeBelowOne_NamesIt(int degree)
    {
        var network = new N2Network(2);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => network.ForwardBatchParallel(new float[64], new float[16], degree));
        Assert.Equal("maxDegreeOfParallelism", error.ParamName);
        Assert.Contains("at least 1", error.Message);
    }

    [Fact]
    public void NullNetwork_NamesIt()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ParallelForward.ForwardBatchParallel(null!, new float[64], new float[16], 2));
        Assert.Equal("network", error.ParamName);
    }

    [Fact]
    public void OneChunk_AllocatesNothing()
    {
        var network = new N2Network(2);
        var inputs = RandomRows(64, N2Network.InputSize, seed: 1);
        var outputs = new float[64 * N2Network.OutputSize];
        for (int i = 0; i < 100; i++)
        {
            network.ForwardBatchParallel(inputs, outputs, 1);
            network.ForwardBatchParallel(inputs, outputs, 4);
        }

        long allocated = Allocations.LeastPerRound(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                network.ForwardBatchParallel(inputs, outputs, 1);
                network.ForwardBatchParallel(inputs, outputs, 4);   // 64 rows of 6,792 parameters: one chunk's work
            }
        });

        Assert.Equal(0, allocated);
    }
}
