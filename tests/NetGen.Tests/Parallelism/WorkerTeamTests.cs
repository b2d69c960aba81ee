using System;
using System.Linq;
using System.Threading;
using NetGen;

namespace NetGen.Tests.Parallelism;

public class WorkerTeamTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 2)]     // fewer parts than threads: the others sit the call out
    [InlineData(2, 7)]     // more parts than threads: each member takes the next part left
    public void EveryPart_RunsOnce_PartZeroOnTheCaller_CallAfterCall(int size, int parts)
    {
        using var team = new WorkerTeam(size);
        var counts = new int[parts];
        var threads = new int[parts];
        for (int call = 1; call <= 5000; call++)
        {
            team.Run(parts, part =>
            {
                Interlocked.Increment(ref counts[part]);
                threads[part] = Environment.CurrentManagedThreadId;
            });

            Assert.All(counts, count => Assert.Equal(call, count));
            Assert.Equal(Environment.CurrentManagedThreadId, threads[0]);
            Assert.InRange(threads.Distinct().Count(), 1, Math.Min(size, parts));
        }
    }

    [Fact]
    public void WhileAWorkerIsInItsPart_TheCallerTakesThePartsLeft()
    {
        using var team = new WorkerTeam(2);
        var threads = new int[4];
        using var partOneStarted = new ManualResetEventSlim();
        using var restDone = new CountdownEvent(2);

        team.Run(4, part =>
        {
            threads[part] = Environment.CurrentManagedThreadId;
            if (part == 0)
            {
                Assert.True(partOneStarted.Wait(TimeSpan.FromSeconds(30)), "the worker took part 1");
            }
            else if (part == 1)
            {
                partOneStarted.Set();
                Assert.True(restDone.Wait(TimeSpan.FromSeconds(30)), "parts 2 and 3 ran while part 1 waited");
            }
            else
            {
                restDone.Signal();
            }
        });

        int caller = Environment.CurrentManagedThreadId;
        Assert.NotEqual(caller, threads[1]);
        Assert.Equal([caller, caller, caller], new[] { threads[0], threads[2], threads[3] });
    }

    [Fact]
    public void OnePart_RunsOnTheCallingThread()
    {
        using var team = new WorkerTeam(2);
        int thread = 0;

        team.Run(1, _ => thread = Environment.CurrentManagedThreadId);

        Assert.Equal(Environment.CurrentManagedThreadId, thread);
    }

    [Fact]
    public void AWorkersException_IsRethrownByRun_AndTheTeamKeepsWorking()
    {
        using var team = new WorkerTeam(3);
        var finished = new bool[3];

        var error = Assert.Throws<InvalidOperationException>(() => team.Run(3, part =>
        {
            if (part == 2)
            {
                throw new InvalidOperationException("part 2 failed");
            }

            finished[part] = true;
        }));

        Assert.Equal("part 2 failed", error.Message);
        Assert.True(finished[0] && finished[1], "the other parts ran to the end before Run returned");
        int sum = 0;
        team.Run(3, part => Interlocked.Add(ref sum, part + 1));
        Assert.Equal(6, sum);
    }

    [Fact]
    public void TheCallersException_IsRethrownOnceEveryOtherPartRan()
    {
        using var team = new WorkerTeam(2);
        int ran = 0;

        var error = Assert.Throws<InvalidOperationException>(() => team.Run(5, part =>
        {
            if (part == 0)
            {
                throw new InvalidOperationException("part 0 failed");
            }

            Interlocked.Add(ref ran, 1 << part);
        }));

        Assert.Equal("part 0 failed", error.Message);
        Assert.Equal(0b11110, ran);
    }

    [Fact]
    public void AThreadAsleep_WakesForTheNextCall()
    {
        using var team = new WorkerTeam(2);
        team.Run(2, _ => { });
        Thread.Sleep(50);     // past the spin: the worker waits on its semaphore now
        int ran = 0;

        team.Run(2, part => Interlocked.Add(ref ran, 1 << part));

        Assert.Equal(3, ran);
    }
}
