using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Draws from N(0, σ²) deterministically from a seed, without allocating: SplitMix64 uniforms and Marsaglia's polar
/// method, with the logarithm computed by <see cref="PortableLog(double)"/>. Every step is an IEEE 754 basic operation
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
    public void Fill(Span<float> values, float standardDeviation) =>
        Fill(values, standardDeviation, fourAtATime: Vector256.IsHardwareAccelerated && !RuntimeFeature.IsDynamicCodeCompiled);

    /// <summary>
    /// Fills <paramref name="values"/>, four candidate points at a time or one pair at a time: the same values either
    /// way. Four at a time is ~1.5× faster but costs the JIT ~7 ms to compile in a fresh process, more than it saves on
    /// a network's parameters, so only ahead-of-time code (NativeAOT) takes it.
    /// </summary>
    /// <remarks>
    /// Not <see cref="MethodImplOptions.AggressiveOptimization"/>: ReadyToRun never precompiles such a method, so every
    /// ReadyToRun build loaded and ran the JIT during construction (~3 ms) to compile it. Under the JIT, a large layer's
    /// draws run tier-0 code until on-stack replacement optimises the loop.
    /// </remarks>
    internal void Fill(Span<float> values, float standardDeviation, bool fourAtATime)
    {
        var sigma = (double)standardDeviation;
        var i = fourAtATime ? FillFourCandidatesAtATime(values, sigma) : 0;
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
    /// The polar method on four candidate points at once, while at least four pairs of values remain: the same
    /// uniforms in the same order, the same operations per lane, and the accepted points written in order, so the
    /// values are bitwise those of the one-pair-at-a-time loop. Returns how many values it wrote.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int FillFourCandidatesAtATime(Span<float> values, double sigma)
    {
        var i = 0;
        while (values.Length - i >= 8)
        {
            var u0 = NextUniform(); var v0 = NextUniform();
            var u1 = NextUniform(); var v1 = NextUniform();
            var u2 = NextUniform(); var v2 = NextUniform();
            var u3 = NextUniform(); var v3 = NextUniform();
            var u = (Vector256.Create(2.0) * Vector256.Create(u0, u1, u2, u3)) - Vector256<double>.One;
            var v = (Vector256.Create(2.0) * Vector256.Create(v0, v1, v2, v3)) - Vector256<double>.One;
            var s = (u * u) + (v * v);
            var accepted = Vector256.LessThan(s, Vector256<double>.One) & ~Vector256.Equals(s, Vector256<double>.Zero);
            var acceptedLanes = (int)accepted.ExtractMostSignificantBits();
            var scale = Vector256.Sqrt(Vector256.Create(-2.0) * PortableLog(s) / s);
            var first = (u * scale) * Vector256.Create(sigma);
            var second = (v * scale) * Vector256.Create(sigma);

            // Every lane is written, and only an accepted one moves on: a rejected lane's values are overwritten
            // by the next accepted one or by the draws after this block. Branch-free, as acceptance is random.
            for (var lane = 0; lane < 4; lane++)
            {
                values[i] = (float)first.GetElement(lane);
                values[i + 1] = (float)second.GetElement(lane);
                i += ((acceptedLanes >> lane) & 1) * 2;
            }
        }

        return i;
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

    /// <summary><see cref="PortableLog(double)"/> on four lanes, operation for operation the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PortableLog(Vector256<double> x)
    {
        const double Sqrt2 = 1.4142135623730951;
        const double Ln2 = 0.6931471805599453;
        var bits = x.AsInt64();

        // The biased exponent (0…2047) as a double, exactly: its bits under 2⁵²'s, less 2⁵².
        var biased = (Vector256.ShiftRightLogical(bits, 52) | Vector256.Create(0x4330_0000_0000_0000L)).AsDouble() - Vector256.Create(4503599627370496.0);
        var exponent = biased - Vector256.Create(1023.0);
        var mantissa = ((bits & Vector256.Create(0x000F_FFFF_FFFF_FFFFL)) | Vector256.Create(0x3FF0_0000_0000_0000L)).AsDouble();
        var high = Vector256.GreaterThanOrEqual(mantissa, Vector256.Create(Sqrt2));
        mantissa = Vector256.ConditionalSelect(high, mantissa * Vector256.Create(0.5), mantissa);
        exponent = Vector256.ConditionalSelect(high, exponent + Vector256<double>.One, exponent);

        var f = mantissa - Vector256<double>.One;
        var t = f / (Vector256.Create(2.0) + f);
        var t2 = t * t;
        var series = Vector256.Create(1.0 / 19.0);
        series = (series * t2) + Vector256.Create(1.0 / 17.0);
        series = (series * t2) + Vector256.Create(1.0 / 15.0);
        series = (series * t2) + Vector256.Create(1.0 / 13.0);
        series = (series * t2) + Vector256.Create(1.0 / 11.0);
        series = (series * t2) + Vector256.Create(1.0 / 9.0);
        series = (series * t2) + Vector256.Create(1.0 / 7.0);
        series = (series * t2) + Vector256.Create(1.0 / 5.0);
        series = (series * t2) + Vector256.Create(1.0 / 3.0);
        var twoT = Vector256.Create(2.0) * t;
        return ((exponent * Vector256.Create(Ln2)) + twoT) + ((twoT * t2) * series);
    }
}
