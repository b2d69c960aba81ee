using System;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>ForwardBatch's blocks of panels: how many fit its stack budget, how many rows each takes, and their buffers' alignment.</summary>
public static partial class ColumnKernels
{
    /// <summary>Floats a stack buffer of panels needs past their length for <see cref="AlignPanels"/>.</summary>
    public const int PanelSlack = CacheLines.Slack;

    /// <summary>The most panels of a block: 64 rows at Vector256, where a batch of 64 reads each weight once.</summary>
    private const int MostPanels = 4;

    /// <summary>
    /// Panels per block: as many as <paramref name="stackFloats"/> hold at <paramref name="floatsPerRow"/> per panel
    /// row, at least one and at most four.
    /// </summary>
    /// <param name="panelRows">Rows in a panel.</param>
    /// <param name="floatsPerRow">Floats of every buffer of the block, per panel row.</param>
    /// <param name="stackFloats">The floats the block's buffers may take.</param>
    /// <returns>The panels of a block.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PanelsPerBlock(int panelRows, int floatsPerRow, int stackFloats) =>
        Math.Clamp(stackFloats / (floatsPerRow * panelRows), 1, MostPanels);

    /// <summary>
    /// The rows of the next block: all that are left, up to its panels, less a last partial panel of fewer than
    /// <paramref name="minimumRows"/> rows (those go one by one, as they would after a block of one panel).
    /// </summary>
    /// <param name="rowsLeft">Rows not yet computed; at least <paramref name="minimumRows"/>.</param>
    /// <param name="panelRows">Rows in a panel.</param>
    /// <param name="panels">Panels of a block.</param>
    /// <param name="minimumRows">The fewest rows worth a panel.</param>
    /// <returns>How many rows the block takes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BlockRows(int rowsLeft, int panelRows, int panels, int minimumRows)
    {
        var rows = rowsLeft < panels * panelRows ? rowsLeft : panels * panelRows;
        var partial = rows % panelRows;
        return partial != 0 && partial < minimumRows ? rows - partial : rows;
    }

    /// <summary>
    /// A stack buffer of panels from its first 64-byte boundary on, so that every panel row starts a cache line: give
    /// it <see cref="PanelSlack"/> floats more than the panels need. Only for memory that does not move (stackalloc).
    /// </summary>
    /// <param name="stackBuffer">The buffer, on the stack.</param>
    /// <returns>The buffer past its first floats up to the boundary.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<float> AlignPanels(Span<float> stackBuffer) => CacheLines.Align(stackBuffer);
}
