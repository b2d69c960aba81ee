using System;
using System.ComponentModel;

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
/// line. Where the heap filled a gap instead, another try, then the array as it fell: every kernel is correct at
/// any alignment. The probe and the spacer are left as garbage: the pinned heap reuses their space only after a
/// full collection, and a later probe that falls into such a gap fills it, so the next try starts at the heap's end.
/// Keeping them alive with the array (a ConditionalWeakTable) cost a network's construction ~0.3 ms on its first
/// use in a fresh process (RESULTS.md of the cold-start harness). Probe, spacer and array are all float arrays, so
/// the JIT compiles one instantiation of <see cref="GC.AllocateArray{T}(int, bool)"/>, not two; addresses are taken
/// under <c>fixed</c> in <see cref="Allocate"/> itself (an empty array's is 0, on a line), so tier-0 code calls no
/// helper that must be compiled first.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class CacheLineArrays
{
    private const int LineBytes = 64;

    // On 64-bit, element 0 of an array lies 24 bytes past the last 8-byte step of the object before it: the
    // array's header word, method table and length come between.
    private const int BytesBetweenArrays = 24;
    private const int ProbeLength = 2;
    private const int Tries = 4;

    /// <summary>A zeroed array of <paramref name="length"/> floats, starting a cache line where the heap allows it.</summary>
    public static float[] Allocate(int length)
    {
        float[] array = null!;
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var probe = GC.AllocateArray<float>(ProbeLength, pinned: true);
            nuint elementZero;
            fixed (float* first = probe)
            {
                elementZero = (nuint)first + (ProbeLength * sizeof(float)) + BytesBetweenArrays;
            }

            if ((elementZero % LineBytes) != 0)
            {
                var spacerBytes = (LineBytes - ((elementZero + BytesBetweenArrays) % LineBytes)) % LineBytes;
                GC.AllocateArray<float>((int)(spacerBytes / sizeof(float)), pinned: true);
            }

            array = GC.AllocateArray<float>(length, pinned: true);
            fixed (float* first = array)
            {
                if (((nuint)first % LineBytes) == 0)
                {
                    break;
                }
            }
        }

        return array;
    }

    /// <summary>Whether element 0 of <paramref name="array"/> starts a cache line.</summary>
    internal static bool IsOnLine(float[] array)
    {
        fixed (float* first = array)
        {
            return ((nuint)first % LineBytes) == 0;
        }
    }
}
