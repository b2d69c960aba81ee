using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

// One clamp per width, written out because the instruction is named differently at 512 bits (Avx512DQ.Range) and
// below it (Avx512DQ.VL.Range), which the width template cannot rename.
public static partial class VectorMath
{
    // vrangeps with control 2: the smaller magnitude of x and the bound, with x's sign (a NaN x gives ∓bound).
    private const byte MinimumMagnitudeWithFirstSign = 2;

    /// <summary>x clamped to ±<paramref name="bound"/> (positive): one vrangeps where AVX-512DQ is (NaN not kept), else Max and Min (NaN kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ClampMagnitude(Vector128<float> x, float bound) =>
        Avx512DQ.VL.IsSupported ? Avx512DQ.VL.Range(x, Vector128.Create(bound), MinimumMagnitudeWithFirstSign)
            : Vector128.Min(Vector128.Max(x, Vector128.Create(-bound)), Vector128.Create(bound));

    /// <inheritdoc cref="ClampMagnitude(Vector128{float}, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ClampMagnitude(Vector256<float> x, float bound) =>
        Avx512DQ.VL.IsSupported ? Avx512DQ.VL.Range(x, Vector256.Create(bound), MinimumMagnitudeWithFirstSign)
            : Vector256.Min(Vector256.Max(x, Vector256.Create(-bound)), Vector256.Create(bound));

    /// <inheritdoc cref="ClampMagnitude(Vector128{float}, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ClampMagnitude(Vector512<float> x, float bound) =>
        Avx512DQ.IsSupported ? Avx512DQ.Range(x, Vector512.Create(bound), MinimumMagnitudeWithFirstSign)
            : Vector512.Min(Vector512.Max(x, Vector512.Create(-bound)), Vector512.Create(bound));
}
