using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// Stack buffers started on a cache line. A stack buffer starts wherever the stack pointer happens to be, which is
/// only 16-byte aligned and differs from process to process. A panel's rows of lanes are whole cache lines (16 floats
/// at Vector256), so from a 64-byte boundary no vector load or store of them splits a line; from anywhere else half
/// or all of them do, and a layer runs up to a fifth slower in some processes than in others.
/// </summary>
internal static unsafe class CacheLines
{
    /// <summary>Floats a buffer needs past its length so that <see cref="Align"/> can start it on a line.</summary>
    public const int Slack = LineFloats - 1;

    /// <summary>Floats in a cache line.</summary>
    public const int LineFloats = LineBytes / sizeof(float);

    /// <summary>Bytes in a cache line.</summary>
    public const int LineBytes = 64;

    /// <summary>The part of a stack buffer from its first 64-byte boundary on (a buffer that does not move).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<float> Align(Span<float> buffer)
    {
        var address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffer));
        var skipped = (int)((LineBytes - (address % LineBytes)) % LineBytes) / sizeof(float);
        return buffer.Slice(skipped);
    }
}
