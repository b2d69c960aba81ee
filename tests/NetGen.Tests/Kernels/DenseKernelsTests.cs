using System;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The shared layer kernels against a double-precision reference, at sizes no vector width divides and for row counts
/// around the tiles of four and up to a block of 32, on whichever SIMD path this process runs.
/// </summary>
public sealed class DenseKernelsTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var (inputs, outputs) in new[] { (1, 1), (3, 5), (4, 16), (7, 17), (8, 3), (16, 2), (17, 33), (33, 4), (100, 9) })
        {
            foreach (var rows in new[] { 1, 3, 4, 5, 9, 32 })
            {
                data.Add(inputs, outputs, rows);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_matches_the_reference_and_keeps_the_pre_activations(int inputs, int outputs, int rows)
    {
        var random = new Random((inputs * 31) + outputs);
        var weights = Fill(random, inputs * outputs);
        var bias = Fill(random, outputs);
        var input = Fill(random, inputs * rows);
        var z = new float[outputs * rows];
        var a = new float[outputs * rows];
        var only = new float[outputs * rows];

        DenseKernels.ForwardKeepingPreActivations(ref weights[0], ref bias[0], ref input[0], ref z[0], ref a[0], inputs, outputs, rows, default(TanhFunction));
        DenseKernels.Forward(ref weights[0], ref bias[0], ref input[0], ref only[0], inputs, outputs, rows, default(TanhFunction));

        for (var r = 0; r < rows; r++)
        {
            for (var o = 0; o < outputs; o++)
            {
                var expected = (double)bias[o];
                for (var i = 0; i < inputs; i++)
                {
                    expected += (double)weights[(o * inputs) + i] * input[(r * inputs) + i];
                }

                var at = (r * outputs) + o;
                Assert.Equal(expected, z[at], 1e-5 * (1 + Math.Abs(expected)));
                Assert.Equal(Math.Tanh(expected), a[at], 1e-5);
                Assert.Equal(a[at], only[at]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backward_adds_dW_and_db_and_writes_dx(int inputs, int outputs, int rows)
    {
        var random = new Random((inputs * 17) + outputs);
        var weightCount = inputs * outputs;
        var parameters = Fill(random, weightCount + outputs);   // weights [outputs, inputs], then the bias
        var input = Fill(random, inputs * rows);
        var delta = Fill(random, outputs * rows);
        var gradients = Fill(random, weightCount + outputs);
        var start = (float[])gradients.Clone();
        var inputGradient = Fill(random, inputs * rows);   // overwritten, whatever it held
        var firstLayerGradients = (float[])gradients.Clone();
        var sum = default(GradientSum);

        DenseKernels.Backward(ref parameters[0], ref gradients[0], 0, weightCount, ref input[0], ref delta[0], ref inputGradient[0], inputs, outputs, rows, ref sum);
        DenseKernels.BackwardWeightsOnly(ref firstLayerGradients[0], 0, weightCount, ref input[0], ref delta[0], inputs, outputs, rows, ref sum);

        for (var o = 0; o < outputs; o++)
        {
            var (dw, db) = Reference(start, input, delta, inputs, outputs, rows, o);
            Assert.Equal(db, gradients[weightCount + o], 1e-5);
            Assert.Equal(gradients[weightCount + o], firstLayerGradients[weightCount + o]);
            for (var i = 0; i < inputs; i++)
            {
                var at = (o * inputs) + i;
                Assert.Equal(dw[i], gradients[at], 1e-5 * (1 + Math.Abs(dw[i])));
                Assert.Equal(gradients[at], firstLayerGradients[at]);
            }
        }

        AssertInputGradient(parameters, delta, inputGradient, inputs, outputs, rows);
    }

    /// <summary>
    /// The fused form: the rule rewrites the parameters themselves with each summed gradient, while dx still comes
    /// from the weights as they were on entry.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backward_through_an_update_rule_updates_the_weights_in_place_and_takes_dx_from_the_old_ones(int inputs, int outputs, int rows)
    {
        const float learningRate = 0.25f;
        var random = new Random((inputs * 13) + outputs + rows);
        var weightCount = inputs * outputs;
        var parameters = Fill(random, weightCount + outputs);
        var before = (float[])parameters.Clone();
        var firstLayer = (float[])parameters.Clone();
        var input = Fill(random, inputs * rows);
        var delta = Fill(random, outputs * rows);
        var inputGradient = new float[inputs * rows];
        var rule = new SgdRule(learningRate, 0f);

        DenseKernels.Backward(ref parameters[0], ref parameters[0], 0, weightCount, ref input[0], ref delta[0], ref inputGradient[0], inputs, outputs, rows, ref rule);
        DenseKernels.BackwardWeightsOnly(ref firstLayer[0], 0, weightCount, ref input[0], ref delta[0], inputs, outputs, rows, ref rule);

        var zeros = new float[weightCount + outputs];
        for (var o = 0; o < outputs; o++)
        {
            var (dw, db) = Reference(zeros, input, delta, inputs, outputs, rows, o);
            var bias = before[weightCount + o] - (learningRate * db);
            Assert.Equal(bias, parameters[weightCount + o], 1e-5 * (1 + Math.Abs(bias)));
            Assert.Equal(parameters[weightCount + o], firstLayer[weightCount + o]);
            for (var i = 0; i < inputs; i++)
            {
                var at = (o * inputs) + i;
                var weight = before[at] - (learningRate * dw[i]);
                Assert.Equal(weight, parameters[at], 1e-5 * (1 + Math.Abs(weight)));
                Assert.Equal(parameters[at], firstLayer[at]);
            }
        }

        AssertInputGradient(before, delta, inputGradient, inputs, outputs, rows);
    }

    /// <summary>Weight row <paramref name="o"/> of start + Σᵣ δᵣxᵣᵀ, and its bias start + Σᵣ δᵣ, in double.</summary>
    private static (double[] Weights, double Bias) Reference(float[] start, float[] input, float[] delta, int inputs, int outputs, int rows, int o)
    {
        var db = (double)start[(inputs * outputs) + o];
        var dw = new double[inputs];
        for (var i = 0; i < inputs; i++)
        {
            dw[i] = start[(o * inputs) + i];
        }

        for (var r = 0; r < rows; r++)
        {
            var d = (double)delta[(r * outputs) + o];
            db += d;
            for (var i = 0; i < inputs; i++)
            {
                dw[i] += d * input[(r * inputs) + i];
            }
        }

        return (dw, db);
    }

    private static void AssertInputGradient(float[] weights, float[] delta, float[] inputGradient, int inputs, int outputs, int rows)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < inputs; i++)
            {
                var dx = 0.0;
                for (var o = 0; o < outputs; o++)
                {
                    dx += (double)weights[(o * inputs) + i] * delta[(r * outputs) + o];
                }

                Assert.Equal(dx, inputGradient[(r * inputs) + i], 1e-5 * (1 + Math.Abs(dx)));
            }
        }
    }

    /// <summary>The transposed blocks of ForwardBatch, at each block width this processor accelerates (none without SIMD).</summary>
    [Theory]
    [InlineData(4, 16)]
    [InlineData(17, 3)]
    [InlineData(33, 9)]
    public void Column_blocks_match_the_reference(int inputs, int outputs)
    {
        var widths = Vector512.IsHardwareAccelerated ? new[] { 16, 8 } : Vector256.IsHardwareAccelerated ? new[] { 8 } : Array.Empty<int>();
        foreach (var lanes in widths)
        {
            var random = new Random(lanes + inputs);
            var weights = Fill(random, inputs * outputs);
            var bias = Fill(random, outputs);
            var rowsIn = Fill(random, inputs * lanes);
            var columns = new float[inputs * lanes];
            var result = new float[outputs * lanes];
            var rowsOut = new float[outputs * lanes];

            ColumnKernels.Transpose(ref rowsIn[0], ref columns[0], inputs, lanes);
            ColumnKernels.Forward(ref weights[0], ref bias[0], ref columns[0], ref result[0], inputs, outputs, lanes, default(ReluFunction));
            ColumnKernels.TransposeBack(ref result[0], rowsOut, outputs, lanes);

            for (var r = 0; r < lanes; r++)
            {
                for (var o = 0; o < outputs; o++)
                {
                    var expected = (double)bias[o];
                    for (var i = 0; i < inputs; i++)
                    {
                        expected += (double)weights[(o * inputs) + i] * rowsIn[(r * inputs) + i];
                    }

                    Assert.Equal(Math.Max(expected, 0), rowsOut[(r * outputs) + o], 1e-5 * (1 + Math.Abs(expected)));
                }
            }
        }

        if (widths.Length == 0)
        {
            var one = new float[1];
            Assert.Throws<ArgumentOutOfRangeException>(() => ColumnKernels.Forward(ref one[0], ref one[0], ref one[0], ref one[0], 1, 1, 8, default(IdentityFunction)));
        }
    }

    private static float[] Fill(Random random, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }
}
