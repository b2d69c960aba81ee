using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

/// <summary>
/// The machine's limits for one core, measured in the same run as the networks: the fused multiply-add peak with
/// Vector512 and with Vector256 (twelve independent accumulators, enough to cover FMA latency × throughput), and the
/// read bandwidth of a buffer that fits L2 (512 KiB) and of one that only fits L3 (8 MiB), summed with the widest
/// accelerated vectors into eight accumulators. The results table turns these into GFLOP/s and GB/s.
/// </summary>
[CategoriesColumn]
public class Limits
{
    public const string Category = "Limits";
    public const int FmaIterations = 4096;
    public const int Accumulators = 12;
    public const int L2Bytes = 512 * 1024;
    public const int L3Bytes = 8 * 1024 * 1024;

    private readonly float[] _l2 = Buffer(L2Bytes);
    private readonly float[] _l3 = Buffer(L3Bytes);

    /// <summary>The work of one call of each probe method.</summary>
    public static Work WorkOf(string method) => method switch
    {
        nameof(FmaPeak512) => new(2.0 * Vector512<float>.Count * Accumulators * FmaIterations, 0),
        nameof(FmaPeak256) => new(2.0 * Vector256<float>.Count * Accumulators * FmaIterations, 0),
        nameof(ReadL2) => new(0, L2Bytes),
        nameof(ReadL3) => new(0, L3Bytes),
        _ => throw new ArgumentException($"{method} is not a probe.", nameof(method)),
    };

    [Benchmark, BenchmarkCategory(Category)]
    public float FmaPeak512() => Fma(Vector512.Create(1f), Vector512.Create(0.999f), Vector512.Create(1e-3f)).ToScalar();

    [Benchmark, BenchmarkCategory(Category)]
    public float FmaPeak256() => Fma(Vector256.Create(1f), Vector256.Create(0.999f), Vector256.Create(1e-3f)).ToScalar();

    [Benchmark, BenchmarkCategory(Category)]
    public float ReadL2() => Sum(_l2);

    [Benchmark, BenchmarkCategory(Category)]
    public float ReadL3() => Sum(_l3);

    private static float[] Buffer(int bytes)
    {
        var values = new float[bytes / sizeof(float)];
        values.AsSpan().Fill(1e-6f);
        return values;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> Fma(Vector512<float> seed, Vector512<float> a, Vector512<float> b)
    {
        Vector512<float> x0 = seed, x1 = seed + b, x2 = seed + b + b, x3 = x0 * a, x4 = x1 * a, x5 = x2 * a;
        Vector512<float> x6 = x3 * a, x7 = x4 * a, x8 = x5 * a, x9 = x6 * a, x10 = x7 * a, x11 = x8 * a;
        for (int i = 0; i < FmaIterations; i++)
        {
            x0 = Vector512.FusedMultiplyAdd(x0, a, b); x1 = Vector512.FusedMultiplyAdd(x1, a, b);
            x2 = Vector512.FusedMultiplyAdd(x2, a, b); x3 = Vector512.FusedMultiplyAdd(x3, a, b);
            x4 = Vector512.FusedMultiplyAdd(x4, a, b); x5 = Vector512.FusedMultiplyAdd(x5, a, b);
            x6 = Vector512.FusedMultiplyAdd(x6, a, b); x7 = Vector512.FusedMultiplyAdd(x7, a, b);
            x8 = Vector512.FusedMultiplyAdd(x8, a, b); x9 = Vector512.FusedMultiplyAdd(x9, a, b);
            x10 = Vector512.FusedMultiplyAdd(x10, a, b); x11 = Vector512.FusedMultiplyAdd(x11, a, b);
        }

        return x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> Fma(Vector256<float> seed, Vector256<float> a, Vector256<float> b)
    {
        Vector256<float> x0 = seed, x1 = seed + b, x2 = seed + b + b, x3 = x0 * a, x4 = x1 * a, x5 = x2 * a;
        Vector256<float> x6 = x3 * a, x7 = x4 * a, x8 = x5 * a, x9 = x6 * a, x10 = x7 * a, x11 = x8 * a;
        for (int i = 0; i < FmaIterations; i++)
        {
            x0 = Vector256.FusedMultiplyAdd(x0, a, b); x1 = Vector256.FusedMultiplyAdd(x1, a, b);
            x2 = Vector256.FusedMultiplyAdd(x2, a, b); x3 = Vector256.FusedMultiplyAdd(x3, a, b);
            x4 = Vector256.FusedMultiplyAdd(x4, a, b); x5 = Vector256.FusedMultiplyAdd(x5, a, b);
            x6 = Vector256.FusedMultiplyAdd(x6, a, b); x7 = Vector256.FusedMultiplyAdd(x7, a, b);
            x8 = Vector256.FusedMultiplyAdd(x8, a, b); x9 = Vector256.FusedMultiplyAdd(x9, a, b);
            x10 = Vector256.FusedMultiplyAdd(x10, a, b); x11 = Vector256.FusedMultiplyAdd(x11, a, b);
        }

        return x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Sum(float[] buffer)
    {
        ref float start = ref buffer[0];
        nuint length = (nuint)buffer.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
            Vector512<float> s4 = default, s5 = default, s6 = default, s7 = default;
            for (nuint i = 0; i < length; i += 8 * (nuint)Vector512<float>.Count)
            {
                s0 += Vector512.LoadUnsafe(ref start, i); s1 += Vector512.LoadUnsafe(ref start, i + 16);
                s2 += Vector512.LoadUnsafe(ref start, i + 32); s3 += Vector512.LoadUnsafe(ref start, i + 48);
                s4 += Vector512.LoadUnsafe(ref start, i + 64); s5 += Vector512.LoadUnsafe(ref start, i + 80);
                s6 += Vector512.LoadUnsafe(ref start, i + 96); s7 += Vector512.LoadUnsafe(ref start, i + 112);
            }

            return Vector512.Sum(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7);
        }

        Vector256<float> t0 = default, t1 = default, t2 = default, t3 = default;
        Vector256<float> t4 = default, t5 = default, t6 = default, t7 = default;
        for (nuint i = 0; i < length; i += 8 * (nuint)Vector256<float>.Count)
        {
            t0 += Vector256.LoadUnsafe(ref start, i); t1 += Vector256.LoadUnsafe(ref start, i + 8);
            t2 += Vector256.LoadUnsafe(ref start, i + 16); t3 += Vector256.LoadUnsafe(ref start, i + 24);
            t4 += Vector256.LoadUnsafe(ref start, i + 32); t5 += Vector256.LoadUnsafe(ref start, i + 40);
            t6 += Vector256.LoadUnsafe(ref start, i + 48); t7 += Vector256.LoadUnsafe(ref start, i + 56);
        }

        return Vector256.Sum(t0 + t1 + t2 + t3 + t4 + t5 + t6 + t7);
    }
}
