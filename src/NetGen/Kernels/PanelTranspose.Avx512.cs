using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

internal static partial class PanelTranspose
{
    /// <summary>Whether sixteen rows by sixteen features go at a time: with AVX-512 when panels are Vector512's.</summary>
    private static bool Sixteens => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>
    /// A 16 × 16 block: sixteen values at each of <paramref name="source"/> + i·<paramref name="sourceStride"/>
    /// become the i-th value at each of <paramref name="target"/> + j·<paramref name="targetStride"/>. Each group of
    /// four rows is transposed within the 128-bit quarters, then the quarters are transposed across the groups.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block16(ref float source, int sourceStride, ref float target, int targetStride)
    {
        var stride = (nuint)sourceStride;
        Quarters(ref source, stride, out var g00, out var g01, out var g02, out var g03);
        Quarters(ref Unsafe.Add(ref source, 4 * stride), stride, out var g10, out var g11, out var g12, out var g13);
        Quarters(ref Unsafe.Add(ref source, 8 * stride), stride, out var g20, out var g21, out var g22, out var g23);
        Quarters(ref Unsafe.Add(ref source, 12 * stride), stride, out var g30, out var g31, out var g32, out var g33);
        var step = (nuint)targetStride;
        AcrossGroups(g00, g10, g20, g30, ref target, step);
        AcrossGroups(g01, g11, g21, g31, ref Unsafe.Add(ref target, step), step);
        AcrossGroups(g02, g12, g22, g32, ref Unsafe.Add(ref target, 2 * step), step);
        AcrossGroups(g03, g13, g23, g33, ref Unsafe.Add(ref target, 3 * step), step);
    }

    /// <summary>Four rows: quarter k of vector m holds the four rows' values of feature 4k + m.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quarters(ref float source, nuint stride, out Vector512<float> m0, out Vector512<float> m1, out Vector512<float> m2, out Vector512<float> m3)
    {
        var r0 = Vector512.LoadUnsafe(ref source);
        var r1 = Vector512.LoadUnsafe(ref source, stride);
        var r2 = Vector512.LoadUnsafe(ref source, 2 * stride);
        var r3 = Vector512.LoadUnsafe(ref source, 3 * stride);
        var t0 = Avx512F.UnpackLow(r0, r1);
        var t1 = Avx512F.UnpackHigh(r0, r1);
        var t2 = Avx512F.UnpackLow(r2, r3);
        var t3 = Avx512F.UnpackHigh(r2, r3);
        m0 = Avx512F.Shuffle(t0, t2, 0x44);
        m1 = Avx512F.Shuffle(t0, t2, 0xEE);
        m2 = Avx512F.Shuffle(t1, t3, 0x44);
        m3 = Avx512F.Shuffle(t1, t3, 0xEE);
    }

    /// <summary>
    /// Vector m of each of the four groups into the columns of features m, 4 + m, 8 + m and 12 + m, stored
    /// 4·<paramref name="stride"/> apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AcrossGroups(Vector512<float> g0, Vector512<float> g1, Vector512<float> g2, Vector512<float> g3, ref float target, nuint stride)
    {
        var evens01 = Avx512F.Shuffle4x128(g0, g1, 0x88);
        var odds01 = Avx512F.Shuffle4x128(g0, g1, 0xDD);
        var evens23 = Avx512F.Shuffle4x128(g2, g3, 0x88);
        var odds23 = Avx512F.Shuffle4x128(g2, g3, 0xDD);
        Avx512F.Shuffle4x128(evens01, evens23, 0x88).StoreUnsafe(ref target);
        Avx512F.Shuffle4x128(odds01, odds23, 0x88).StoreUnsafe(ref target, 4 * stride);
        Avx512F.Shuffle4x128(evens01, evens23, 0xDD).StoreUnsafe(ref target, 8 * stride);
        Avx512F.Shuffle4x128(odds01, odds23, 0xDD).StoreUnsafe(ref target, 12 * stride);
    }
}
