using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// Prefetch hints for values a kernel reads and writes only after a long run of arithmetic, so that they arrive in
/// L1 meanwhile instead of stalling it at the end. A hint never faults and never changes a result; without SSE it
/// does nothing.
/// </summary>
internal static unsafe class CachePrefetch
{
    /// <summary>The cache line that holds <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Line(ref float value)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref value));
        }
    }

    /// <summary>
    /// The address <paramref name="floatsAhead"/> floats past <paramref name="value"/>, for hints only: it may lie past
    /// the end of the array, where a reference must not point.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nuint Address(ref float value, int floatsAhead) => (nuint)Unsafe.AsPointer(ref value) + ((nuint)floatsAhead * sizeof(float));

    /// <summary>
    /// The cache line at <paramref name="address"/>, into L1: for an address computed as an integer (a line that may
    /// lie past the end of the array, or one the garbage collector has since moved away from: a useless fetch).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LineAt(nuint address)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0((void*)address);
        }
    }

    /// <summary>Bytes of a page: the unit of the address translations that <see cref="Pages"/> fetches.</summary>
    public const int PageBytes = 4096;

    /// <summary>
    /// One line of each 4 KiB page that <paramref name="floats"/> floats from <paramref name="value"/> on touch, into
    /// L2: a hint that misses the TLB walks the page tables, and many such walks overlap where a kernel's loads would
    /// meet them one page at a time. For memory a call is about to read or write after other work evicted its
    /// translations.
    /// </summary>
    public static void Pages(ref float value, int floats)
    {
        if (Sse.IsSupported && floats > 0)
        {
            var start = (nuint)Unsafe.AsPointer(ref value);
            var end = start + ((nuint)floats * sizeof(float));
            Sse.Prefetch1((void*)start);
            for (var page = (start & ~(nuint)(PageBytes - 1)) + PageBytes; page < end; page += PageBytes)
            {
                Sse.Prefetch1((void*)page);
            }
        }
    }

    /// <summary>The cache line at <paramref name="address"/>, into L2 only: for a stream read some microseconds later, kept out of L1 meanwhile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LineToL2(nuint address)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch1((void*)address);
        }
    }
}
