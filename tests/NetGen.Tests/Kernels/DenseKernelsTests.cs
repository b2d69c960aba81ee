using System;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The shared layer kernels against a double-precision reference, at sizes no vector width divides and for row counts
/// around the block of four, on whichever SIMD path this process runs.
/// </summary>
public sealed class DenseKernelsTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var (inputs, outputs) in new[] { (1, 1), (3, 5), (4, 16), (7, 17), (8, 3), (16, 2), (17, 33), (33, 4), (100, 9) })
        {
            foreach (var rows in new[] { 1, 3, 4, 5, 9 })
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
        var weights = Fill(random, inputs * outputs);
        var input = Fill(random, inputs * rows);
        var delta = Fill(random, outputs * rows);
        var weightGradients = Fill(random, inputs * outputs);
        var biasGradients = Fill(random, outputs);
        var startWeights = (float[])weightGradients.Clone();
        var startBias = (float[])biasGradients.Clone();
        var inputGradient = Fill(random, inputs * rows);   // overwritten, whatever it held
        var firstLayerGradients = (float[])weightGradients.Clone();
        var firstLayerBias = (float[])biasGradients.Clone();

        DenseKernels.Backward(ref weights[0], ref weightGradients[0], ref biasGradients[0], ref input[0], ref delta[0], ref inputGradient[0], inputs, outputs, rows);
        DenseKernels.BackwardWeightsOnly(ref firstLayerGradients[0], ref firstLayerBias[0], ref input[0], ref delta[0], inputs, outputs, rows);

        for (var o = 0; o < outputs; o++)
        {
            var db = (double)startBias[o];
            for (var r = 0; r < rows; r++)
            {
                db += delta[(r * outputs) + o];
            }

            Assert.Equal(db, biasGradients[o], 1e-5);
            Assert.Equal(biasGradients[o], firstLayerBias[o]);
            for (var i = 0; i < inputs; i++)
            {
                var dw = (double)startWeights[(o * inputs) + i];
                for (var r = 0; r < rows; r++)
                {
                    dw += (double)delta[(r * outputs) + o] * input[(r * inputs) + i];
                }

                Assert.Equal(dw, weightGradients[(o * inputs) + i], 1e-5 * (1 + Math.Abs(dw)));
                Assert.Equal(weightGradients[(o * inputs) + i], firstLayerGradients[(o * inputs) + i]);
            }
        }

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
