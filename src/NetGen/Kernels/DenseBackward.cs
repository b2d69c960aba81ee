using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// dW += Σᵣ δᵣxᵣᵀ and dxᵣ = Wᵀδᵣ for one or four rows at one vector width. Blocks of weight rows outside, chunks of
/// inputs in the middle, rows inside: a chunk of every row's input and dx stays in registers while the block's weight
/// rows pass, so each weight and gradient is loaded once and stored once per block of rows. The last, overlapping
/// chunk of a row zeroes the lanes already counted, in the inputs (for dW) and in the weights (for dx).
/// </summary>
internal static class DenseBackward<TWidth, TVector, TInputGradient>
    where TWidth : struct, ISimdWidth<TVector>
    where TVector : struct
    where TInputGradient : struct, IFlag
{
    /// <summary>Weight rows whose gradients are updated before moving on to the next inputs.</summary>
    private const int WeightRowBlock = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rows(ref float weights, ref float weightGradients, ref float input, ref float delta, ref float inputGradient, int inputs, int outputs, int rows)
    {
        var row = 0;
        for (; row + 4 <= rows; row += 4)
        {
            FourRows(ref weights, ref weightGradients, ref Unsafe.Add(ref input, row * inputs), ref Unsafe.Add(ref delta, row * outputs), ref Offset(ref inputGradient, row * inputs), inputs, outputs);
        }

        for (; row < rows; row++)
        {
            OneRow(ref weights, ref weightGradients, ref Unsafe.Add(ref input, row * inputs), ref Unsafe.Add(ref delta, row * outputs), ref Offset(ref inputGradient, row * inputs), inputs, outputs);
        }
    }

    private static void OneRow(ref float weights, ref float weightGradients, ref float x, ref float delta, ref float dx, int inputs, int outputs)
    {
        var n = (nuint)inputs;
        var count = (nuint)TWidth.Count;
        var skipped = inputs % TWidth.Count == 0 ? 0 : TWidth.Count - (inputs % TWidth.Count);
        for (var first = 0; first < outputs; first += WeightRowBlock)
        {
            var end = (nuint)(first + WeightRowBlock < outputs ? first + WeightRowBlock : outputs);
            nuint i = 0;
            for (; i + count <= n; i += count)
            {
                var xi = TWidth.Load(ref x, i);
                var dxi = TInputGradient.Enabled && first != 0 ? TWidth.Load(ref dx, i) : TWidth.Zero;
                for (var j = (nuint)first; j < end; j++)
                {
                    ref var gradientRow = ref Unsafe.Add(ref weightGradients, j * n);
                    var d = TWidth.Broadcast(Unsafe.Add(ref delta, j));
                    TWidth.Store(TWidth.MultiplyAdd(d, xi, TWidth.Load(ref gradientRow, i)), ref gradientRow, i);
                    if (TInputGradient.Enabled)
                    {
                        dxi = TWidth.MultiplyAdd(TWidth.Load(ref weights, (j * n) + i), d, dxi);
                    }
                }

                if (TInputGradient.Enabled)
                {
                    TWidth.Store(dxi, ref dx, i);
                }
            }

            if (skipped != 0)
            {
                // The last chunk overlaps the one before: its first lanes are zeroed in x (for dW) and in W (for dx).
                i = n - count;
                var xi = TWidth.KeepFrom(TWidth.Load(ref x, i), skipped);
                var dxi = TInputGradient.Enabled ? InputGradientSoFar(ref dx, i, first, skipped) : TWidth.Zero;
                for (var j = (nuint)first; j < end; j++)
                {
                    ref var gradientRow = ref Unsafe.Add(ref weightGradients, j * n);
                    var d = TWidth.Broadcast(Unsafe.Add(ref delta, j));
                    TWidth.Store(TWidth.MultiplyAdd(d, xi, TWidth.Load(ref gradientRow, i)), ref gradientRow, i);
                    if (TInputGradient.Enabled)
                    {
                        dxi = TWidth.MultiplyAdd(TWidth.KeepFrom(TWidth.Load(ref weights, (j * n) + i), skipped), d, dxi);
                    }
                }

                if (TInputGradient.Enabled)
                {
                    TWidth.Store(dxi, ref dx, i);
                }
            }
        }
    }

    private static void FourRows(ref float weights, ref float weightGradients, ref float x, ref float delta, ref float dx, int inputs, int outputs)
    {
        var n = (nuint)inputs;
        var count = (nuint)TWidth.Count;
        var skipped = inputs % TWidth.Count == 0 ? 0 : TWidth.Count - (inputs % TWidth.Count);
        for (var first = 0; first < outputs; first += WeightRowBlock)
        {
            var end = (nuint)(first + WeightRowBlock < outputs ? first + WeightRowBlock : outputs);
            nuint i = 0;
            for (; i + count <= n; i += count)
            {
                var x0 = TWidth.Load(ref x, i);
                var x1 = TWidth.Load(ref x, i + n);
                var x2 = TWidth.Load(ref x, i + (2 * n));
                var x3 = TWidth.Load(ref x, i + (3 * n));
                if (TInputGradient.Enabled && first != 0)
                {
                    Chunk(ref weights, ref weightGradients, ref delta, ref dx, n, (nuint)outputs, i, (nuint)first, end, x0, x1, x2, x3,
                        TWidth.Load(ref dx, i), TWidth.Load(ref dx, i + n), TWidth.Load(ref dx, i + (2 * n)), TWidth.Load(ref dx, i + (3 * n)), 0);
                }
                else
                {
                    Chunk(ref weights, ref weightGradients, ref delta, ref dx, n, (nuint)outputs, i, (nuint)first, end, x0, x1, x2, x3,
                        TWidth.Zero, TWidth.Zero, TWidth.Zero, TWidth.Zero, 0);
                }
            }

            if (skipped != 0)
            {
                // The last chunk overlaps the one before: its first lanes are zeroed in x (for dW) and in W (for dx).
                i = n - count;
                var x0 = TWidth.KeepFrom(TWidth.Load(ref x, i), skipped);
                var x1 = TWidth.KeepFrom(TWidth.Load(ref x, i + n), skipped);
                var x2 = TWidth.KeepFrom(TWidth.Load(ref x, i + (2 * n)), skipped);
                var x3 = TWidth.KeepFrom(TWidth.Load(ref x, i + (3 * n)), skipped);
                var dx0 = TInputGradient.Enabled ? InputGradientSoFar(ref dx, i, first, skipped) : TWidth.Zero;
                var dx1 = TInputGradient.Enabled ? InputGradientSoFar(ref dx, i + n, first, skipped) : TWidth.Zero;
                var dx2 = TInputGradient.Enabled ? InputGradientSoFar(ref dx, i + (2 * n), first, skipped) : TWidth.Zero;
                var dx3 = TInputGradient.Enabled ? InputGradientSoFar(ref dx, i + (3 * n), first, skipped) : TWidth.Zero;
                Chunk(ref weights, ref weightGradients, ref delta, ref dx, n, (nuint)outputs, i, (nuint)first, end, x0, x1, x2, x3, dx0, dx1, dx2, dx3, skipped);
            }
        }
    }

    /// <summary>One chunk of inputs for a block of weight rows and four rows of the batch, dx kept in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Chunk(ref float weights, ref float weightGradients, ref float delta, ref float dx, nuint n, nuint m, nuint i, nuint first, nuint end,
        TVector x0, TVector x1, TVector x2, TVector x3, TVector dx0, TVector dx1, TVector dx2, TVector dx3, int skipped)
    {
        for (var j = first; j < end; j++)
        {
            ref var gradientRow = ref Unsafe.Add(ref weightGradients, j * n);
            var d0 = TWidth.Broadcast(Unsafe.Add(ref delta, j));
            var d1 = TWidth.Broadcast(Unsafe.Add(ref delta, j + m));
            var d2 = TWidth.Broadcast(Unsafe.Add(ref delta, j + (2 * m)));
            var d3 = TWidth.Broadcast(Unsafe.Add(ref delta, j + (3 * m)));
            var gradient = TWidth.Load(ref gradientRow, i);
            gradient = TWidth.MultiplyAdd(d0, x0, gradient);
            gradient = TWidth.MultiplyAdd(d1, x1, gradient);
            gradient = TWidth.MultiplyAdd(d2, x2, gradient);
            gradient = TWidth.MultiplyAdd(d3, x3, gradient);
            TWidth.Store(gradient, ref gradientRow, i);
            if (TInputGradient.Enabled)
            {
                var weight = TWidth.Load(ref weights, (j * n) + i);
                if (skipped != 0)
                {
                    weight = TWidth.KeepFrom(weight, skipped);
                }

                dx0 = TWidth.MultiplyAdd(weight, d0, dx0);
                dx1 = TWidth.MultiplyAdd(weight, d1, dx1);
                dx2 = TWidth.MultiplyAdd(weight, d2, dx2);
                dx3 = TWidth.MultiplyAdd(weight, d3, dx3);
            }
        }

        if (TInputGradient.Enabled)
        {
            TWidth.Store(dx0, ref dx, i);
            TWidth.Store(dx1, ref dx, i + n);
            TWidth.Store(dx2, ref dx, i + (2 * n));
            TWidth.Store(dx3, ref dx, i + (3 * n));
        }
    }

    /// <summary>
    /// dx of one chunk as the weight rows before this block left it: nothing yet for the first block, except in the
    /// overlapping last chunk, whose first lanes the chunk before has already written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector InputGradientSoFar(ref float dx, nuint at, int firstWeightRow, int skipped)
    {
        if (firstWeightRow != 0)
        {
            return TWidth.Load(ref dx, at);
        }

        if (skipped == 0)
        {
            return TWidth.Zero;
        }

        return TWidth.KeepBelow(TWidth.Load(ref dx, at), skipped);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float Offset(ref float buffer, int elements) =>
        ref Unsafe.IsNullRef(ref buffer) ? ref buffer : ref Unsafe.Add(ref buffer, elements);
}
