using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// Activations over blocks of rows, called by generated networks: Softmax and Maxout, which work row by row (the
/// forward kernels apply element-wise activations themselves), and every activation's derivative, run on the widest
/// vectors the processor accelerates.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Activations
{
    /// <summary>Turns each row of <paramref name="width"/> values into probabilities: e^(x − max) / Σ e^(x − max).</summary>
    public static void Softmax(Span<float> values, int width)
    {
        if (width == OneVectorSoftmax.Width && OneVectorSoftmax.IsSupported)
        {
            for (var start = 0; start < values.Length; start += width)
            {
                OneVectorSoftmax.Apply(ref MemoryMarshal.GetReference(values.Slice(start, width)));
            }

            return;
        }

        for (var start = 0; start < values.Length; start += width)
        {
            var row = values.Slice(start, width);
            var max = Max(row);
            Elementwise.Apply(row, new ShiftedExpOperator(max));
            Scale(row, 1f / Sum(row));
        }
    }

    /// <summary>Each row of <paramref name="width"/> logits into probabilities in <paramref name="probabilities"/>; the logits stay.</summary>
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> probabilities, int width)
    {
        logits.CopyTo(probabilities);
        Softmax(probabilities, width);
    }

    /// <summary>Each unit of each row is the maximum over the pieces; <paramref name="affine"/> rows hold [pieces, units].</summary>
    public static void Maxout(ReadOnlySpan<float> affine, Span<float> output, int units)
    {
        var rows = output.Length / units;
        var pieces = affine.Length / output.Length;
        for (var row = 0; row < rows; row++)
        {
            var target = output.Slice(row * units, units);
            var block = affine.Slice(row * pieces * units, pieces * units);
            block.Slice(0, units).CopyTo(target);
            for (var piece = 1; piece < pieces; piece++)
            {
                MaxInto(target, block.Slice(piece * units, units));
            }
        }
    }

    /// <summary>dz = da · Step′ = 0: the step has no gradient.</summary>
    public static void StepBackward(Span<float> dz) => dz.Clear();

    /// <summary>dz = da · σ′, from the activations a.</summary>
    public static void SigmoidBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> da, Span<float> dz) =>
        Elementwise.ChainRule(a, da, dz, default(SigmoidDerivative));

    /// <summary>dz = da · tanh′, from the activations a.</summary>
    public static void TanhBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> da, Span<float> dz) =>
        Elementwise.ChainRule(a, da, dz, default(TanhDerivative));

    /// <summary>dz = da · ReLU′, from the pre-activations z or the activations a (positive exactly where z is).</summary>
    public static void ReluBackward(ReadOnlySpan<float> values, ReadOnlySpan<float> da, Span<float> dz) =>
        Elementwise.ChainRule(values, da, dz, new PiecewiseLinearDerivative(0f));

    /// <summary>dz = da · LeakyReLU′, from the pre-activations z, or from the activations a when α ≥ 0.</summary>
    public static void LeakyReluBackward(ReadOnlySpan<float> values, ReadOnlySpan<float> da, Span<float> dz, float alpha) =>
        Elementwise.ChainRule(values, da, dz, new PiecewiseLinearDerivative(alpha));

    /// <summary>dz = da · ELU′, from the activations a (for α ≥ 0).</summary>
    public static void EluBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> da, Span<float> dz, float alpha) =>
        Elementwise.ChainRule(a, da, dz, new EluDerivative(alpha));

    /// <summary>dz = da · ELU′, from the pre-activations z (for any α).</summary>
    public static void EluBackwardFromPreActivations(ReadOnlySpan<float> z, ReadOnlySpan<float> da, Span<float> dz, float alpha) =>
        Elementwise.ChainRule(z, da, dz, new EluPreActivationDerivative(alpha));

    /// <summary>dz = da · ReLU6′, from the pre-activations z or the activations a alike.</summary>
    public static void Relu6Backward(ReadOnlySpan<float> values, ReadOnlySpan<float> da, Span<float> dz) =>
        Elementwise.ChainRule(values, da, dz, default(Relu6Derivative));

    /// <summary>dz = da · Swish′, from the pre-activations z.</summary>
    public static void SwishBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> da, Span<float> dz) =>
        Elementwise.ChainRule(z, da, dz, default(SwishDerivative));

    /// <summary>dz = da · Mish′, from the pre-activations z.</summary>
    public static void MishBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> da, Span<float> dz) =>
        Elementwise.ChainRule(z, da, dz, default(MishDerivative));

    /// <summary>Softmax's Jacobian applied row by row: dz = a ⊙ (da − Σ da·a).</summary>
    public static void SoftmaxBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> da, Span<float> dz, int width)
    {
        for (var start = 0; start < a.Length; start += width)
        {
            var probabilities = a.Slice(start, width);
            var upstream = da.Slice(start, width);
            var dot = 0f;
            for (var i = 0; i < width; i++)
            {
                dot += upstream[i] * probabilities[i];
            }

            var result = dz.Slice(start, width);
            for (var i = 0; i < width; i++)
            {
                result[i] = probabilities[i] * (upstream[i] - dot);
            }
        }
    }

    /// <summary>Routes each unit's gradient to the piece that won the maximum (the first, on a tie); the other pieces get 0.</summary>
    public static void MaxoutBackward(ReadOnlySpan<float> affine, ReadOnlySpan<float> da, Span<float> dz, int units)
    {
        var rows = da.Length / units;
        var pieces = affine.Length / da.Length;
        dz.Clear();
        for (var row = 0; row < rows; row++)
        {
            var block = affine.Slice(row * pieces * units, pieces * units);
            var gradients = dz.Slice(row * pieces * units, pieces * units);
            for (var unit = 0; unit < units; unit++)
            {
                var winner = 0;
                for (var piece = 1; piece < pieces; piece++)
                {
                    if (block[(piece * units) + unit] > block[(winner * units) + unit])
                    {
                        winner = piece;
                    }
                }

                gradients[(winner * units) + unit] = da[(row * units) + unit];
            }
        }
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var value in values)
        {
            max = value > max ? value : max;
        }

        return max;
    }

    private static float Sum(ReadOnlySpan<float> values)
    {
        var sum = 0f;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    private static void Scale(Span<float> values, float factor)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] *= factor;
        }

        for (var i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }

    private static void MaxInto(Span<float> target, ReadOnlySpan<float> source)
    {
        var targets = MemoryMarshal.Cast<float, Vector<float>>(target);
        var sources = MemoryMarshal.Cast<float, Vector<float>>(source);
        for (var i = 0; i < targets.Length; i++)
        {
#if NET9_0_OR_GREATER
            targets[i] = Vector.Max(targets[i], sources[i]);
#else
            // .NET 8's Max is maxps, which returns the source where either is NaN: a NaN target is kept, as later Max keep it.
            targets[i] = Vector.ConditionalSelect(Vector.Equals(targets[i], targets[i]), Vector.Max(targets[i], sources[i]), targets[i]);
#endif
        }

        for (var i = targets.Length * Vector<float>.Count; i < target.Length; i++)
        {
            target[i] = MathF.Max(target[i], source[i]);
        }
    }
}
