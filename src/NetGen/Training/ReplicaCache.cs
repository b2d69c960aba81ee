using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace NetGen;

/// <summary>
/// The replicas of each network that data-parallel training has made (<see cref="INetwork.CreateReplicaSharingParameters"/>),
/// kept with the network and no longer: a later <see cref="Trainer.Train"/> with <see cref="Trainer.Threads"/> &gt; 1
/// reuses them rather than allocating the gradients and scratch of each again. A replica keeps no state between
/// batches that a batch reads (each share zeroes its gradients first, and the parameters are the network's own), so a
/// reused replica gives the bits of a new one.
/// </summary>
internal static class ReplicaCache
{
    private static readonly ConditionalWeakTable<INetwork, Replicas> s_replicas = new();

    /// <summary>
    /// <paramref name="threads"/> workers: the network, then its replicas, lent to the caller until <see cref="Return"/>.
    /// While they are lent (the same network trained on two threads at once), a second caller gets new replicas of its
    /// own, which are not kept.
    /// </summary>
    /// <exception cref="System.NotSupportedException">The network cannot create replicas.</exception>
    public static INetwork[] Borrow(INetwork network, int threads)
    {
        var replicas = s_replicas.GetValue(network, static _ => new Replicas());
        var workers = new INetwork[threads];
        workers[0] = network;
        lock (replicas)
        {
            if (replicas.LentTo is null)
            {
                while (replicas.Made.Count < threads - 1)
                {
                    replicas.Made.Add(network.CreateReplicaSharingParameters());
                }

                replicas.Made.CopyTo(0, workers, 1, threads - 1);
                replicas.LentTo = workers;
                return workers;
            }
        }

        for (int i = 1; i < threads; i++)
        {
            workers[i] = network.CreateReplicaSharingParameters();
        }

        return workers;
    }

    /// <summary>
    /// Ends the loan of <paramref name="workers"/>, from <see cref="Borrow"/>; a second caller's own replicas are dropped.
    /// </summary>
    public static void Return(INetwork[] workers)
    {
        if (s_replicas.TryGetValue(workers[0], out var replicas))
        {
            lock (replicas)
            {
                if (ReferenceEquals(replicas.LentTo, workers))
                {
                    replicas.LentTo = null;
                }
            }
        }
    }

    private sealed class Replicas
    {
        public List<INetwork> Made { get; } = [];

        /// <summary>The workers the kept replicas are lent in, until they are returned; null while they are free.</summary>
        public INetwork[]? LentTo { get; set; }
    }
}
