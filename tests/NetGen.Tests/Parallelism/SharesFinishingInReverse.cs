using System;
using System.Collections.Generic;
using System.Threading;
using NetGen;
using NetGen.Tests.Training.TestNetworks;

namespace NetGen.Tests.Parallelism;

/// <summary>
/// Wraps a network so that the shares of a data-parallel step finish in the reverse of their order: the last worker
/// (the replica made last) runs its <see cref="BackwardBatch"/> at once, and every earlier one first waits until the
/// worker after it has finished the same call. The order in which the shares finished is recorded. A team of as many
/// threads as workers must run them, since each share but the last waits for one that another thread runs.
/// </summary>
internal sealed class SharesFinishingInReverse : DelegatingNetwork, INetwork
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Workers _workers;
    private readonly int _worker;
    private int _calls;

    /// <summary>The network itself, worker 0 of <paramref name="workers"/>.</summary>
    public SharesFinishingInReverse(INetwork inner, int workers)
        : this(inner, new Workers(workers), worker: 0)
    {
    }

    private SharesFinishingInReverse(INetwork inner, Workers workers, int worker)
        : base(inner)
    {
        _workers = workers;
        _worker = worker;
    }

    /// <summary>The workers in the order their shares finished, call after call.</summary>
    public IReadOnlyList<int> FinishOrder => _workers.FinishOrder;

    public INetwork CreateReplicaSharingParameters() =>
        new SharesFinishingInReverse(Inner.CreateReplicaSharingParameters(), _workers, _workers.NextReplica());

    public override float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        _calls++;
        _workers.WaitUntilFinished(_worker + 1, _calls);
        float loss = Inner.BackwardBatch(inputs, targets);
        _workers.Finish(_worker);
        return loss;
    }

    private sealed class Workers(int count)
    {
        private readonly int[] _finishedCalls = new int[count];
        private readonly List<int> _finishOrder = [];
        private int _replicas;

        public IReadOnlyList<int> FinishOrder
        {
            get
            {
                lock (this)
                {
                    return _finishOrder.ToArray();
                }
            }
        }

        public int NextReplica() => Interlocked.Increment(ref _replicas);

        /// <summary>Waits until <paramref name="worker"/> has finished <paramref name="calls"/> calls; the last worker waits for none.</summary>
        public void WaitUntilFinished(int worker, int calls)
        {
            if (worker == count)
            {
                return;
            }

            lock (this)
            {
                while (_finishedCalls[worker] < calls)
                {
                    if (!Monitor.Wait(this, WaitLimit))
                    {
                        throw new TimeoutException($"Worker {worker} did not finish call {calls}: is every share on a thread of its own?");
                    }
                }
            }
        }

        public void Finish(int worker)
        {
            lock (this)
            {
                _finishedCalls[worker]++;
                _finishOrder.Add(worker);
                Monitor.PulseAll(this);
            }
        }
    }
}
