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
    public void EveryPart_RunsOnceAndOnItsOwnThread_CallAfterCall(int size, int parts)
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
            Assert.Equal(parts, threads.Distinct().Count());
        }
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
