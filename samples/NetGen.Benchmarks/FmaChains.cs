using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Benchmarks;

/// <summary>
/// The fused multiply-add peak's kernel: <see cref="Accumulators"/> independent chains (enough to cover FMA latency ×
/// throughput) of <see cref="Iterations"/> steps each, 2 · lanes · Accumulators · Iterations FLOPs a call. Shared by the
/// suite's <see cref="Limits"/> and tools/batch-probe, so both measure the same peak.
/// </summary>
internal static class FmaChains
{
    public const int Iterations = 4096;
    public const int Accumulators = 12;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<float> Run(Vector512<float> seed, Vector512<float> a, Vector512<float> b)
    {
        Vector512<float> x0 = seed, x1 = seed + b, x2 = seed + b + b, x3 = x0 * a, x4 = x1 * a, x5 = x2 * a;
        Vector512<float> x6 = x3 * a, x7 = x4 * a, x8 = x5 * a, x9 = x6 * a, x10 = x7 * a, x11 = x8 * a;
        for (int i = 0; i < Iterations; i++)
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
    public static Vector256<float> Run(Vector256<float> seed, Vector256<float> a, Vector256<float> b)
    {
        Vector256<float> x0 = seed, x1 = seed + b, x2 = seed + b + b, x3 = x0 * a, x4 = x1 * a, x5 = x2 * a;
        Vector256<float> x6 = x3 * a, x7 = x4 * a, x8 = x5 * a, x9 = x6 * a, x10 = x7 * a, x11 = x8 * a;
        for (int i = 0; i < Iterations; i++)
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
}
