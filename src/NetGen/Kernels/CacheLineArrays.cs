using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// Arrays whose first element starts a 64-byte cache line, for a network's parameters, gradients and scratch. An
/// array's data starts wherever the heap put it, 8-byte aligned, so most of a kernel's Vector512 loads of a weight
/// row split two lines (and half of its Vector256 loads); on Zen 4 N2's one-row forward ran 20–30 % slower from an
/// unaligned array.
/// </summary>
/// <remarks>
/// The array is allocated on the pinned object heap, where the GC never moves it off the line. .NET has no aligned
/// allocation for managed arrays, but the pinned heap places an object right after the last one where it has no
/// gap to fill: a small probe shows where the next object starts, and a spacer before the array moves it onto a
/// line. The probe and the spacer live as long as the array (were they garbage, the gaps they left would take the
/// next network's probe). Where the heap filled a gap instead, a second try, then the array as it fell: every
/// kernel is correct at any alignment.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class CacheLineArrays
{
    private const int LineBytes = 64;

    // On 64-bit, element 0 of an array lies 24 bytes past the last 8-byte step of the object before it: the
    // array's header word, method table and length come between.
    private const int BytesBetweenArrays = 24;
    private const int ProbeLength = 8;
    private const int Tries = 2;

    private static readonly ConditionalWeakTable<float[], byte[][]> s_placeholders = new();

    /// <summary>A zeroed array of <paramref name="length"/> floats, starting a cache line where the heap allows it.</summary>
    public static float[] Allocate(int length)
    {
        float[] array = null!;
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var probe = GC.AllocateArray<byte>(ProbeLength, pinned: true);
            var elementZero = Address(probe) + ProbeLength + BytesBetweenArrays;
            var spacer = (elementZero % LineBytes) == 0
                ? []
                : GC.AllocateArray<byte>((int)((LineBytes - ((elementZero + BytesBetweenArrays) % LineBytes)) % LineBytes), pinned: true);
            array = GC.AllocateArray<float>(length, pinned: true);
            s_placeholders.AddOrUpdate(array, [probe, spacer]);
            if (IsOnLine(array))
            {
                break;
            }
        }

        return array;
    }

    /// <summary>Whether element 0 of <paramref name="array"/> starts a cache line.</summary>
    internal static bool IsOnLine(float[] array) =>
        (Address(array) % LineBytes) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint Address<T>(T[] array) =>
        (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
}
