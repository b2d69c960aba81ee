using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// The last fewer-than-eight features of eight rows, and rows of fewer than eight features, with AVX. Past eight
/// features the last four or eight are transposed again as a block ending at the row's end: the features before the
/// remainder are written twice with the same values, and nothing is read or written outside a row. Narrower rows go
/// by their width: one feature is a copy, two are split into even and odd lanes, three are permuted across lanes
/// (AVX2), four to seven are one or two blocks of four features (the second ending at the row's end).
/// </summary>
internal static partial class PanelTranspose
{
    /// <summary>Features from <paramref name="from"/> (one to seven left) of eight rows into their panel lanes.</summary>
    private static void TailIn(ref float rows, int features, ref float panel, int panelRows, int from)
    {
        var left = features - from;
        if (features >= 8)
        {
            if (left <= 4)
            {
                FourIn(ref Unsafe.Add(ref rows, features - 4), features, ref Unsafe.Add(ref panel, (features - 4) * panelRows), panelRows);
            }
            else
            {
                Block(ref Unsafe.Add(ref rows, features - 8), features, ref Unsafe.Add(ref panel, (features - 8) * panelRows), panelRows);
            }

            return;
        }

        switch (features)
        {
            case 1:
                Vector256.LoadUnsafe(ref rows).StoreUnsafe(ref panel);
                break;
            case 2:
                TwoIn(ref rows, ref panel, (nuint)panelRows);
                break;
            case 3 when Avx2.IsSupported:
                ThreeIn(ref rows, ref panel, (nuint)panelRows);
                break;
            case 3:
                Elements(ref rows, features, ref panel, panelRows, 0, features, 8);
                break;
            default:
                FourIn(ref rows, features, ref panel, panelRows);
                FourIn(ref Unsafe.Add(ref rows, features - 4), features, ref Unsafe.Add(ref panel, (features - 4) * panelRows), panelRows);
                break;
        }
    }

    /// <summary>Features from <paramref name="from"/> (one to seven left) of eight panel lanes back into their rows.</summary>
    private static void TailOut(ref float panel, int panelRows, ref float rows, int features, int from)
    {
        var left = features - from;
        if (features >= 8)
        {
            if (left <= 4)
            {
                FourOut(ref Unsafe.Add(ref panel, (features - 4) * panelRows), panelRows, ref Unsafe.Add(ref rows, features - 4), features);
            }
            else
            {
                Block(ref Unsafe.Add(ref panel, (features - 8) * panelRows), panelRows, ref Unsafe.Add(ref rows, features - 8), features);
            }

            return;
        }

        switch (features)
        {
            case 1:
                Vector256.LoadUnsafe(ref panel).StoreUnsafe(ref rows);
                break;
            case 2:
                TwoOut(ref panel, (nuint)panelRows, ref rows);
                break;
            case 3 when Avx2.IsSupported:
                ThreeOut(ref panel, (nuint)panelRows, ref rows);
                break;
            case 3:
                for (var lane = 0; lane < 8; lane++)
                {
                    for (var feature = 0; feature < 3; feature++)
                    {
                        Unsafe.Add(ref rows, (lane * 3) + feature) = Unsafe.Add(ref panel, (feature * panelRows) + lane);
                    }
                }

                break;
            default:
                FourOut(ref panel, panelRows, ref rows, features);
                FourOut(ref Unsafe.Add(ref panel, (features - 4) * panelRows), panelRows, ref Unsafe.Add(ref rows, features - 4), features);
                break;
        }
    }

    /// <summary>
    /// Four rows of eight values (<paramref name="source"/> + i·<paramref name="sourceStride"/>) into eight rows of
    /// four (<paramref name="target"/> + j·<paramref name="targetStride"/>): each row's lanes 0–3 and 4–7 are the
    /// halves <c>Quarter</c> takes as rows i and i + 4, and each column's halves are stored as rows j and j + 4.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourOut(ref float source, int sourceStride, ref float target, int targetStride)
    {
        var stride = (nuint)sourceStride;
        var s0 = Vector256.LoadUnsafe(ref source);
        var s1 = Vector256.LoadUnsafe(ref source, stride);
        var s2 = Vector256.LoadUnsafe(ref source, 2 * stride);
        var s3 = Vector256.LoadUnsafe(ref source, 3 * stride);
        Quarter(s0, s1, s2, s3, out var c0, out var c1, out var c2, out var c3);
        var step = (nuint)targetStride;
        StoreHalves(c0, ref target, 0, 4 * step);
        StoreHalves(c1, ref target, step, 5 * step);
        StoreHalves(c2, ref target, 2 * step, 6 * step);
        StoreHalves(c3, ref target, 3 * step, 7 * step);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreHalves(Vector256<float> value, ref float target, nuint lower, nuint upper)
    {
        value.GetLower().StoreUnsafe(ref target, lower);
        value.GetUpper().StoreUnsafe(ref target, upper);
    }

    /// <summary>Eight rows of two values (16 in a row) into two panel lanes of eight: rows 0–1 and 4–5 in one vector, 2–3 and 6–7 in the other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoIn(ref float rows, ref float panel, nuint panelRows)
    {
        var first = Halves(ref rows, 0, 8);
        var second = Halves(ref rows, 4, 12);
        Avx.Shuffle(first, second, 0x88).StoreUnsafe(ref panel);
        Avx.Shuffle(first, second, 0xDD).StoreUnsafe(ref panel, panelRows);
    }

    /// <summary>Two panel lanes of eight back into eight rows of two: interleaved, rows 0–1 and 4–5 in one vector, 2–3 and 6–7 in the other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoOut(ref float panel, nuint panelRows, ref float rows)
    {
        var first = Vector256.LoadUnsafe(ref panel);
        var second = Vector256.LoadUnsafe(ref panel, panelRows);
        StoreHalves(Avx.UnpackLow(first, second), ref rows, 0, 8);
        StoreHalves(Avx.UnpackHigh(first, second), ref rows, 4, 12);
    }

    /// <summary>
    /// Eight rows of three values (24 in a row, three vectors) into three panel lanes of eight: value 3j + f is lane
    /// (3j + f) mod 8 of vector (3j + f) / 8, so each feature permutes the three vectors alike and blends them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ThreeIn(ref float rows, ref float panel, nuint panelRows)
    {
        var v0 = Vector256.LoadUnsafe(ref rows);
        var v1 = Vector256.LoadUnsafe(ref rows, 8);
        var v2 = Vector256.LoadUnsafe(ref rows, 16);
        var first = Vector256.Create(0, 3, 6, 1, 4, 7, 2, 5);
        var second = Vector256.Create(1, 4, 7, 2, 5, 0, 3, 6);
        var third = Vector256.Create(2, 5, 0, 3, 6, 1, 4, 7);
        Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(v0, first), Avx2.PermuteVar8x32(v1, first), 0xF8), Avx2.PermuteVar8x32(v2, first), 0xC0).StoreUnsafe(ref panel);
        Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(v0, second), Avx2.PermuteVar8x32(v1, second), 0xF8), Avx2.PermuteVar8x32(v2, second), 0xE0).StoreUnsafe(ref panel, panelRows);
        Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(v0, third), Avx2.PermuteVar8x32(v1, third), 0xFC), Avx2.PermuteVar8x32(v2, third), 0xE0).StoreUnsafe(ref panel, 2 * panelRows);
    }

    /// <summary>
    /// Three panel lanes of eight back into eight rows of three: value 8k + l of the rows is lane (8k + l) / 3 of
    /// feature (8k + l) mod 3, so each output vector permutes the three features alike and blends them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ThreeOut(ref float panel, nuint panelRows, ref float rows)
    {
        var f0 = Vector256.LoadUnsafe(ref panel);
        var f1 = Vector256.LoadUnsafe(ref panel, panelRows);
        var f2 = Vector256.LoadUnsafe(ref panel, 2 * panelRows);
        var first = Vector256.Create(0, 0, 0, 1, 1, 1, 2, 2);
        var second = Vector256.Create(2, 3, 3, 3, 4, 4, 4, 5);
        var third = Vector256.Create(5, 5, 6, 6, 6, 7, 7, 7);
        Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(f0, first), Avx2.PermuteVar8x32(f1, first), 0x92), Avx2.PermuteVar8x32(f2, first), 0x24).StoreUnsafe(ref rows);
        Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(f0, second), Avx2.PermuteVar8x32(f1, second), 0x24), Avx2.PermuteVar8x32(f2, second), 0x49).StoreUnsafe(ref rows, 8);
        Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(f0, third), Avx2.PermuteVar8x32(f1, third), 0x49), Avx2.PermuteVar8x32(f2, third), 0x92).StoreUnsafe(ref rows, 16);
    }
}
