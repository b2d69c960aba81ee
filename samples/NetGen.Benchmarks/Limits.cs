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
    public const int FmaIterations = FmaChains.Iterations;
    public const int Accumulators = FmaChains.Accumulators;
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
    public float FmaPeak512() => FmaChains.Run(Vector512.Create(1f), Vector512.Create(0.999f), Vector512.Create(1e-3f)).ToScalar();

    [Benchmark, BenchmarkCategory(Category)]
    public float FmaPeak256() => FmaChains.Run(Vector256.Create(1f), Vector256.Create(0.999f), Vector256.Create(1e-3f)).ToScalar();

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
