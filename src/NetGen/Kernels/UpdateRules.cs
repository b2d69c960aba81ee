using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>An update rule over a whole gradient array: what an optimizer's unfused <see cref="IOptimizer.Step"/> runs.</summary>
internal static class UpdateRules
{
    /// <summary>
    /// Updates every parameter once from the gradient of the same index, on the widest accelerated vectors. The spans
    /// may be a slice of the network's parameters that begins at index <paramref name="first"/>: the rule sees every
    /// parameter's index in the whole array, where its state for that parameter is.
    /// </summary>
    public static void Apply<TRule>(ref TRule rule, Span<float> parameters, ReadOnlySpan<float> gradients, int first = 0)
        where TRule : struct, IUpdateRule
    {
        ref var p = ref MemoryMarshal.GetReference(parameters);
        ref var g = ref MemoryMarshal.GetReference(gradients);
        var length = parameters.Length;
        var done = Vector512.IsHardwareAccelerated ? Apply<TRule, Width512, Vector512<float>>(ref rule, ref p, ref g, length, first)
            : Vector256.IsHardwareAccelerated ? Apply<TRule, Width256, Vector256<float>>(ref rule, ref p, ref g, length, first)
            : Vector128.IsHardwareAccelerated ? Apply<TRule, Width128, Vector128<float>>(ref rule, ref p, ref g, length, first)
            : 0;
        for (var i = done; i < length; i++)
        {
            Unsafe.Add(ref p, i) = rule.Update(Unsafe.Add(ref p, i), Unsafe.Add(ref g, i), first + i);
        }
    }

    /// <summary>The whole vectors from the start; returns how many parameters they covered.</summary>
    private static int Apply<TRule, TWidth, TVector>(ref TRule rule, ref float parameters, ref float gradients, int length, int first)
        where TRule : struct, IUpdateRule
        where TWidth : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        // A copy the JIT keeps in registers: through the reference, every store to the parameters could change the rule.
        var local = rule;
        var i = 0;
        for (; i + TWidth.Count <= length; i += TWidth.Count)
        {
            var at = (nuint)i;
            TWidth.Store(TWidth.Update(ref local, TWidth.Load(ref parameters, at), TWidth.Load(ref gradients, at), first + i), ref parameters, at);
        }

        rule = local;
        return i;
    }
}
