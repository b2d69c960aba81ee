using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>Runs an operator over spans: the widest accelerated vectors first, narrower ones and scalars for the tail.</summary>
internal static class Elementwise
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply<TOperator>(Span<float> values, TOperator op)
        where TOperator : struct, IUnaryOperator
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var length = (nuint)values.Length;
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + 16 <= length; i += 16)
            {
                op.Invoke(Vector512.LoadUnsafe(ref start, i)).StoreUnsafe(ref start, i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= length; i += 8)
            {
                op.Invoke(Vector256.LoadUnsafe(ref start, i)).StoreUnsafe(ref start, i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 4 <= length; i += 4)
            {
                op.Invoke(Vector128.LoadUnsafe(ref start, i)).StoreUnsafe(ref start, i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref start, i) = op.Invoke(Unsafe.Add(ref start, i));
        }
    }

    /// <summary>dz = da · f′, element by element, with f′ a function of the stored <paramref name="values"/> (a or z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ChainRule<TDerivative>(ReadOnlySpan<float> values, ReadOnlySpan<float> da, Span<float> dz, TDerivative derivative)
        where TDerivative : struct, IDerivativeOperator
    {
        if (values.Length != dz.Length || da.Length != dz.Length)
        {
            Guard.ThrowWrongLength(nameof(dz), values.Length, dz.Length, "gradients");
        }

        ref var stored = ref MemoryMarshal.GetReference(values);
        ref var upstream = ref MemoryMarshal.GetReference(da);
        ref var result = ref MemoryMarshal.GetReference(dz);
        var length = (nuint)dz.Length;
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + 16 <= length; i += 16)
            {
                (Vector512.LoadUnsafe(ref upstream, i) * derivative.Invoke(Vector512.LoadUnsafe(ref stored, i))).StoreUnsafe(ref result, i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= length; i += 8)
            {
                (Vector256.LoadUnsafe(ref upstream, i) * derivative.Invoke(Vector256.LoadUnsafe(ref stored, i))).StoreUnsafe(ref result, i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 4 <= length; i += 4)
            {
                (Vector128.LoadUnsafe(ref upstream, i) * derivative.Invoke(Vector128.LoadUnsafe(ref stored, i))).StoreUnsafe(ref result, i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref result, i) = Unsafe.Add(ref upstream, i) * derivative.Invoke(Unsafe.Add(ref stored, i));
        }
    }
}
