using System;
using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NetGen;

/// <summary>
/// The state of one <see cref="Trainer.Train"/> call: the row order, the batch buffers, the best parameters and, with
/// <see cref="Trainer.Threads"/> &gt; 1, the replicas and threads of the data-parallel step (borrowed for the call and
/// returned by <see cref="Dispose"/>), all made once so that training batches allocate nothing. Arrays large enough
/// for the large-object heap are rented from the shared pool rather than made per call: a new one is fresh memory whose
/// pages fault on their first write (about a millisecond a call for a 784-128-10 network in batches of 256), and it
/// counts towards the next full collection. Smaller ones are made, so that what a call allocates stays the same from
/// call to call (a pool that has trimmed its arrays would allocate in one call and not in another).
/// </summary>
internal sealed class TrainingRun : IDisposable
{
    /// <summary>The size from which the runtime puts an array on the large-object heap.</summary>
    private const int LargeObjectBytes = 85_000;

    private readonly INetwork _network;
    private readonly IOptimizer _optimizer;
    private readonly BatchGradient _gradient;
    private readonly Dataset _train;
    private readonly int _batchSize;
    private readonly int _seed;
    private readonly double? _maxGradientNorm;
    private readonly IProgress<BatchReport>? _batchProgress;
    private readonly int[] _order;
    private readonly float[] _batchInputs;
    private readonly float[] _batchTargets;
    private readonly float[] _bestParameters;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private double _bestLoss = double.PositiveInfinity;

    public TrainingRun(INetwork network, IOptimizer optimizer, Dataset train, int batchSize, int seed, double? maxGradientNorm, IProgress<BatchReport>? batchProgress,
        int threads)
    {
        _network = network;
        _optimizer = optimizer;
        _train = train;
        _batchSize = Math.Min(batchSize, train.Count);
        _seed = seed;
        _maxGradientNorm = maxGradientNorm;
        _batchProgress = batchProgress;
        // First: a data-parallel strategy wakes its team, whose threads start while the rest is set up.
        _gradient = BatchGradient.For(network, threads);
        _order = RentOrMake<int>(train.Count);
        _batchInputs = RentOrMake<float>(_batchSize * train.FeatureCount);
        _batchTargets = RentOrMake<float>(_batchSize * train.TargetCount);
        _bestParameters = RentOrMake<float>(network.ParameterCount);
        network.Parameters.CopyTo(_bestParameters);
    }

    /// <summary>The number of batches in each epoch.</summary>
    public int BatchCount => (_train.Count + _batchSize - 1) / _batchSize;

    /// <summary>The epoch whose parameters are kept as the best, 0 before any epoch completed.</summary>
    public int BestEpoch { get; private set; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startTimestamp);

    /// <summary>Trains one epoch and returns the mean over rows of the batches' losses.</summary>
    public double TrainEpoch(int epoch, CancellationToken cancellationToken)
    {
        int rowCount = _train.Count;
        new SplitMix64(_seed, epoch).Permutation(_order.AsSpan(0, rowCount));
        double lossSum = 0;
        int batch = 0;
        for (int start = 0; start < rowCount; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch++;
            int rows = Math.Min(_batchSize, rowCount - start);
            var inputs = _batchInputs.AsMemory(0, rows * _train.FeatureCount);
            var targets = _batchTargets.AsMemory(0, rows * _train.TargetCount);
            float loss = Step(_order.AsMemory(start, rows), inputs, targets);
            if (!float.IsFinite(loss))
            {
                throw Diverged(epoch, batch, loss);
            }

            lossSum += (double)loss * rows;
            _batchProgress?.Report(new BatchReport(epoch, batch, BatchCount, loss));
        }

        return lossSum / rowCount;
    }

    /// <summary>
    /// One optimizer step on the batch of <paramref name="rows"/>, gathered into the batch buffers; returns its mean loss, and changes nothing if that is not finite. Without
    /// clipping the strategy takes the step as <see cref="INetwork.TrainStepBatch"/> does, applying an
    /// <see cref="IFusedOptimizer"/>'s update as the gradient is summed; clipping needs the whole gradient first, so it
    /// takes the gradient, then the step.
    /// </summary>
    private float Step(ReadOnlyMemory<int> rows, Memory<float> inputs, Memory<float> targets)
    {
        if (_maxGradientNorm is null)
        {
            return _gradient.Step(_train, rows, inputs, targets, _optimizer);
        }

        _train.GatherRows(rows.Span, inputs.Span, targets.Span);
        float loss = _gradient.Compute(inputs, targets);
        if (float.IsFinite(loss))
        {
            GradientClipping.ClipByNorm(_network.Gradients, _maxGradientNorm.Value);
            _optimizer.Step(_network.Parameters, _network.Gradients);
        }

        return loss;
    }

    /// <summary>Keeps the parameters if <paramref name="loss"/> is the lowest so far; returns whether it was.</summary>
    public bool RecordEpoch(int epoch, double loss)
    {
        if (!(loss < _bestLoss))
        {
            return false;
        }

        _bestLoss = loss;
        BestEpoch = epoch;
        _network.Parameters.CopyTo(_bestParameters);
        return true;
    }

    /// <summary>Returns the replicas and threads a data-parallel run borrowed, and the rented arrays.</summary>
    public void Dispose()
    {
        _gradient.Dispose();
        ReturnIfRented(_order);
        ReturnIfRented(_batchInputs);
        ReturnIfRented(_batchTargets);
        ReturnIfRented(_bestParameters);
    }

    private static bool IsLarge<T>(int length) => (long)length * Unsafe.SizeOf<T>() >= LargeObjectBytes;

    /// <summary>At least <paramref name="length"/> elements: rented if that is a large object, else a new array.</summary>
    private static T[] RentOrMake<T>(int length) => IsLarge<T>(length) ? ArrayPool<T>.Shared.Rent(length) : new T[length];

    /// <summary>Returns an array of <see cref="RentOrMake"/> to the pool if it came from there (rented arrays are the large ones).</summary>
    private static void ReturnIfRented<T>(T[] array)
    {
        if (IsLarge<T>(array.Length))
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }

    public void RestoreBest() => _bestParameters.AsSpan(0, _network.ParameterCount).CopyTo(_network.Parameters);

    /// <summary>Restores the best parameters and returns the exception to throw, with the likely causes measured on them.</summary>
    public TrainingDivergedException Diverged(int epoch, int? batch, double loss)
    {
        RestoreBest();
        var causes = DivergenceDiagnosis.LikelyCauses(_network, _train, _optimizer, _maxGradientNorm);
        return new TrainingDivergedException(epoch, batch, loss, BestEpoch, causes);
    }
}
