using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace NetGen;

/// <summary>
/// A batch's gradient computed by several threads: the rows are split into contiguous shares, one per worker (the
/// network itself and replicas sharing its parameters), each worker computes its share's mean gradient into its own
/// buffer, and the buffers are summed into the network's, each weighted by its share of the rows, always in worker
/// order. Every float operation is therefore fixed by the batch and the thread count, never by thread timing.
/// </summary>
internal sealed class DataParallelGradient : BatchGradient
{
    /// <summary>The fewest parameters one thread of the reduction sums; fewer are not worth a work item.</summary>
    private const int MinimumReductionSlice = 1 << 14;

    private readonly INetwork[] _workers;
    private readonly float[] _shareLosses;
    private readonly float[] _shareWeights;
    private readonly ParallelOptions _options;
    private readonly Action<int> _backwardShare;
    private readonly Action<int> _reduceSlice;
    private ReadOnlyMemory<float> _inputs;
    private ReadOnlyMemory<float> _targets;
    private int _rows;
    private int _shares;
    private int _slices;

    public DataParallelGradient(INetwork network, int threads)
    {
        _workers = new INetwork[threads];
        _workers[0] = network;
        for (int i = 1; i < threads; i++)
        {
            _workers[i] = network.CreateReplicaSharingParameters();
        }

        _shareLosses = new float[threads];
        _shareWeights = new float[threads];
        _options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        _backwardShare = BackwardShare;
        _reduceSlice = ReduceSlice;
    }

    private INetwork Network => _workers[0];

    public override float Compute(ReadOnlyMemory<float> inputs, ReadOnlyMemory<float> targets)
    {
        _inputs = inputs;
        _targets = targets;
        _rows = inputs.Length / Network.InputSize;
        _shares = Math.Min(_workers.Length, _rows);
        _slices = Math.Clamp(Network.ParameterCount / MinimumReductionSlice, 1, _shares);
        Run(_shares, _backwardShare);
        double lossSum = 0;
        for (int share = 0; share < _shares; share++)
        {
            int rows = ShareStart(share + 1) - ShareStart(share);
            _shareWeights[share] = (float)rows / _rows;
            lossSum += (double)_shareLosses[share] * rows;
        }

        Run(_slices, _reduceSlice);
        return (float)(lossSum / _rows);
    }

    private void Run(int count, Action<int> body)
    {
        if (count == 1)
        {
            body(0);
        }
        else
        {
            Parallel.For(0, count, _options, body);
        }
    }

    /// <summary>The first row of <paramref name="share"/>: the rows split as evenly as whole rows allow.</summary>
    private int ShareStart(int share) => (int)((long)share * _rows / _shares);

    private void BackwardShare(int share)
    {
        int start = ShareStart(share);
        int rows = ShareStart(share + 1) - start;
        int inputSize = Network.InputSize, outputSize = Network.OutputSize;
        var worker = _workers[share];
        worker.ZeroGradients();
        _shareLosses[share] = worker.BackwardBatch(
            _inputs.Span.Slice(start * inputSize, rows * inputSize),
            _targets.Span.Slice(start * outputSize, rows * outputSize));
    }

    /// <summary>Sums one contiguous slice of the parameters' gradients over the workers, in worker order.</summary>
    private void ReduceSlice(int slice)
    {
        int count = Network.ParameterCount;
        int start = (int)((long)slice * count / _slices);
        int length = (int)((long)(slice + 1) * count / _slices) - start;
        var total = Network.Gradients.Slice(start, length);
        GradientClipping.Scale(total, _shareWeights[0]);
        for (int share = 1; share < _shares; share++)
        {
            AddScaled(total, _workers[share].Gradients.Slice(start, length), _shareWeights[share]);
        }
    }

    /// <summary><paramref name="total"/> += <paramref name="values"/>·<paramref name="factor"/>, multiplied then added (not fused).</summary>
    private static void AddScaled(Span<float> total, ReadOnlySpan<float> values, float factor)
    {
        var totals = MemoryMarshal.Cast<float, Vector<float>>(total);
        var addends = MemoryMarshal.Cast<float, Vector<float>>(values);
        for (int i = 0; i < totals.Length; i++)
        {
            totals[i] += addends[i] * factor;
        }

        for (int i = totals.Length * Vector<float>.Count; i < total.Length; i++)
        {
            total[i] += values[i] * factor;
        }
    }
}
