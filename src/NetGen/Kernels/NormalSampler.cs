using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// Draws from N(0, σ²) deterministically from a seed, without allocating: SplitMix64 uniforms and Marsaglia's polar
/// method, with the logarithm computed by <see cref="PortableLog"/>. Every step is an IEEE 754 basic operation
/// (+, −, ×, ÷, √, exactly rounded) in double precision, so a seed gives the same bits on every platform, SIMD
/// setting and .NET version; <see cref="Math.Log(double)"/> and the trigonometric functions of the Box–Muller
/// transform come from the platform's math library and would not.
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
        var sigma = (double)standardDeviation;
        var i = 0;
        for (; i + 1 < values.Length; i += 2)
        {
            var (first, second) = NextPair();
            values[i] = (float)(first * sigma);
            values[i + 1] = (float)(second * sigma);
        }

        if (i < values.Length)
        {
            values[i] = (float)(NextPair().First * sigma);
        }
    }

    /// <summary>
    /// Two independent N(0, 1) draws: a point (u, v) uniform in the unit disc, scaled by √(−2 ln s / s) with
    /// s = u² + v² (Marsaglia's polar method; a point outside the disc, about one in five, is drawn again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (double First, double Second) NextPair()
    {
        double u, v, s;
        do
        {
            u = (2.0 * NextUniform()) - 1.0;
            v = (2.0 * NextUniform()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var scale = Math.Sqrt(-2.0 * PortableLog(s) / s);
        return (u * scale, v * scale);
    }

    /// <summary>A uniform draw from [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double NextUniform()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        // Below 2⁵³, so the signed conversion (one instruction; the unsigned one is not) is exact.
        return (long)(z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>
    /// ln <paramref name="x"/> for a positive normal double, within a few ulps, from basic operations only:
    /// x = m·2ᵉ with m in [√½, √2), and ln m = 2·atanh(t) with t = (m − 1) / (m + 1), |t| ≤ 0.1716, summed as the
    /// atanh series to t¹⁹ (the first term left out is below 2⁻⁵⁵ of the sum).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double PortableLog(double x)
    {
        const double Sqrt2 = 1.4142135623730951;
        const double Ln2 = 0.6931471805599453;
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)(bits >> 52) - 1023;
        var mantissa = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (mantissa >= Sqrt2)
        {
            mantissa *= 0.5;
            exponent++;
        }

        // m − 1 is exact here (Sterbenz), so t carries only the division's rounding.
        var f = mantissa - 1.0;
        var t = f / (2.0 + f);
        var t2 = t * t;
        var series = 1.0 / 19.0;
        series = (series * t2) + (1.0 / 17.0);
        series = (series * t2) + (1.0 / 15.0);
        series = (series * t2) + (1.0 / 13.0);
        series = (series * t2) + (1.0 / 11.0);
        series = (series * t2) + (1.0 / 9.0);
        series = (series * t2) + (1.0 / 7.0);
        series = (series * t2) + (1.0 / 5.0);
        series = (series * t2) + (1.0 / 3.0);
        return (exponent * Ln2) + (2.0 * t) + (2.0 * t * t2 * series);
    }
}
