using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The kernels of a generated network's <c>ForwardBatch</c>. A panel is two vectors' worth of rows (32 with
/// Vector512, 16 with Vector256, 8 with Vector128) held transposed: feature-major, one lane per row. Each weight is
/// broadcast once and multiplied into every row of the panel, so a layer is a sum of outer products with no
/// horizontal sums, and its output panel is the next layer's input as it stands: rows are transposed once on the way
/// in and once on the way out. A block of several panels goes through each layer at once, so that the weights are
/// read from memory once per block rather than once per panel. The weights are read in their exchange layout [outputs, inputs]: nothing is packed, so
/// nothing can go stale when a user writes <c>Parameters</c>. Generator-facing: not meant to be called by users.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ColumnKernels
{
    /// <summary>
    /// The panel rows that stand for the rows as they are, row-major, each a panel of one row: a layer on them goes
    /// through <see cref="RowTileForward"/> (Vector256 only), which vectorises over 16 outputs instead of over rows.
    /// </summary>
    internal const int RowTilePanelRows = 1;

    /// <summary>The rows of the widest panel this processor accelerates, at most <paramref name="widest"/>; 0 without SIMD.</summary>
    /// <param name="widest">The most rows the caller's buffers hold per feature: 32, 16 or 8.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PanelRows(int widest) =>
        Vector512.IsHardwareAccelerated && widest >= 2 * Width512.Count ? 2 * Width512.Count
        : Vector256.IsHardwareAccelerated && widest >= 2 * Width256.Count ? 2 * Width256.Count
        : Vector128.IsHardwareAccelerated && widest >= 2 * Width128.Count ? 2 * Width128.Count
        : 0;

    /// <summary>
    /// Rows into consecutive panels of <paramref name="panelRows"/> lanes each, as many as the rows fill; the lanes of
    /// the last panel past the rows are set to 0.
    /// </summary>
    /// <param name="rows">Whole rows of <paramref name="features"/> values.</param>
    /// <param name="panel">Where the first <paramref name="features"/> × <paramref name="panelRows"/> panel goes, the others after it.</param>
    /// <param name="features">Values per row.</param>
    /// <param name="panelRows">Lanes per feature in a panel.</param>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Transpose(ReadOnlySpan<float> rows, ref float panel, int features, int panelRows)
    {
        var count = rows.Length / features;
        for (var first = 0; first < count; first += panelRows)
        {
            var panelCount = count - first < panelRows ? count - first : panelRows;
            PanelTranspose.In(ref Unsafe.Add(ref MemoryMarshal.GetReference(rows), first * features), ref Unsafe.Add(ref panel, first * features), features, panelCount, panelRows);
        }
    }

    /// <summary>The inverse of <see cref="Transpose"/>: the first lanes of consecutive panels back into the rows of <paramref name="rows"/>.</summary>
    /// <param name="panel">The first <paramref name="features"/> × <paramref name="panelRows"/> panel, the others after it.</param>
    /// <param name="rows">Where the rows go: whole rows of <paramref name="features"/> values.</param>
    /// <param name="features">Values per row.</param>
    /// <param name="panelRows">Lanes per feature in a panel.</param>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void TransposeBack(ref float panel, Span<float> rows, int features, int panelRows)
    {
        var count = rows.Length / features;
        for (var first = 0; first < count; first += panelRows)
        {
            var panelCount = count - first < panelRows ? count - first : panelRows;
            PanelTranspose.Out(ref Unsafe.Add(ref panel, first * features), ref Unsafe.Add(ref MemoryMarshal.GetReference(rows), first * features), features, panelCount, panelRows);
        }
    }

    /// <summary>
    /// One dense layer on consecutive panels: each output's lanes are f(b + Σᵢ W[o, i]·input lanes of i), summed in
    /// the same order whatever the number of panels.
    /// </summary>
    /// <param name="weights">The weight matrix, [outputs, inputs] row-major.</param>
    /// <param name="bias">The <paramref name="outputs"/> biases.</param>
    /// <param name="input">The first <paramref name="inputs"/> × <paramref name="panelRows"/> panel of inputs, the others after it.</param>
    /// <param name="output">Where the <paramref name="outputs"/> × <paramref name="panelRows"/> panels of activations go, one after another.</param>
    /// <param name="inputs">Input features.</param>
    /// <param name="outputs">Output features.</param>
    /// <param name="panelRows">Rows in a panel: 32 (Vector512), 16 (Vector256) or 8 (Vector128).</param>
    /// <param name="panels">How many panels.</param>
    /// <param name="activation">The element-wise activation f.</param>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Forward<TActivation>(ref float weights, ref float bias, ref float input, ref float output, int inputs, int outputs, int panelRows, int panels, TActivation activation)
        where TActivation : struct, IActivationFunction =>
        Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, activation, after: default);

    /// <summary>
    /// <see cref="Forward{TActivation}(ref float, ref float, ref float, ref float, int, int, int, int, TActivation)"/>
    /// whose last two tiles fetch into L2 what the caller reads next (<see cref="HintsAfter"/>); with
    /// <paramref name="panelRows"/> = <see cref="RowTilePanelRows"/>, <paramref name="panels"/> rows as they are through row tiles.
    /// </summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    internal static void Forward<TActivation>(ref float weights, ref float bias, ref float input, ref float output, int inputs, int outputs, int panelRows, int panels, TActivation activation, HintsAfter after)
        where TActivation : struct, IActivationFunction
    {
        if (panelRows == RowTilePanelRows && Vector256.IsHardwareAccelerated)
        {
            RowTileForward.Layer(ref weights, ref bias, ref input, ref output, inputs, outputs, panels, activation);
        }
        else if (panelRows == 2 * Width512.Count && Vector512.IsHardwareAccelerated)
        {
            PanelForward<Width512, Vector512<float>>.Layer(ref weights, ref bias, ref input, ref output, inputs, outputs, panels, activation, after);
        }
        else if (panelRows == 2 * Width256.Count && Vector256.IsHardwareAccelerated)
        {
            PanelForward<Width256, Vector256<float>>.Layer(ref weights, ref bias, ref input, ref output, inputs, outputs, panels, activation, after);
        }
        else if (panelRows == 2 * Width128.Count && Vector128.IsHardwareAccelerated)
        {
            PanelForward<Width128, Vector128<float>>.Layer(ref weights, ref bias, ref input, ref output, inputs, outputs, panels, activation, after);
        }
        else
        {
            ThrowNoPanel(panelRows);
        }
    }

    /// <summary>Maxout on consecutive panels: each unit's lanes are the lane-wise maximum of its pieces' lanes.</summary>
    /// <param name="pieces">The first [pieces, units] × <paramref name="panelRows"/> panel of affine maps, the others after it.</param>
    /// <param name="output">Where the <paramref name="units"/> × <paramref name="panelRows"/> panels go, one after another.</param>
    /// <param name="units">Units of the layer.</param>
    /// <param name="pieceCount">Affine maps per unit.</param>
    /// <param name="panelRows">Rows in a panel.</param>
    /// <param name="panels">How many panels.</param>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Maxout(ref float pieces, ref float output, int units, int pieceCount, int panelRows, int panels)
    {
        var length = units * panelRows;
        for (var panel = 0; panel < panels; panel++)
        {
            ref var from = ref Unsafe.Add(ref pieces, panel * pieceCount * length);
            ref var to = ref Unsafe.Add(ref output, panel * length);
            if (panelRows == 2 * Width512.Count && Vector512.IsHardwareAccelerated)
            {
                PanelActivations<Width512, Vector512<float>>.Maxout(ref from, ref to, length, pieceCount);
            }
            else if (panelRows == 2 * Width256.Count && Vector256.IsHardwareAccelerated)
            {
                PanelActivations<Width256, Vector256<float>>.Maxout(ref from, ref to, length, pieceCount);
            }
            else if (panelRows == 2 * Width128.Count && Vector128.IsHardwareAccelerated)
            {
                PanelActivations<Width128, Vector128<float>>.Maxout(ref from, ref to, length, pieceCount);
            }
            else
            {
                ThrowNoPanel(panelRows);
            }
        }
    }

    /// <summary>Softmax on consecutive panels, in place: each row (lane) of the <paramref name="outputs"/> values becomes e^(z − max) / Σ e^(z − max).</summary>
    /// <param name="panel">The first <paramref name="outputs"/> × <paramref name="panelRows"/> panel of logits, the others after it.</param>
    /// <param name="outputs">Values per row.</param>
    /// <param name="panelRows">Rows in a panel.</param>
    /// <param name="panels">How many panels.</param>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static void Softmax(ref float panel, int outputs, int panelRows, int panels)
    {
        for (var index = 0; index < panels; index++)
        {
            ref var logits = ref Unsafe.Add(ref panel, index * outputs * panelRows);
            if (panelRows == 2 * Width512.Count && Vector512.IsHardwareAccelerated)
            {
                PanelActivations<Width512, Vector512<float>>.Softmax(ref logits, outputs);
            }
            else if (panelRows == 2 * Width256.Count && Vector256.IsHardwareAccelerated)
            {
                PanelActivations<Width256, Vector256<float>>.Softmax(ref logits, outputs);
            }
            else if (panelRows == 2 * Width128.Count && Vector128.IsHardwareAccelerated)
            {
                PanelActivations<Width128, Vector128<float>>.Softmax(ref logits, outputs);
            }
            else
            {
                ThrowNoPanel(panelRows);
            }
        }
    }

    private static void ThrowNoPanel(int panelRows) =>
        throw new ArgumentOutOfRangeException(nameof(panelRows), panelRows, "A panel has the rows of two accelerated Vector512, Vector256 or Vector128.");
}
