using System;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// Each thread's buffers for the blocks of panels that <see cref="ColumnKernels.ForwardBatch{TRows}"/> cannot take
/// from the stack (past <see cref="ForwardBatchLayout.StackBudget"/>): one array per thread, allocated by the thread's
/// first such call, replaced by a longer one when a larger network needs more, and kept while the thread lives (at most
/// <see cref="ForwardBatchLayout.BlockBudget"/> and a few floats). One per thread, so calls on several threads at once,
/// on one network or several, never share a buffer; a call does not reenter <c>ForwardBatch</c> on its own thread, so
/// one buffer per thread is enough. Pinned, so that the cache-line alignment a call works out for its buffers holds
/// until it returns (the collector does not move the array).
/// </summary>
internal static class PanelScratch
{
    [ThreadStatic]
    private static float[]? t_floats;

    /// <summary>This thread's scratch array, at least <paramref name="floats"/> long; its values are whatever the last call left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float[] AtLeast(int floats)
    {
        var scratch = t_floats;
        return scratch is not null && scratch.Length >= floats ? scratch : Allocate(floats);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float[] Allocate(int floats) => t_floats = GC.AllocateUninitializedArray<float>(floats, pinned: true);
}
