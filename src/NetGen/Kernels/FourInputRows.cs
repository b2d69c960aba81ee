using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The one-row fused step's update of a first layer of four inputs, two weight rows to a vector of 8 as the one-row
/// forward kernel reads them (<c>GroupSums4</c>). Vectors of 4, one a row, left every load of the next step's forward
/// waiting for two stores it could not be forwarded from.
/// </summary>
internal static class FourInputRows
{
    /// <summary>
    /// db = δ and dW = δxᵀ through the rule into the layer's parameters, each value the same product and update as
    /// the vector-of-4 path computes, so the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UpdateWeightsOnly<TRule>(ref float weights, int index, ref float bias, int biasIndex, ref float x, ref float delta, int outputs, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        // A copy the JIT keeps in registers: through the reference, every store to the parameters could change the rule.
        var local = rule;
        var m = (nuint)outputs;
        nuint o = 0;
        for (; o + 8 <= m; o += 8)
        {
            local.Update(Vector256.LoadUnsafe(ref bias, o), Vector256.LoadUnsafe(ref delta, o), biasIndex + (int)o).StoreUnsafe(ref bias, o);
        }

        for (; o < m; o++)
        {
            Unsafe.Add(ref bias, o) = local.Update(Unsafe.Add(ref bias, o), Unsafe.Add(ref delta, o), biasIndex + (int)o);
        }

        var x4 = Vector128.LoadUnsafe(ref x);
        var x8 = Vector256.Create(x4, x4);
        nuint j = 0;
        for (; j + 2 <= m; j += 2)
        {
            var d = Vector256.Create(Vector128.Create(Unsafe.Add(ref delta, j)), Vector128.Create(Unsafe.Add(ref delta, j + 1)));
            var at = 4 * j;
            local.Update(Vector256.LoadUnsafe(ref weights, at), d * x8, index + (int)at).StoreUnsafe(ref weights, at);
        }

        if (j < m)
        {
            var at = 4 * j;
            local.Update(Vector128.LoadUnsafe(ref weights, at), Vector128.Create(Unsafe.Add(ref delta, j)) * x4, index + (int)at).StoreUnsafe(ref weights, at);
        }

        rule = local;
    }
}
