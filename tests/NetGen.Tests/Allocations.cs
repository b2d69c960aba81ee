using System;

namespace NetGen.Tests;

/// <summary>Measures what code allocates on the calling thread, apart from the runtime's one-off work.</summary>
internal static class Allocations
{
    /// <summary>
    /// The least that one round of <paramref name="round"/> allocates over several rounds. An allocation made by
    /// every call shows in every round; the runtime's one-off work (a method promoted to tier 1 or compiled by
    /// on-stack replacement mid-round) shows in one.
    /// </summary>
    public static long LeastPerRound(Action round, int rounds = 3)
    {
        long least = long.MaxValue;
        for (int i = 0; i < rounds; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            round();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
