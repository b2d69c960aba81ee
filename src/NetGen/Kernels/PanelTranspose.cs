using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// Rows to a panel (feature-major, one lane per row) and back: sixteen rows by sixteen features at a time with
/// AVX-512 shuffles, eight by eight with AVX where the processor has them, the last features of eight rows and rows of
/// fewer than eight features with AVX too (<c>PanelTranspose.Narrow.cs</c>), element by element for the rows of a
/// partial group of eight and without AVX.
/// </summary>
internal static partial class PanelTranspose
{
    /// <summary>
    /// <paramref name="count"/> rows of <paramref name="features"/> values into the first lanes of a panel of
    /// <paramref name="panelRows"/> lanes per feature; the lanes past the rows are set to 0.
    /// </summary>
    public static void In(ref float rows, ref float panel, int features, int count, int panelRows)
    {
        var row = 0;
        if (Sixteens)
        {
            for (; row + 16 <= count; row += 16)
            {
                ref var source = ref Unsafe.Add(ref rows, row * features);
                ref var target = ref Unsafe.Add(ref panel, row);
                var feature = 0;
                for (; feature + 16 <= features; feature += 16)
                {
                    Block16(ref Unsafe.Add(ref source, feature), features, ref Unsafe.Add(ref target, feature * panelRows), panelRows);
                }

                EightRowsIn(ref source, ref target, features, panelRows, feature);
                EightRowsIn(ref Unsafe.Add(ref source, 8 * features), ref Unsafe.Add(ref target, 8), features, panelRows, feature);
            }
        }

        if (Avx.IsSupported)
        {
            if (panelRows == 2 * Width256.Count)
            {
                for (; row + 16 <= count; row += 16)
                {
                    SixteenRowsIn(ref Unsafe.Add(ref rows, row * features), ref Unsafe.Add(ref panel, row), features);
                }
            }

            for (; row + 8 <= count; row += 8)
            {
                EightRowsIn(ref Unsafe.Add(ref rows, row * features), ref Unsafe.Add(ref panel, row), features, panelRows, 0);
            }
        }

        for (; row < panelRows; row++)
        {
            ref var target = ref Unsafe.Add(ref panel, row);
            if (row < count)
            {
                Elements(ref Unsafe.Add(ref rows, row * features), features, ref target, panelRows, 0, features, 1);
            }
            else
            {
                for (var feature = 0; feature < features; feature++)
                {
                    Unsafe.Add(ref target, feature * panelRows) = 0f;
                }
            }
        }
    }

    /// <summary>The first <paramref name="count"/> lanes of a panel of <paramref name="features"/> values per row back into rows.</summary>
    public static void Out(ref float panel, ref float rows, int features, int count, int panelRows)
    {
        var row = 0;
        if (Sixteens)
        {
            for (; row + 16 <= count; row += 16)
            {
                ref var source = ref Unsafe.Add(ref panel, row);
                ref var target = ref Unsafe.Add(ref rows, row * features);
                var feature = 0;
                for (; feature + 16 <= features; feature += 16)
                {
                    Block16(ref Unsafe.Add(ref source, feature * panelRows), panelRows, ref Unsafe.Add(ref target, feature), features);
                }

                EightRowsOut(ref source, ref target, features, panelRows, feature);
                EightRowsOut(ref Unsafe.Add(ref source, 8), ref Unsafe.Add(ref target, 8 * features), features, panelRows, feature);
            }
        }

        if (Avx.IsSupported)
        {
            for (; row + 8 <= count; row += 8)
            {
                EightRowsOut(ref Unsafe.Add(ref panel, row), ref Unsafe.Add(ref rows, row * features), features, panelRows, 0);
            }
        }

        for (; row < count; row++)
        {
            ref var source = ref Unsafe.Add(ref panel, row);
            ref var target = ref Unsafe.Add(ref rows, row * features);
            for (var feature = 0; feature < features; feature++)
            {
                Unsafe.Add(ref target, feature) = Unsafe.Add(ref source, feature * panelRows);
            }
        }
    }

    /// <summary>Features from <paramref name="from"/> on of eight rows into their panel lanes, eight by eight with AVX.</summary>
    private static void EightRowsIn(ref float rows, ref float panel, int features, int panelRows, int from)
    {
        var feature = from;
        for (; feature + 8 <= features; feature += 8)
        {
            Block(ref Unsafe.Add(ref rows, feature), features, ref Unsafe.Add(ref panel, feature * panelRows), panelRows);
        }

        if (feature < features)
        {
            TailIn(ref rows, features, ref panel, panelRows, feature);
        }
    }

    /// <summary>
    /// Sixteen rows into a panel of sixteen lanes, eight features at a time for both halves of the rows, so that each
    /// feature's 64-byte line is written whole at once. Eight rows down every feature and then the other eight left
    /// each line half written until the second pass: N3's 784 features × 16 lanes (49 KiB) outgrow L1 in between, and
    /// the lines came back from L2 (64 rows in 21 µs against 9 µs this way on Zen 3; 512 features 15 against 6).
    /// </summary>
    private static void SixteenRowsIn(ref float rows, ref float panel, int features)
    {
        const int PanelRows = 16;
        ref var lower = ref Unsafe.Add(ref rows, 8 * features);
        var feature = 0;
        for (; feature + 8 <= features; feature += 8)
        {
            ref var target = ref Unsafe.Add(ref panel, feature * PanelRows);
            Block(ref Unsafe.Add(ref rows, feature), features, ref target, PanelRows);
            Block(ref Unsafe.Add(ref lower, feature), features, ref Unsafe.Add(ref target, 8), PanelRows);
        }

        if (feature < features)
        {
            TailIn(ref rows, features, ref panel, PanelRows, feature);
            TailIn(ref lower, features, ref Unsafe.Add(ref panel, 8), PanelRows, feature);
        }
    }

    /// <summary>Features from <paramref name="from"/> on of eight panel lanes back into their rows, eight by eight with AVX.</summary>
    private static void EightRowsOut(ref float panel, ref float rows, int features, int panelRows, int from)
    {
        var feature = from;
        for (; feature + 8 <= features; feature += 8)
        {
            Block(ref Unsafe.Add(ref panel, feature * panelRows), panelRows, ref Unsafe.Add(ref rows, feature), features);
        }

        if (feature < features)
        {
            TailOut(ref panel, panelRows, ref rows, features, feature);
        }
    }

    /// <summary>Features [from, to) of <paramref name="rowCount"/> rows into their panel lanes, one element at a time.</summary>
    private static void Elements(ref float rows, int features, ref float panel, int panelRows, int from, int to, int rowCount)
    {
        for (var row = 0; row < rowCount; row++)
        {
            for (var feature = from; feature < to; feature++)
            {
                Unsafe.Add(ref panel, (feature * panelRows) + row) = Unsafe.Add(ref rows, (row * features) + feature);
            }
        }
    }

    /// <summary>
    /// An 8 × 8 block: eight values at each of <paramref name="source"/> + i·<paramref name="sourceStride"/> become
    /// the i-th value at each of <paramref name="target"/> + j·<paramref name="targetStride"/>, as two blocks of four values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block(ref float source, int sourceStride, ref float target, int targetStride)
    {
        FourIn(ref source, sourceStride, ref target, targetStride);
        FourIn(ref Unsafe.Add(ref source, 4), sourceStride, ref Unsafe.Add(ref target, 4 * targetStride), targetStride);
    }

    /// <summary>
    /// Eight rows of four values (<paramref name="source"/> + i·<paramref name="sourceStride"/>) into four rows of
    /// eight (<paramref name="target"/> + j·<paramref name="targetStride"/>). Rows i and i + 4 are loaded into the two
    /// halves of one vector, so every shuffle stays within a 128-bit half.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourIn(ref float source, int sourceStride, ref float target, int targetStride)
    {
        var stride = (nuint)sourceStride;
        var r0 = Halves(ref source, 0, 4 * stride);
        var r1 = Halves(ref source, stride, 5 * stride);
        var r2 = Halves(ref source, 2 * stride, 6 * stride);
        var r3 = Halves(ref source, 3 * stride, 7 * stride);
        Quarter(r0, r1, r2, r3, ref target, (nuint)targetStride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Halves(ref float source, nuint lower, nuint upper) =>
        Vector256.Create(Vector128.LoadUnsafe(ref source, lower), Vector128.LoadUnsafe(ref source, upper));

    /// <summary>Four vectors of rows (each half four values of one row) into four vectors of columns, stored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quarter(Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3, ref float target, nuint stride)
    {
        Quarter(r0, r1, r2, r3, out var c0, out var c1, out var c2, out var c3);
        c0.StoreUnsafe(ref target);
        c1.StoreUnsafe(ref target, stride);
        c2.StoreUnsafe(ref target, 2 * stride);
        c3.StoreUnsafe(ref target, 3 * stride);
    }

    /// <summary>
    /// Four vectors of rows (each half four values of one row: rows 0–3 in the lower halves, 4–7 in the upper) into
    /// four vectors of columns (column k of rows 0–3 in the lower half of <paramref name="c0"/> + k, of rows 4–7 in its upper).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quarter(Vector256<float> r0, Vector256<float> r1, Vector256<float> r2, Vector256<float> r3, out Vector256<float> c0, out Vector256<float> c1, out Vector256<float> c2, out Vector256<float> c3)
    {
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        c0 = Avx.Shuffle(t0, t2, 0x44);
        c1 = Avx.Shuffle(t0, t2, 0xEE);
        c2 = Avx.Shuffle(t1, t3, 0x44);
        c3 = Avx.Shuffle(t1, t3, 0xEE);
    }
}
