using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// The backward pass of a dense layer at one vector width: db and dW = Σᵣ δᵣxᵣᵀ go through an update rule into the
/// array it updates (the gradients, or the parameters themselves in a fused training step), and dxᵣ = Wᵀδᵣ is
/// written with the weights as they were on entry. One row streams the weights once; blocks of rows run as
/// register-blocked products (<c>DenseBackward.Blocks.cs</c>).
/// </summary>
internal static partial class DenseBackward<TWidth, TVector>
    where TWidth : struct, ISimdWidth<TVector>
    where TVector : struct
{
    /// <summary>Weight rows whose dx contributions stay in registers before moving on to the next inputs (one row).</summary>
    private const int WeightRowBlock = 8;

    /// <summary>
    /// One layer's backward pass for the rows: <paramref name="weights"/> is W for dx; <paramref name="target"/> and
    /// <paramref name="biasTarget"/> are the first weight and bias of the array the rule updates (W itself, or dW),
    /// and <paramref name="index"/> and <paramref name="biasIndex"/> their positions in the parameter block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rows<TRule, TInputGradient>(ref float weights, ref float target, int index, ref float biasTarget, int biasIndex,
        ref float input, ref float delta, ref float inputGradient, int inputs, int outputs, int rows, ref TRule rule)
        where TRule : struct, IUpdateRule
        where TInputGradient : struct, IFlag
    {
        Bias(ref biasTarget, biasIndex, ref delta, outputs, rows, ref rule);
        if (rows == 1)
        {
            if (TInputGradient.Enabled)
            {
                OneRow(ref weights, ref target, index, ref input, ref delta, ref inputGradient, inputs, outputs, ref rule);
            }
            else
            {
                OneRowWeightsOnly(ref target, index, ref input, ref delta, inputs, outputs, ref rule);
            }

            return;
        }

        if (TInputGradient.Enabled)
        {
            InputGradients(ref weights, ref delta, ref inputGradient, inputs, outputs, rows);
        }

        WeightGradients(ref target, index, ref input, ref delta, inputs, outputs, rows, ref rule);
    }

    /// <summary>db = Σᵣ δᵣ, through the rule.</summary>
    private static void Bias<TRule>(ref float target, int index, ref float delta, int outputs, int rows, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        var m = (nuint)outputs;
        var count = (nuint)TWidth.Count;
        nuint o = 0;
        for (; o + count <= m; o += count)
        {
            var sum = TWidth.Load(ref delta, o);
            for (nuint r = 1; r < (nuint)rows; r++)
            {
                sum = TWidth.Add(sum, TWidth.Load(ref delta, (r * m) + o));
            }

            TWidth.Store(TWidth.Update(ref rule, TWidth.Load(ref target, o), sum, index + (int)o), ref target, o);
        }

        for (; o < m; o++)
        {
            var sum = Unsafe.Add(ref delta, o);
            for (nuint r = 1; r < (nuint)rows; r++)
            {
                sum += Unsafe.Add(ref delta, (r * m) + o);
            }

            Unsafe.Add(ref target, o) = rule.Update(Unsafe.Add(ref target, o), sum, index + (int)o);
        }
    }

    /// <summary>The first layer of one row: each weight row in turn, W[j, :] through the rule with δⱼ·x.</summary>
    private static void OneRowWeightsOnly<TRule>(ref float target, int index, ref float x, ref float delta, int inputs, int outputs, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        // A copy the JIT keeps in registers: through the reference, every store to the row could change the rule.
        var local = rule;
        var n = (nuint)inputs;
        var count = (nuint)TWidth.Count;
        var whole = n - (n % count);
        for (nuint j = 0; j < (nuint)outputs; j++)
        {
            var dj = Unsafe.Add(ref delta, j);
            var d = TWidth.Broadcast(dj);
            ref var row = ref Unsafe.Add(ref target, j * n);
            var at = index + (int)(j * n);
            nuint i = 0;
            for (; i < whole; i += count)
            {
                TWidth.Store(TWidth.Update(ref local, TWidth.Load(ref row, i), TWidth.Multiply(d, TWidth.Load(ref x, i)), at + (int)i), ref row, i);
            }

            for (; i < n; i++)
            {
                Unsafe.Add(ref row, i) = local.Update(Unsafe.Add(ref row, i), dj * Unsafe.Add(ref x, i), at + (int)i);
            }
        }

        rule = local;
    }

    /// <summary>
    /// One row with dx: blocks of weight rows outside, chunks of inputs inside, so that a chunk of dx stays in a
    /// register while the block's weight rows pass; each weight is read for dx before the rule rewrites it.
    /// </summary>
    private static void OneRow<TRule>(ref float weights, ref float target, int index, ref float x, ref float delta, ref float dx, int inputs, int outputs, ref TRule rule)
        where TRule : struct, IUpdateRule
    {
        // A copy the JIT keeps in registers: through the reference, every store to the target could change the rule.
        var local = rule;
        var n = (nuint)inputs;
        var count = (nuint)TWidth.Count;
        var whole = n - (n % count);
        for (var first = 0; first < outputs; first += WeightRowBlock)
        {
            var end = (nuint)(first + WeightRowBlock < outputs ? first + WeightRowBlock : outputs);
            nuint i = 0;
            for (; i < whole; i += count)
            {
                var xi = TWidth.Load(ref x, i);
                var dxi = first != 0 ? TWidth.Load(ref dx, i) : TWidth.Zero;
                for (var j = (nuint)first; j < end; j++)
                {
                    var d = TWidth.Broadcast(Unsafe.Add(ref delta, j));
                    var at = (j * n) + i;
                    dxi = TWidth.MultiplyAdd(TWidth.Load(ref weights, at), d, dxi);
                    TWidth.Store(TWidth.Update(ref local, TWidth.Load(ref target, at), TWidth.Multiply(d, xi), index + (int)at), ref target, at);
                }

                TWidth.Store(dxi, ref dx, i);
            }

            for (; i < n; i++)
            {
                var xi = Unsafe.Add(ref x, i);
                var dxi = first != 0 ? Unsafe.Add(ref dx, i) : 0f;
                for (var j = (nuint)first; j < end; j++)
                {
                    var d = Unsafe.Add(ref delta, j);
                    var at = (j * n) + i;
                    dxi += Unsafe.Add(ref weights, at) * d;
                    Unsafe.Add(ref target, at) = local.Update(Unsafe.Add(ref target, at), d * xi, index + (int)at);
                }

                Unsafe.Add(ref dx, i) = dxi;
            }
        }

        rule = local;
    }
}
