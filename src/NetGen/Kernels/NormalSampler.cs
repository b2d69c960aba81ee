using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// Draws from N(0, σ²) deterministically from a seed (SplitMix64 and the Box–Muller transform), the same on every
/// platform and .NET version, without allocating.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct NormalSampler
{
    private ulong _state;

    /// <summary>Starts the sequence for <paramref name="seed"/>.</summary>
    public NormalSampler(int seed) => _state = 0x9E3779B97F4A7C15UL ^ (ulong)(uint)seed;

    /// <summary>Fills <paramref name="values"/> with independent draws from N(0, σ²).</summary>
    /// <remarks>Runs once per layer at construction, over up to millions of values: compiled optimised at once rather than at tier 0.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(Span<float> values, float standardDeviation)
    {
        for (var i = 0; i < values.Length; i += 2)
        {
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextUniform())) * standardDeviation;
            var angle = 2.0 * Math.PI * NextUniform();
            values[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < values.Length)
            {
                values[i + 1] = (float)(radius * Math.Sin(angle));
            }
        }
    }

    /// <summary>A uniform draw from [0, 1) with 53 random bits.</summary>
    private double NextUniform()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
