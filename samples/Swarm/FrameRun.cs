using System.Diagnostics;

namespace NetGen.Samples.Swarm;

/// <summary>What a timed run of frames cost: time, brain time, collections and allocated bytes.</summary>
public sealed record FrameRun(int Frames, int Agents, TimeSpan Elapsed, TimeSpan BrainTime,
    int CollectionsBefore, int CollectionsAfter, long AllocatedBytes)
{
    /// <summary>Milliseconds per frame, everything included.</summary>
    public double MillisecondsPerFrame => Elapsed.TotalMilliseconds / Frames;

    /// <summary>Nanoseconds per agent per frame inside <see cref="SwarmBrain.ForwardBatch"/>.</summary>
    public double NanosecondsPerBrain => BrainTime.TotalNanoseconds / ((double)Frames * Agents);

    /// <summary>Plays <paramref name="frames"/> frames of <paramref name="world"/> and measures them.</summary>
    public static FrameRun Measure(World world, SwarmBrain brain, int frames)
    {
        var brainTimeBefore = world.BrainTime;
        int collectionsBefore = GC.CollectionCount(0);
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int frame = 0; frame < frames; frame++)
        {
            world.Step(brain);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        return new FrameRun(frames, world.Settings.AgentCount, elapsed, world.BrainTime - brainTimeBefore,
            collectionsBefore, GC.CollectionCount(0), allocated);
    }
}
