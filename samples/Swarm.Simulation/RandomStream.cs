namespace NetGen.Samples.Swarm;

/// <summary>
/// A small deterministic random generator (SplitMix64) that allocates nothing, so a seed gives the same field and
/// the same training on every machine and .NET version.
/// </summary>
public struct RandomStream(ulong seed)
{
    private ulong _state = seed * 0xD1B54A32D192ED03UL;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform draw from [0, 1).</summary>
    public float NextFloat() => (NextBits() >> 40) * (1f / (1 << 24));

    /// <summary>A draw from the standard normal distribution (Box–Muller).</summary>
    public float NextGaussian()
    {
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - (NextBits() >> 11) * (1.0 / (1UL << 53))));
        return (float)(radius * Math.Cos(2.0 * Math.PI * NextFloat()));
    }

    /// <summary>A seed for a sub-stream (an episode, a generation) drawn from this one.</summary>
    public int NextSeed() => (int)(NextBits() >> 33);
}
