using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace NetGen;

/// <summary>
/// A fixed team of threads for work that is handed out many times a second in equal parts, as a training run's
/// batches are: the calling thread takes part 0, then each member the next part left, until none is left. Between parts
/// the team's threads spin a little before they sleep, so that the next batch finds them awake: a sleeping thread
/// takes from tens of microseconds to, on a loaded virtual machine, more than a millisecond to start, and
/// <c>Parallel.For</c>, whose pool threads sleep between calls, pays that start again and again. A team
/// larger than the machine's cores does not spin, since a spinning thread would hold a core that another member needs.
/// Handing out work allocates nothing.
/// </summary>
internal sealed class WorkerTeam : IDisposable
{
    /// <summary>How long a thread waits awake for its next part before it sleeps: longer than the gap between two batches.</summary>
    private static readonly long SpinTicks = TimeSpan.FromMilliseconds(1).Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;

    private const int PartBits = 24;
    private const long PartMask = (1L << PartBits) - 1;

    private readonly Thread[] _threads;
    private readonly long _spinTicks;
    private readonly SemaphoreSlim[] _wakeUps;
    private readonly long[] _allocatedBytes;
    private Action<int>? _body;

    /// <summary>The current call's number and its part count in one word, so that a thread reads the two together.</summary>
    private long _ticket;

    /// <summary>The current call's number and the next part no member has taken yet, in one word.</summary>
    private long _claims;
    private int _finished;
    private ExceptionDispatchInfo? _failure;
    private volatile bool _disposed;

    /// <summary>Starts <paramref name="size"/> − 1 background threads; the caller of <see cref="Run"/> is the team's first member.</summary>
    public WorkerTeam(int size)
    {
        _threads = new Thread[size - 1];
        _spinTicks = size <= Environment.ProcessorCount ? SpinTicks : 0;
        _wakeUps = new SemaphoreSlim[size - 1];
        _allocatedBytes = new long[size - 1];
        for (int i = 0; i < _threads.Length; i++)
        {
            int member = i + 1;
            _wakeUps[i] = new SemaphoreSlim(0);
            _threads[i] = new Thread(() => Serve(member)) { IsBackground = true, Name = $"NetGen worker {member}" };
            _threads[i].Start();
        }
    }

    /// <summary>The threads in the team, the caller of <see cref="Run"/> included.</summary>
    public int Size => _threads.Length + 1;

    /// <summary>
    /// What the team's own threads have allocated in all, as of the end of the last part each ran: what the allocation
    /// tests add to the calling thread's count (a count over all threads would see the test host's threads too).
    /// </summary>
    internal long AllocatedBytes
    {
        get
        {
            long sum = 0;
            for (int i = 0; i < _allocatedBytes.Length; i++)
            {
                sum += Volatile.Read(ref _allocatedBytes[i]);
            }

            return sum;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/>(part) for every part below <paramref name="parts"/> and returns when all have
    /// finished; an exception of any part is rethrown here. The calling thread runs part 0, then every member takes the
    /// next part not yet taken until none is left, so a thread that wakes late (a sleeping thread may be queued behind
    /// the caller on the caller's core) takes fewer parts or none, rather than making the caller wait for its share.
    /// Which thread runs a part is therefore a matter of timing: each part must give the same result on any thread.
    /// </summary>
    public void Run(int parts, Action<int> body)
    {
        if (parts == 1)
        {
            body(0);
            return;
        }

        _body = body;
        _failure = null;
        Volatile.Write(ref _finished, 0);
        long call = (_ticket >> PartBits) + 1;
        Volatile.Write(ref _claims, (call << PartBits) | 1);
        Volatile.Write(ref _ticket, (call << PartBits) | (long)parts);
        WakeUp(parts - 1);

        try
        {
            body(0);
        }
        catch (Exception exception)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(exception), null);
        }

        Interlocked.Increment(ref _finished);
        RunClaimedParts(0, call << PartBits, parts);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _finished) != parts)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _body = null;
        _failure?.Throw();
    }

    /// <summary>
    /// Takes the call's next part while one is left and runs it, recording an exception rather than stopping. The body
    /// is read only once a part is taken: the call cannot have returned then, so the body is that call's.
    /// </summary>
    private void RunClaimedParts(int member, long call, int parts)
    {
        while (TryClaim(call, parts, out int part))
        {
            try
            {
                _body!(part);
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(exception), null);
            }
            finally
            {
                if (member > 0)
                {
                    Volatile.Write(ref _allocatedBytes[member - 1], GC.GetAllocatedBytesForCurrentThread());
                }

                Interlocked.Increment(ref _finished);
            }
        }
    }

    /// <summary>Takes the next part of <paramref name="call"/> (its number, shifted) if that call still has one.</summary>
    private bool TryClaim(long call, int parts, out int part)
    {
        while (true)
        {
            long claims = Volatile.Read(ref _claims);
            part = (int)(claims & PartMask);
            if ((claims & ~PartMask) != call || part >= parts)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _claims, claims + 1, claims) == claims)
            {
                return true;
            }
        }
    }

    private void Serve(int member)
    {
        long seen = 0;
        var wakeUp = _wakeUps[member - 1];
        while (true)
        {
            // Spinning yields to any other thread ready on this core: the team waits awake, but never in anyone's way.
            long spinUntil = Stopwatch.GetTimestamp() + _spinTicks;
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _ticket) == seen && !_disposed && Stopwatch.GetTimestamp() < spinUntil)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            if (_disposed)
            {
                return;
            }

            long ticket = Volatile.Read(ref _ticket);
            if (ticket == seen)
            {
                wakeUp.Wait();
                continue;
            }

            seen = ticket;
            if (member < (int)(ticket & PartMask))
            {
                RunClaimedParts(member, ticket & ~PartMask, (int)(ticket & PartMask));
            }
        }
    }

    /// <summary>
    /// Wakes the first <paramref name="helpers"/> of the team's threads (the calling thread aside) if they sleep; they
    /// then take parts of the current <see cref="Run"/>, or wait awake for the next as they do after one: what
    /// <see cref="Run"/> does for its parts, and what a caller that knows work is coming does, so that its first call
    /// finds them awake.
    /// </summary>
    public void WakeUp(int helpers)
    {
        for (int i = 0; i < Math.Min(helpers, _wakeUps.Length); i++)
        {
            if (_wakeUps[i].CurrentCount == 0)
            {
                _wakeUps[i].Release();
            }
        }
    }

    /// <summary>Ends the team's threads once they finish the part they are in.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var wakeUp in _wakeUps)
        {
            wakeUp.Release();
        }
    }
}
