using System;
using System.Threading;

namespace NetGen;

/// <summary>
/// A <see cref="WorkerTeam"/> of <see cref="Environment.ProcessorCount"/> threads that a process starts once, on first
/// use, and keeps, lent to one user at a time: a caller that finds it lent out goes on without it (on its own thread, or
/// with a team of its own), so two users never wait for each other.
/// </summary>
internal sealed class SharedWorkerTeam
{
    private WorkerTeam? _team;
    private int _lent;

    /// <summary>The team, started by the first call that needs it; use it only while it is lent to you.</summary>
    public WorkerTeam Team => _team ?? CreateTeam();

    /// <summary>Lends the team to the caller until <see cref="Return"/>; null if it is lent out already.</summary>
    public WorkerTeam? TryBorrow() => Interlocked.Exchange(ref _lent, 1) == 0 ? Team : null;

    /// <summary>Ends the loan of a team <see cref="TryBorrow"/> gave.</summary>
    public void Return() => Volatile.Write(ref _lent, 0);

    private WorkerTeam CreateTeam()
    {
        var team = new WorkerTeam(Environment.ProcessorCount);
        if (Interlocked.CompareExchange(ref _team, team, null) is { } existing)
        {
            team.Dispose();
            return existing;
        }

        return team;
    }
}
