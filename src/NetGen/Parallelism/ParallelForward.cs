using System;
using NetGen.Kernels;

namespace NetGen;

/// <summary>
/// <see cref="INetwork.ForwardBatch"/> over many rows on several threads, for callers that have the cores: a game
/// updating thousands of agents, or scoring a large data set. <c>Forward</c> and <c>ForwardBatch</c> themselves never
/// start threads.
/// </summary>
public static class ParallelForward
{
    private static readonly Action<int> s_runChunk = RunChunk;
    private static readonly SharedWorkerTeam s_team = new();
    private static ChunkedCall s_call;

    /// <summary>
    /// The rows of every chunk but the last are a multiple of this: a multiple of every row block the generated batch
    /// kernels take (vectors of 8 or 16 rows, panels of two vectors), so that each row goes through the same kernel, and
    /// gives the same bits, as in one <see cref="INetwork.ForwardBatch"/> over all the rows.
    /// </summary>
    internal const int RowAlignment = 32;

    /// <summary>
    /// Chunks per thread: the team's threads take the next chunk left, so with several each, a thread slowed by other
    /// work on its core (or woken late) does fewer, while the others do more. A chunk of 32 rows or more costs no
    /// extra reads of the weights: the batch kernels read them once per block of panels, which is 32 rows for N3 and
    /// N4 with Vector256.
    /// </summary>
    internal const int ChunksPerThread = 4;

    /// <summary>
    /// The least work of a chunk, in multiply-adds (rows × <see cref="INetwork.ParameterCount"/>): about 0.5 MFLOP, tens of
    /// microseconds on one core, against the microsecond or so it takes to hand a chunk to a waiting thread.
    /// </summary>
    internal const long MinimumMultiplyAddsPerChunk = 1 << 18;

    /// <summary>
    /// Computes consecutive rows of <see cref="INetwork.InputSize"/> inputs into rows of <see cref="INetwork.OutputSize"/>
    /// outputs, as <see cref="INetwork.ForwardBatch"/> does, on up to <see cref="Environment.ProcessorCount"/> threads.
    /// </summary>
    /// <inheritdoc cref="ForwardBatchParallel(INetwork, ReadOnlyMemory{float}, Memory{float}, int)"/>
    public static void ForwardBatchParallel(this INetwork network, ReadOnlyMemory<float> inputs, Memory<float> outputs) =>
        ForwardBatchParallel(network, inputs, outputs, Environment.ProcessorCount);

    /// <summary>
    /// Computes consecutive rows of <see cref="INetwork.InputSize"/> inputs into rows of <see cref="INetwork.OutputSize"/>
    /// outputs, as <see cref="INetwork.ForwardBatch"/> does, on up to <paramref name="maxDegreeOfParallelism"/> threads
    /// (the calling thread among them), and no more than <see cref="Environment.ProcessorCount"/>. The rows are split
    /// into contiguous chunks, a few per thread, each large enough to pay for handing it out, and each thread takes the
    /// next chunk left; a batch too small for two chunks runs on the calling thread alone. The outputs are
    /// bit-identical to one <see cref="INetwork.ForwardBatch"/> call over all the rows. The network is only read, so
    /// other threads may use it meanwhile (but not change its parameters). The chunks run on a team of background
    /// threads that the first call starts and the process keeps; after a call they spin for up to a millisecond, so
    /// that the next call (the next frame's agents, the next batch of a data set) finds them awake, then sleep. While
    /// one call has the team, a call from another thread runs its rows on its own thread. Nothing is allocated.
    /// </summary>
    /// <param name="network">The network to run.</param>
    /// <param name="inputs">Rows of <see cref="INetwork.InputSize"/> inputs (an array converts to it).</param>
    /// <param name="outputs">As many rows of <see cref="INetwork.OutputSize"/> outputs, written by the call.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use (≥ 1); 1 runs on the calling thread.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> is not a whole number of rows, or <paramref name="outputs"/> is not as many rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is less than 1.</exception>
    public static void ForwardBatchParallel(this INetwork network, ReadOnlyMemory<float> inputs, Memory<float> outputs, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (maxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism,
                $"maxDegreeOfParallelism must be at least 1 (1 runs on the calling thread); got {maxDegreeOfParallelism}.");
        }

        int inputSize = network.InputSize, outputSize = network.OutputSize;
        int rows = inputs.Length / inputSize;
        if (inputs.Length % inputSize != 0)
        {
            Guard.ThrowNotWholeRows(nameof(inputs), inputs.Length, inputSize, "inputs");
        }

        if (outputs.Length != (long)rows * outputSize)
        {
            Guard.ThrowWrongLength(nameof(outputs), rows * outputSize, outputs.Length, $"outputs for {rows} rows");
        }

        int rowsPerChunk = RowsPerChunk(rows, network.ParameterCount, Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount));
        if (rowsPerChunk >= rows)
        {
            network.ForwardBatch(inputs.Span, outputs.Span);
            return;
        }

        RunChunks(network, inputs, outputs, rows, rowsPerChunk);
    }

    /// <summary>
    /// Runs the chunks on the process's forward team, or all on the calling thread while another call has the team;
    /// the rows give the same bits either way.
    /// </summary>
    private static void RunChunks(INetwork network, ReadOnlyMemory<float> inputs, Memory<float> outputs, int rows, int rowsPerChunk)
    {
        if (s_team.TryBorrow() is not { } team)
        {
            network.ForwardBatch(inputs.Span, outputs.Span);
            return;
        }

        try
        {
            s_call = new ChunkedCall(network, inputs, outputs, rows, rowsPerChunk);
            team.Run((rows + rowsPerChunk - 1) / rowsPerChunk, s_runChunk);
        }
        finally
        {
            s_call = default;
            s_team.Return();
        }
    }

    /// <summary>The team the chunks run on, started by the first call that needs it.</summary>
    internal static WorkerTeam Team => s_team.Team;

    private static void RunChunk(int chunk)
    {
        var call = s_call;
        int inputSize = call.Network.InputSize, outputSize = call.Network.OutputSize;
        int start = chunk * call.RowsPerChunk;
        int count = Math.Min(call.RowsPerChunk, call.Rows - start);
        call.Network.ForwardBatch(
            call.Inputs.Span.Slice(start * inputSize, count * inputSize),
            call.Outputs.Span.Slice(start * outputSize, count * outputSize));
    }

    /// <summary>The call the team is running: set before <see cref="WorkerTeam.Run"/>, which publishes it to the team's threads.</summary>
    private readonly record struct ChunkedCall(INetwork Network, ReadOnlyMemory<float> Inputs, Memory<float> Outputs, int Rows, int RowsPerChunk);

    /// <summary>
    /// The rows of each chunk: the rows shared by at most <see cref="ChunksPerThread"/> chunks per thread of at least
    /// <see cref="MinimumMultiplyAddsPerChunk"/> work each, rounded up to <see cref="RowAlignment"/>; all the rows when
    /// they make one chunk or there is one thread.
    /// </summary>
    internal static int RowsPerChunk(int rows, int parameterCount, int threads)
    {
        if (threads <= 1)
        {
            return rows;
        }

        long workChunks = (long)rows * Math.Max(parameterCount, 1) / MinimumMultiplyAddsPerChunk;
        long alignedChunks = (rows + RowAlignment - 1) / RowAlignment;
        long chunks = Math.Min((long)threads * ChunksPerThread, Math.Min(workChunks, alignedChunks));
        if (chunks <= 1)
        {
            return rows;
        }

        long perChunk = (rows + chunks - 1) / chunks;
        return (int)((perChunk + RowAlignment - 1) / RowAlignment * RowAlignment);
    }
}
