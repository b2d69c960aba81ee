using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>One row of a fused training step (<c>DenseKernels.BackwardRow</c>): the rule updates the parameters in place.</summary>
internal static partial class DenseBackward<TWidth, TVector>
{
    /// <summary>
    /// db = δ, then for each chunk of inputs every weight row's chunk is read once — for dx, and for the rule with
    /// δⱼ·x — while the chunk's dx stays in a register (two chunks at a time where the row has them); dx leaves
    /// multiplied by the derivative of the layer below, from its activations, which are this layer's input x. Each
    /// sum runs over the weight rows in order with the operations of <see cref="OneRow"/> and the chain rule after
    /// it, so the parameters get the bits of the unfused passes.
    /// </summary>
    public static void FusedRow<TRule, TDerivative, TInputGradient>(ref float weights, int index, ref float bias, int biasIndex, ref float x, ref float delta,
        ref float inputDelta, int inputs, int outputs, ref TRule rule, TDerivative derivative)
        where TRule : struct, IUpdateRule
        where TDerivative : struct, IDerivativeOperator
        where TInputGradient : struct, IFlag
    {
        // A copy the JIT keeps in registers: through the reference, every store to the parameters could change the rule.
        var local = rule;
        var n = (nuint)inputs;
        var m = (nuint)outputs;
        var count = (nuint)TWidth.Count;
        nuint o = 0;
        for (; o + count <= m; o += count)
        {
            TWidth.Store(TWidth.Update(ref local, TWidth.Load(ref bias, o), TWidth.Load(ref delta, o), biasIndex + (int)o), ref bias, o);
        }

        for (; o < m; o++)
        {
            Unsafe.Add(ref bias, o) = local.Update(Unsafe.Add(ref bias, o), Unsafe.Add(ref delta, o), biasIndex + (int)o);
        }

        var whole = n - (n % count);
        nuint i = 0;
        for (; i + (2 * count) <= whole; i += 2 * count)
        {
            var x0 = TWidth.Load(ref x, i);
            var x1 = TWidth.Load(ref x, i + count);
            TVector dx0 = TWidth.Zero, dx1 = TWidth.Zero;
            ref var w = ref Unsafe.Add(ref weights, i);
            var at = index + (int)i;
            for (nuint j = 0; j < m; j++)
            {
                var d = TWidth.Broadcast(Unsafe.Add(ref delta, j));
                var w0 = TWidth.Load(ref w, 0);
                var w1 = TWidth.Load(ref w, count);
                if (TInputGradient.Enabled)
                {
                    dx0 = TWidth.MultiplyAdd(w0, d, dx0);
                    dx1 = TWidth.MultiplyAdd(w1, d, dx1);
                }

                TWidth.Store(TWidth.Update(ref local, w0, TWidth.Multiply(d, x0), at), ref w, 0);
                TWidth.Store(TWidth.Update(ref local, w1, TWidth.Multiply(d, x1), at + (int)count), ref w, count);
                w = ref Unsafe.Add(ref w, n);
                at += inputs;
            }

            if (TInputGradient.Enabled)
            {
                TWidth.Store(Chain(dx0, x0, derivative), ref inputDelta, i);
                TWidth.Store(Chain(dx1, x1, derivative), ref inputDelta, i + count);
            }
        }

        for (; i < whole; i += count)
        {
            var x0 = TWidth.Load(ref x, i);
            var dx0 = TWidth.Zero;
            ref var w = ref Unsafe.Add(ref weights, i);
            var at = index + (int)i;
            for (nuint j = 0; j < m; j++)
            {
                var d = TWidth.Broadcast(Unsafe.Add(ref delta, j));
                var w0 = TWidth.Load(ref w, 0);
                if (TInputGradient.Enabled)
                {
                    dx0 = TWidth.MultiplyAdd(w0, d, dx0);
                }

                TWidth.Store(TWidth.Update(ref local, w0, TWidth.Multiply(d, x0), at), ref w, 0);
                w = ref Unsafe.Add(ref w, n);
                at += inputs;
            }

            if (TInputGradient.Enabled)
            {
                TWidth.Store(Chain(dx0, x0, derivative), ref inputDelta, i);
            }
        }

        for (; i < n; i++)
        {
            var xi = Unsafe.Add(ref x, i);
            var dxi = 0f;
            for (nuint j = 0; j < m; j++)
            {
                var d = Unsafe.Add(ref delta, j);
                var at = (j * n) + i;
                dxi += Unsafe.Add(ref weights, at) * d;
                Unsafe.Add(ref weights, at) = local.Update(Unsafe.Add(ref weights, at), d * xi, index + (int)at);
            }

            if (TInputGradient.Enabled)
            {
                Unsafe.Add(ref inputDelta, i) = typeof(TDerivative) == typeof(IdentityDerivative) ? dxi : dxi * derivative.Invoke(xi);
            }
        }

        rule = local;
    }

    /// <summary>dL/dz of the layer below from its dL/da and its activations a: da · f′(a), as the chain rule's pass computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Chain<TDerivative>(TVector da, TVector a, TDerivative derivative)
        where TDerivative : struct, IDerivativeOperator =>
        typeof(TDerivative) == typeof(IdentityDerivative) ? da : TWidth.Multiply(da, TWidth.Derive(a, derivative));
}
