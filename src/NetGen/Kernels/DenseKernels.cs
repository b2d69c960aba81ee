using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// A dense layer's kernels for blocks of rows, shared by every generated network: the forward pass that backpropagation
/// runs on blocks of rows (and the fallback of the generated one-row kernels on processors without their vectors),
/// and the backward pass. Sizes are arguments here; each network's small one-row kernels are generated with every
/// size a constant instead. Generator-facing: not meant to be called by users.
/// </summary>
/// <remarks>
/// Each kernel takes the widest vector the processor accelerates that fits in a row of inputs. A row length that is
/// not a multiple of it ends with one chunk that overlaps the one before, with the lanes already counted zeroed.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DenseKernels
{
    /// <summary>
    /// For each of <paramref name="rows"/> consecutive rows of <paramref name="inputs"/> values: z = W·x + b, and
    /// a = f(z) into rows of <paramref name="outputs"/> values.
    /// </summary>
    /// <param name="weights">The weight matrix, [outputs, inputs] row-major.</param>
    /// <param name="bias">The <paramref name="outputs"/> biases.</param>
    /// <param name="input">The first row of inputs.</param>
    /// <param name="output">Where the first row of activations goes.</param>
    /// <param name="inputs">Values per input row.</param>
    /// <param name="outputs">Values per output row.</param>
    /// <param name="rows">How many rows.</param>
    /// <param name="activation">The element-wise activation f.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Forward<TActivation>(ref float weights, ref float bias, ref float input, ref float output, int inputs, int outputs, int rows, TActivation activation)
        where TActivation : struct, IActivationFunction =>
        Dispatch(ref weights, ref bias, ref input, ref Unsafe.NullRef<float>(), ref output, inputs, outputs, rows, activation);

    /// <summary>As <see cref="Forward"/>, and keeps z in <paramref name="preActivation"/> too (for the backward pass).</summary>
    /// <param name="weights">The weight matrix, [outputs, inputs] row-major.</param>
    /// <param name="bias">The <paramref name="outputs"/> biases.</param>
    /// <param name="input">The first row of inputs.</param>
    /// <param name="preActivation">Where the first row of pre-activations z goes.</param>
    /// <param name="output">Where the first row of activations goes.</param>
    /// <param name="inputs">Values per input row.</param>
    /// <param name="outputs">Values per output row.</param>
    /// <param name="rows">How many rows.</param>
    /// <param name="activation">The element-wise activation f.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ForwardKeepingPreActivations<TActivation>(ref float weights, ref float bias, ref float input, ref float preActivation, ref float output, int inputs, int outputs, int rows, TActivation activation)
        where TActivation : struct, IActivationFunction =>
        Dispatch(ref weights, ref bias, ref input, ref preActivation, ref output, inputs, outputs, rows, activation);

    /// <summary>
    /// The backward pass of <paramref name="rows"/> rows: dW = Σᵣ δᵣxᵣᵀ and db = Σᵣ δᵣ, each element handed once to
    /// <paramref name="rule"/> with the value it replaces in <paramref name="target"/> (the gradients, which
    /// <see cref="GradientSum"/> adds to, or the parameters themselves in a fused training step), and each row's input
    /// gradient dxᵣ = Wᵀδᵣ, from the weights as they were on entry, written into <paramref name="inputGradient"/>.
    /// </summary>
    /// <param name="parameters">The first parameter of the network; the layer's weights are at <paramref name="weightOffset"/>, [outputs, inputs] row-major.</param>
    /// <param name="target">The first element of the array the rule updates, laid out as the parameters.</param>
    /// <param name="weightOffset">Where the layer's weights start.</param>
    /// <param name="biasOffset">Where the layer's biases start.</param>
    /// <param name="input">The rows' inputs x.</param>
    /// <param name="delta">The rows' gradients δ with respect to the layer's pre-activations.</param>
    /// <param name="inputGradient">Where the rows' input gradients go (overwritten).</param>
    /// <param name="inputs">Values per input row.</param>
    /// <param name="outputs">Values per δ row.</param>
    /// <param name="rows">How many rows.</param>
    /// <param name="rule">What becomes of each gradient.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Backward<TRule>(ref float parameters, ref float target, int weightOffset, int biasOffset, ref float input, ref float delta, ref float inputGradient,
        int inputs, int outputs, int rows, ref TRule rule)
        where TRule : struct, IUpdateRule =>
        Dispatch<TRule, WithInputGradient>(ref Unsafe.Add(ref parameters, weightOffset), ref target, weightOffset, biasOffset, ref input, ref delta, ref inputGradient, inputs, outputs, rows, ref rule);

    /// <summary>As <see cref="Backward"/> for the first layer, whose input gradient nobody needs: dW and db only.</summary>
    /// <param name="target">The first element of the array the rule updates, laid out as the parameters.</param>
    /// <param name="weightOffset">Where the layer's weights start.</param>
    /// <param name="biasOffset">Where the layer's biases start.</param>
    /// <param name="input">The rows' inputs x.</param>
    /// <param name="delta">The rows' gradients δ with respect to the layer's pre-activations.</param>
    /// <param name="inputs">Values per input row.</param>
    /// <param name="outputs">Values per δ row.</param>
    /// <param name="rows">How many rows.</param>
    /// <param name="rule">What becomes of each gradient.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackwardWeightsOnly<TRule>(ref float target, int weightOffset, int biasOffset, ref float input, ref float delta, int inputs, int outputs, int rows, ref TRule rule)
        where TRule : struct, IUpdateRule =>
        Dispatch<TRule, WithoutInputGradient>(ref Unsafe.NullRef<float>(), ref target, weightOffset, biasOffset, ref input, ref delta, ref Unsafe.NullRef<float>(), inputs, outputs, rows, ref rule);

    /// <summary>
    /// One row's backward pass in a fused training step, where the rule updates the parameters themselves: db = δ and
    /// dW = δxᵀ through <paramref name="rule"/>, and the gradient with respect to the layer below's pre-activations,
    /// (Wᵀδ) ⊙ f′, from the weights as they were on entry and the derivative of <typeparamref name="TBelow"/> at that
    /// layer's activations, which are this layer's input. The same values as <see cref="Backward"/> on one row followed
    /// by the activation's backward pass, without writing dx. <typeparamref name="TBelow"/> is the identity, tanh, the
    /// sigmoid or ReLU, whose derivatives are functions of the activation.
    /// </summary>
    /// <param name="parameters">The first parameter of the network; the layer's weights are at <paramref name="weightOffset"/>, [outputs, inputs] row-major.</param>
    /// <param name="weightOffset">Where the layer's weights start.</param>
    /// <param name="biasOffset">Where the layer's biases start.</param>
    /// <param name="input">The row's input x: the layer below's activations.</param>
    /// <param name="delta">The row's gradient δ with respect to the layer's pre-activations.</param>
    /// <param name="inputDelta">Where the layer below's δ goes (overwritten).</param>
    /// <param name="inputs">Values of the input row.</param>
    /// <param name="outputs">Values of δ.</param>
    /// <param name="rule">The optimizer's update.</param>
    /// <param name="below">The layer below's activation.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="TBelow"/> is an activation whose derivative needs z.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackwardRow<TRule, TBelow>(ref float parameters, int weightOffset, int biasOffset, ref float input, ref float delta, ref float inputDelta,
        int inputs, int outputs, ref TRule rule, TBelow below)
        where TRule : struct, IUpdateRule
        where TBelow : struct, IActivationFunction
    {
        if (typeof(TBelow) == typeof(TanhFunction))
        {
            Row<TRule, TanhDerivative, WithInputGradient>(ref parameters, weightOffset, biasOffset, ref input, ref delta, ref inputDelta, inputs, outputs, ref rule, default);
        }
        else if (typeof(TBelow) == typeof(SigmoidFunction))
        {
            Row<TRule, SigmoidDerivative, WithInputGradient>(ref parameters, weightOffset, biasOffset, ref input, ref delta, ref inputDelta, inputs, outputs, ref rule, default);
        }
        else if (typeof(TBelow) == typeof(ReluFunction))
        {
            Row<TRule, PiecewiseLinearDerivative, WithInputGradient>(ref parameters, weightOffset, biasOffset, ref input, ref delta, ref inputDelta, inputs, outputs, ref rule, new PiecewiseLinearDerivative(0f));
        }
        else if (typeof(TBelow) == typeof(IdentityFunction))
        {
            Row<TRule, IdentityDerivative, WithInputGradient>(ref parameters, weightOffset, biasOffset, ref input, ref delta, ref inputDelta, inputs, outputs, ref rule, default);
        }
        else
        {
            throw new NotSupportedException($"BackwardRow takes the derivative from the activations; {typeof(TBelow).Name}'s needs the pre-activations.");
        }
    }

    /// <summary>As <see cref="BackwardRow"/> for the first layer, whose input gradient nobody needs: db and dW only.</summary>
    /// <param name="parameters">The first parameter of the network.</param>
    /// <param name="weightOffset">Where the layer's weights start.</param>
    /// <param name="biasOffset">Where the layer's biases start.</param>
    /// <param name="input">The row's input x.</param>
    /// <param name="delta">The row's gradient δ with respect to the layer's pre-activations.</param>
    /// <param name="inputs">Values of the input row.</param>
    /// <param name="outputs">Values of δ.</param>
    /// <param name="rule">The optimizer's update.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackwardRowWeightsOnly<TRule>(ref float parameters, int weightOffset, int biasOffset, ref float input, ref float delta, int inputs, int outputs, ref TRule rule)
        where TRule : struct, IUpdateRule =>
        Row<TRule, IdentityDerivative, WithoutInputGradient>(ref parameters, weightOffset, biasOffset, ref input, ref delta, ref Unsafe.NullRef<float>(), inputs, outputs, ref rule, default);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row<TRule, TDerivative, TInputGradient>(ref float parameters, int weightOffset, int biasOffset, ref float input, ref float delta, ref float inputDelta,
        int inputs, int outputs, ref TRule rule, TDerivative derivative)
        where TRule : struct, IUpdateRule
        where TDerivative : struct, IDerivativeOperator
        where TInputGradient : struct, IFlag
    {
        ref var weights = ref Unsafe.Add(ref parameters, weightOffset);
        ref var bias = ref Unsafe.Add(ref parameters, biasOffset);
        if (!TInputGradient.Enabled && inputs == 4 && Vector256.IsHardwareAccelerated)
        {
            FourInputRows.UpdateWeightsOnly(ref weights, weightOffset, ref bias, biasOffset, ref input, ref delta, outputs, ref rule);
        }
        else if (Vector512.IsHardwareAccelerated && inputs >= Width512.Count)
        {
            DenseBackward<Width512, Vector512<float>>.FusedRow<TRule, TDerivative, TInputGradient>(ref weights, weightOffset, ref bias, biasOffset, ref input, ref delta, ref inputDelta, inputs, outputs, ref rule, derivative);
        }
        else if (Vector256.IsHardwareAccelerated && inputs >= Width256.Count)
        {
            DenseBackward<Width256, Vector256<float>>.FusedRow<TRule, TDerivative, TInputGradient>(ref weights, weightOffset, ref bias, biasOffset, ref input, ref delta, ref inputDelta, inputs, outputs, ref rule, derivative);
        }
        else if (Vector128.IsHardwareAccelerated && inputs >= Width128.Count)
        {
            DenseBackward<Width128, Vector128<float>>.FusedRow<TRule, TDerivative, TInputGradient>(ref weights, weightOffset, ref bias, biasOffset, ref input, ref delta, ref inputDelta, inputs, outputs, ref rule, derivative);
        }
        else
        {
            // dx into the layer below's δ, then the derivative over it in place: the chain rule's pass on the same values.
            ScalarBackward<TRule, TInputGradient>(ref weights, ref weights, weightOffset, ref bias, biasOffset, ref input, ref delta, ref inputDelta, inputs, outputs, 1, ref rule);
            if (TInputGradient.Enabled && typeof(TDerivative) != typeof(IdentityDerivative))
            {
                for (nuint i = 0; i < (nuint)inputs; i++)
                {
                    Unsafe.Add(ref inputDelta, i) *= derivative.Invoke(Unsafe.Add(ref input, i));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dispatch<TActivation>(ref float weights, ref float bias, ref float input, ref float preActivation, ref float output, int inputs, int outputs, int rows, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        if (Vector512.IsHardwareAccelerated && inputs >= Width512.Count)
        {
            DenseForward<Width512, Vector512<float>>.Rows(ref weights, ref bias, ref input, ref preActivation, ref output, inputs, outputs, rows, activation);
        }
        else if (Vector256.IsHardwareAccelerated && inputs >= Width256.Count)
        {
            DenseForward<Width256, Vector256<float>>.Rows(ref weights, ref bias, ref input, ref preActivation, ref output, inputs, outputs, rows, activation);
        }
        else if (Vector128.IsHardwareAccelerated && inputs >= Width128.Count)
        {
            DenseForward<Width128, Vector128<float>>.Rows(ref weights, ref bias, ref input, ref preActivation, ref output, inputs, outputs, rows, activation);
        }
        else
        {
            ScalarForward(ref weights, ref bias, ref input, ref preActivation, ref output, inputs, outputs, rows, activation);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dispatch<TRule, TInputGradient>(ref float weights, ref float target, int weightOffset, int biasOffset, ref float input, ref float delta, ref float inputGradient,
        int inputs, int outputs, int rows, ref TRule rule)
        where TRule : struct, IUpdateRule
        where TInputGradient : struct, IFlag
    {
        ref var weightTarget = ref Unsafe.Add(ref target, weightOffset);
        ref var biasTarget = ref Unsafe.Add(ref target, biasOffset);
        if (Vector512.IsHardwareAccelerated && inputs >= Width512.Count)
        {
            DenseBackward<Width512, Vector512<float>>.Rows<TRule, TInputGradient>(ref weights, ref weightTarget, weightOffset, ref biasTarget, biasOffset, ref input, ref delta, ref inputGradient, inputs, outputs, rows, ref rule);
        }
        else if (Vector256.IsHardwareAccelerated && inputs >= Width256.Count)
        {
            DenseBackward<Width256, Vector256<float>>.Rows<TRule, TInputGradient>(ref weights, ref weightTarget, weightOffset, ref biasTarget, biasOffset, ref input, ref delta, ref inputGradient, inputs, outputs, rows, ref rule);
        }
        else if (Vector128.IsHardwareAccelerated && inputs >= Width128.Count)
        {
            DenseBackward<Width128, Vector128<float>>.Rows<TRule, TInputGradient>(ref weights, ref weightTarget, weightOffset, ref biasTarget, biasOffset, ref input, ref delta, ref inputGradient, inputs, outputs, rows, ref rule);
        }
        else
        {
            ScalarBackward<TRule, TInputGradient>(ref weights, ref weightTarget, weightOffset, ref biasTarget, biasOffset, ref input, ref delta, ref inputGradient, inputs, outputs, rows, ref rule);
        }
    }

    /// <summary>Without SIMD: four accumulators per output for instruction-level parallelism.</summary>
    private static void ScalarForward<TActivation>(ref float weights, ref float bias, ref float input, ref float preActivation, ref float output, int inputs, int outputs, int rows, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var n = (nuint)inputs;
        var m = (nuint)outputs;
        var keep = !Unsafe.IsNullRef(ref preActivation);
        for (nuint row = 0; row < (nuint)rows; row++)
        {
            ref var x = ref Unsafe.Add(ref input, row * n);
            for (nuint o = 0; o < m; o++)
            {
                ref var w = ref Unsafe.Add(ref weights, o * n);
                float sum0 = 0f, sum1 = 0f, sum2 = 0f, sum3 = 0f;
                nuint i = 0;
                for (; i + 4 <= n; i += 4)
                {
                    sum0 += Unsafe.Add(ref w, i) * Unsafe.Add(ref x, i);
                    sum1 += Unsafe.Add(ref w, i + 1) * Unsafe.Add(ref x, i + 1);
                    sum2 += Unsafe.Add(ref w, i + 2) * Unsafe.Add(ref x, i + 2);
                    sum3 += Unsafe.Add(ref w, i + 3) * Unsafe.Add(ref x, i + 3);
                }

                for (; i < n; i++)
                {
                    sum0 += Unsafe.Add(ref w, i) * Unsafe.Add(ref x, i);
                }

                var z = (sum0 + sum1) + (sum2 + sum3) + Unsafe.Add(ref bias, o);
                if (keep)
                {
                    Unsafe.Add(ref preActivation, (row * m) + o) = z;
                }

                Unsafe.Add(ref output, (row * m) + o) = activation.Apply(z);
            }
        }
    }

    /// <summary>Without SIMD (or for rows shorter than a vector): dx first, then each gradient summed over the rows and handed to the rule.</summary>
    private static void ScalarBackward<TRule, TInputGradient>(ref float weights, ref float target, int weightOffset, ref float biasTarget, int biasOffset, ref float input, ref float delta, ref float inputGradient,
        int inputs, int outputs, int rows, ref TRule rule)
        where TRule : struct, IUpdateRule
        where TInputGradient : struct, IFlag
    {
        var n = (nuint)inputs;
        var m = (nuint)outputs;
        if (TInputGradient.Enabled)
        {
            for (nuint row = 0; row < (nuint)rows; row++)
            {
                for (nuint i = 0; i < n; i++)
                {
                    var sum = 0f;
                    for (nuint j = 0; j < m; j++)
                    {
                        sum += Unsafe.Add(ref delta, (row * m) + j) * Unsafe.Add(ref weights, (j * n) + i);
                    }

                    Unsafe.Add(ref inputGradient, (row * n) + i) = sum;
                }
            }
        }

        for (nuint j = 0; j < m; j++)
        {
            var bias = 0f;
            for (nuint row = 0; row < (nuint)rows; row++)
            {
                bias += Unsafe.Add(ref delta, (row * m) + j);
            }

            Unsafe.Add(ref biasTarget, j) = rule.Update(Unsafe.Add(ref biasTarget, j), bias, biasOffset + (int)j);
            for (nuint i = 0; i < n; i++)
            {
                var sum = 0f;
                for (nuint row = 0; row < (nuint)rows; row++)
                {
                    sum += Unsafe.Add(ref delta, (row * m) + j) * Unsafe.Add(ref input, (row * n) + i);
                }

                var at = (j * n) + i;
                Unsafe.Add(ref target, at) = rule.Update(Unsafe.Add(ref target, at), sum, weightOffset + (int)at);
            }
        }
    }
}

/// <summary>A compile-time switch for a kernel specialised by a struct type argument (the JIT folds the check).</summary>
internal interface IFlag
{
    static abstract bool Enabled { get; }
}

internal readonly struct WithInputGradient : IFlag
{
    public static bool Enabled => true;
}

internal readonly struct WithoutInputGradient : IFlag
{
    public static bool Enabled => false;
}

internal readonly struct Copying : IFlag
{
    public static bool Enabled => true;
}

internal readonly struct NotCopying : IFlag
{
    public static bool Enabled => false;
}

internal readonly struct ThirdVector : IFlag
{
    public static bool Enabled => true;
}

internal readonly struct NoThirdVector : IFlag
{
    public static bool Enabled => false;
}
