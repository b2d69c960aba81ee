using System;
using System.Numerics;
using System.Runtime.InteropServices;
using NetGen.Kernels;

namespace NetGen;

/// <summary>
/// A batch's gradient computed by several threads: the rows are split into contiguous shares, one per worker (the
/// network itself and replicas sharing its parameters), each worker computes its share's mean gradient into its own
/// buffer, and the buffers are summed into the network's, each weighted by its share of the rows, always in worker
/// order. Every float operation is therefore fixed by the batch and the thread count, never by thread timing. A
/// fused optimizer's step runs in the same pass as the sum, each thread updating its own slice of the parameters.
/// </summary>
internal sealed class DataParallelGradient : BatchGradient
{
    /// <summary>The fewest parameters one thread of the reduction sums; fewer are not worth a part of their own.</summary>
    private const int MinimumReductionSlice = 1 << 14;

    /// <summary>Parameters summed, then updated, at a time: the summed gradient is still in L1 when the rule reads it.</summary>
    private const int UpdateChunk = 2048;

    private readonly INetwork[] _workers;
    private readonly float[] _shareLosses;
    private readonly float[] _shareWeights;
    private readonly WorkerTeam _team;
    private readonly Action<int> _backwardShare;
    private readonly Action<int> _reduceSlice;
    private SliceUpdate? _sliceUpdate;
    private Dataset? _source;
    private ReadOnlyMemory<int> _sourceRows;
    private (Memory<float> Inputs, Memory<float> Targets) _gatherInto;
    private ReadOnlyMemory<float> _inputs;
    private ReadOnlyMemory<float> _targets;
    private int _rows;
    private int _shares;
    private int _slices;

    /// <summary>The process's team for data-parallel steps, lent to one training run at a time.</summary>
    private static readonly SharedWorkerTeam s_sharedTeam = new();

    private readonly bool _teamIsShared;
    private bool _disposed;

    /// <summary>
    /// <paramref name="threads"/> shares on the process's shared team while no other run has it (and the machine has
    /// that many cores), else on a team of its own; the network's replicas are borrowed from <see cref="ReplicaCache"/>.
    /// </summary>
    public DataParallelGradient(INetwork network, int threads)
        : this(network, threads, threads <= Environment.ProcessorCount ? s_sharedTeam.TryBorrow() : null, threads)
    {
    }

    /// <summary>
    /// <paramref name="threads"/> shares on a team of <paramref name="teamSize"/> threads of its own: with fewer threads
    /// than shares, a thread runs several (the tests' way of running every share on the calling thread).
    /// </summary>
    internal DataParallelGradient(INetwork network, int threads, int teamSize)
        : this(network, threads, sharedTeam: null, teamSize)
    {
    }

    private DataParallelGradient(INetwork network, int threads, WorkerTeam? sharedTeam, int teamSize)
    {
        try
        {
            _workers = ReplicaCache.Borrow(network, threads);
        }
        catch
        {
            if (sharedTeam is not null)
            {
                s_sharedTeam.Return();
            }

            throw;
        }

        _shareLosses = new float[threads];
        _shareWeights = new float[threads];
        _teamIsShared = sharedTeam is not null;
        _team = sharedTeam ?? new WorkerTeam(teamSize);
        _team.WakeUp(threads - 1);
        _backwardShare = BackwardShare;
        _reduceSlice = ReduceSlice;
    }

    private INetwork Network => _workers[0];

    /// <summary>The threads the shares run on.</summary>
    internal WorkerTeam Team => _team;

    /// <summary>The network, then the replicas that compute the other shares.</summary>
    internal ReadOnlySpan<INetwork> Workers => _workers;

    public override float Compute(ReadOnlyMemory<float> inputs, ReadOnlyMemory<float> targets)
    {
        float loss = ShareGradients(inputs, targets);
        _team.Run(_slices, _reduceSlice);
        return loss;
    }

    public override float Step(ReadOnlyMemory<float> inputs, ReadOnlyMemory<float> targets, IOptimizer optimizer)
    {
        if (optimizer is not IFusedOptimizer fused)
        {
            float loss = Compute(inputs, targets);
            if (float.IsFinite(loss))
            {
                optimizer.Step(Network.Parameters, Network.Gradients);
            }

            return loss;
        }

        _inputs = inputs;
        _targets = targets;
        return fused.FusedStep(Network, new Pass(this), inputs.Span, targets.Span);
    }

    /// <summary>The fused step, each share gathering its own rows on its own thread.</summary>
    public override float Step(Dataset source, ReadOnlyMemory<int> rows, Memory<float> inputs, Memory<float> targets, IOptimizer optimizer)
    {
        _source = source;
        _sourceRows = rows;
        _gatherInto = (inputs, targets);
        try
        {
            return Step(inputs, targets, optimizer);
        }
        finally
        {
            _source = null;
        }
    }

    /// <summary>Returns the replicas and the shared team, or ends a team of its own.</summary>
    public override void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ReplicaCache.Return(_workers);
        if (_teamIsShared)
        {
            s_sharedTeam.Return();
        }
        else
        {
            _team.Dispose();
        }
    }

    /// <summary>Every worker's share of the rows into its own gradient; returns the batch's mean loss.</summary>
    private float ShareGradients(ReadOnlyMemory<float> inputs, ReadOnlyMemory<float> targets)
    {
        _inputs = inputs;
        _targets = targets;
        _rows = inputs.Length / Network.InputSize;
        _shares = Math.Min(_workers.Length, _rows);
        _slices = Math.Clamp(Network.ParameterCount / MinimumReductionSlice, 1, _shares);
        _team.Run(_shares, _backwardShare);
        double lossSum = 0;
        for (int share = 0; share < _shares; share++)
        {
            int rows = ShareStart(share + 1) - ShareStart(share);
            _shareWeights[share] = (float)rows / _rows;
            lossSum += (double)_shareLosses[share] * rows;
        }

        return (float)(lossSum / _rows);
    }

    /// <summary>The fused step: the shares' gradients, then, if the loss is finite, the sum and the rule's update slice by slice.</summary>
    private float FusedStep<TRule>(ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        float loss = ShareGradients(_inputs, _targets);
        if (float.IsFinite(loss))
        {
            var update = _sliceUpdate as SliceUpdate<TRule> ?? new SliceUpdate<TRule>(this);
            _sliceUpdate = update;
            update.Rule = rule;
            _team.Run(_slices, update.Body);
        }

        return loss;
    }

    /// <summary>The first row of <paramref name="share"/>: the rows split as evenly as whole rows allow.</summary>
    private int ShareStart(int share) => (int)((long)share * _rows / _shares);

    private void BackwardShare(int share)
    {
        int start = ShareStart(share);
        int rows = ShareStart(share + 1) - start;
        int inputSize = Network.InputSize, outputSize = Network.OutputSize;
        if (_source is { } source)
        {
            source.GatherRows(_sourceRows.Span.Slice(start, rows),
                _gatherInto.Inputs.Span.Slice(start * inputSize, rows * inputSize),
                _gatherInto.Targets.Span.Slice(start * outputSize, rows * outputSize));
        }

        var worker = _workers[share];
        worker.ZeroGradients();
        _shareLosses[share] = worker.BackwardBatch(
            _inputs.Span.Slice(start * inputSize, rows * inputSize),
            _targets.Span.Slice(start * outputSize, rows * outputSize));
    }

    /// <summary>The parameters of <paramref name="slice"/>: the parameters split into <see cref="_slices"/> contiguous runs.</summary>
    private (int Start, int Length) Slice(int slice)
    {
        int count = Network.ParameterCount;
        int start = (int)((long)slice * count / _slices);
        return (start, (int)((long)(slice + 1) * count / _slices) - start);
    }

    private void ReduceSlice(int slice)
    {
        var (start, length) = Slice(slice);
        Reduce(start, length);
    }

    /// <summary>Sums a run of the parameters' gradients over the workers, in worker order, into the network's gradient.</summary>
    private void Reduce(int start, int length)
    {
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

    /// <summary>The network's step as an optimizer's fused step sees it.</summary>
    private readonly struct Pass(DataParallelGradient gradient) : IFusedTrainingPass
    {
        public float Run<TRule>(ref TRule rule, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
            where TRule : struct, IUpdateRule => gradient.FusedStep(ref rule);
    }

    private abstract class SliceUpdate;

    /// <summary>One slice's sum and update with the step's rule, made once per rule type and handed to the team's threads.</summary>
    private sealed class SliceUpdate<TRule> : SliceUpdate
        where TRule : struct, IUpdateRule
    {
        private readonly DataParallelGradient _gradient;

        /// <summary>The rule of the current step, set before the team runs <see cref="Body"/>.</summary>
        public TRule Rule;

        public SliceUpdate(DataParallelGradient gradient)
        {
            _gradient = gradient;
            Body = Update;
        }

        public Action<int> Body { get; }

        private void Update(int slice)
        {
            var (start, length) = _gradient.Slice(slice);
            var parameters = _gradient.Network.Parameters;
            var gradients = _gradient.Network.Gradients;
            var rule = Rule;
            for (int at = start, end = start + length; at < end; at += UpdateChunk)
            {
                int count = Math.Min(UpdateChunk, end - at);
                _gradient.Reduce(at, count);
                UpdateRules.Apply(ref rule, parameters.Slice(at, count), gradients.Slice(at, count), at);
            }
        }
    }
}
