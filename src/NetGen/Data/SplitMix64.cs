using System;

namespace NetGen;

/// <summary>
/// A small, allocation-free, platform-independent random generator (SplitMix64), so that shuffles are the same
/// on every machine and .NET version for a given seed.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>A generator for a seed and a stream index (e.g. the epoch), with well separated sequences.</summary>
    public SplitMix64(int seed, int stream)
        : this(((ulong)(uint)seed << 32 | (uint)stream) * 0xD1B54A32D192ED03UL)
    {
    }

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="exclusiveMax"/>) by multiply-shift (bias below 2⁻³² for any int bound).</summary>
    public int NextInt(int exclusiveMax) => (int)((Next() >> 32) * (ulong)exclusiveMax >> 32);

    /// <summary>Fills <paramref name="indices"/> with 0…n−1 in an order drawn by Fisher–Yates.</summary>
    public void Permutation(Span<int> indices)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }

        for (int i = indices.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
    }
}
