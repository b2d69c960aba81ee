using System.Diagnostics;

namespace NetGen.Samples.Swarm;

/// <summary>What a timed run of frames cost: time (all of it, and the fastest frame's), collections and allocated bytes.</summary>
public sealed record FrameRun(int Frames, int Agents, TimeSpan Elapsed, TimeSpan BrainTime, TimeSpan FastestFrame,
    TimeSpan FastestBrain, int CollectionsBefore, int CollectionsAfter, long AllocatedBytes)
{
    /// <summary>Milliseconds per frame on average, everything included.</summary>
    public double MillisecondsPerFrame => Elapsed.TotalMilliseconds / Frames;

    /// <summary>Nanoseconds per agent inside <see cref="SwarmBrain.ForwardBatch"/>, on average.</summary>
    public double NanosecondsPerBrain => BrainTime.TotalNanoseconds / ((double)Frames * Agents);

    /// <summary>Nanoseconds per agent inside <see cref="SwarmBrain.ForwardBatch"/> in the fastest frame: the least disturbed by other work.</summary>
    public double FastestNanosecondsPerBrain => FastestBrain.TotalNanoseconds / Agents;

    /// <summary>Plays <paramref name="frames"/> frames of <paramref name="world"/> and measures them.</summary>
    public static FrameRun Measure(World world, SwarmBrain brain, int frames)
    {
        var brainTimeBefore = world.BrainTime;
        var (fastestFrame, fastestBrain) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        int collectionsBefore = GC.CollectionCount(0);
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int frame = 0; frame < frames; frame++)
        {
            long frameStart = Stopwatch.GetTimestamp();
            var brainBefore = world.BrainTime;
            world.Step(brain);
            fastestFrame = TimeSpan.FromTicks(Math.Min(fastestFrame.Ticks, Stopwatch.GetElapsedTime(frameStart).Ticks));
            fastestBrain = TimeSpan.FromTicks(Math.Min(fastestBrain.Ticks, (world.BrainTime - brainBefore).Ticks));
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        return new FrameRun(frames, world.Settings.AgentCount, elapsed, world.BrainTime - brainTimeBefore,
            fastestFrame, fastestBrain, collectionsBefore, GC.CollectionCount(0), allocated);
    }
}
