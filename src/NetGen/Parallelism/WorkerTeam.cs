using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace NetGen;

/// <summary>
/// A fixed team of threads for work that is handed out many times a second in equal parts, as a training run's
/// batches are: the calling thread takes part 0 and each of the team's own threads one further part. Between parts
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
    private int _pending;
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
    /// Runs <paramref name="body"/>(part) for every part below <paramref name="parts"/> (at most <see cref="Size"/>),
    /// part 0 on the calling thread, and returns when all have finished; an exception of any part is rethrown here.
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
        Volatile.Write(ref _pending, parts - 1);
        Volatile.Write(ref _ticket, (((_ticket >> PartBits) + 1) << PartBits) | (long)parts);
        for (int i = 0; i < parts - 1; i++)
        {
            if (_wakeUps[i].CurrentCount == 0)
            {
                _wakeUps[i].Release();
            }
        }

        try
        {
            body(0);
        }
        finally
        {
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _pending) != 0)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            _body = null;
        }

        _failure?.Throw();
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
                try
                {
                    _body!(member);
                }
                catch (Exception exception)
                {
                    Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(exception), null);
                }
                finally
                {
                    Volatile.Write(ref _allocatedBytes[member - 1], GC.GetAllocatedBytesForCurrentThread());
                    Interlocked.Decrement(ref _pending);
                }
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
