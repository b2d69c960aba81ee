using System;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The shared layer kernels against a double-precision reference, at sizes no vector width divides and for row counts
/// around the tiles of four and up to a block of 32, on whichever SIMD path this process runs; a layer of 200 → 350 and
/// panels of 600 inputs go past the chunks of inputs, weight rows and columns that the block kernels keep in L1, and
/// layers of 256 and 512 inputs (rows 1 and 2 KiB apart) reach dW's copied column blocks, narrowed for many rows.
/// </summary>
public sealed class DenseKernelsTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        // (17, 512) and (56, 256): rows of δ 2 and 1 KiB apart, regrouped for dW's tiles below Vector512.
        foreach (var (inputs, outputs) in new[] { (1, 1), (3, 5), (4, 16), (7, 17), (8, 3), (16, 2), (17, 33), (33, 4), (40, 9), (56, 8), (100, 9), (200, 350), (256, 6), (512, 5), (17, 512), (56, 256) })
        {
            foreach (var rows in new[] { 1, 3, 4, 5, 9, 32 })
            {
                data.Add(inputs, outputs, rows);
            }
        }

        // Enough rows that dW's copied column block narrows (64), or is read in place (200).
        foreach (var rows in new[] { 64, 200 })
        {
            data.Add(512, 5, rows);
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
        var rule = new SgdRule(learningRate);

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

    /// <summary>
    /// Every row's dx sums W's rows in order, one multiply-add at a time, however the block kernel splits the weights
    /// into strips and tiles of rows (and whichever tile copies a strip): a block's rows get, bit for bit, what each
    /// row gets alone. Inputs are whole vectors at every width, where the one-row kernel has no scalar tail. Below
    /// Vector512, 512, 128, 80 and 32 inputs are one vector past panels of three: two panels of two, and the strips
    /// outside the panels (two or three strips of weight rows, the last shorter).
    /// </summary>
    [Theory]
    [InlineData(48, 350, 32)]
    [InlineData(96, 200, 9)]
    [InlineData(512, 512, 32)]
    [InlineData(256, 171, 7)]
    [InlineData(128, 300, 9)]
    [InlineData(80, 700, 32)]
    [InlineData(32, 600, 5)]
    public void Backward_gives_a_block_of_rows_the_input_gradient_of_each_row_alone(int inputs, int outputs, int rows)
    {
        var random = new Random((inputs * 11) + outputs + rows);
        var weightCount = inputs * outputs;
        var parameters = Fill(random, weightCount + outputs);
        var input = Fill(random, inputs * rows);
        var delta = Fill(random, outputs * rows);
        var gradients = new float[weightCount + outputs];
        var block = new float[inputs * rows];
        var rule = new CountingRule();
        DenseKernels.Backward(ref parameters[0], ref gradients[0], 0, weightCount, ref input[0], ref delta[0], ref block[0], inputs, outputs, rows, ref rule);

        var alone = new float[inputs];
        for (var r = 0; r < rows; r++)
        {
            DenseKernels.Backward(ref parameters[0], ref gradients[0], 0, weightCount, ref input[r * inputs], ref delta[r * outputs], ref alone[0], inputs, outputs, 1, ref rule);
            Assert.Equal(alone, block.AsSpan(r * inputs, inputs).ToArray());
        }
    }

    /// <summary>
    /// A rule may keep state in its own fields: the kernels and an optimizer's whole-array step work on a copy of it in
    /// registers and hand the copy back, so every update the rule counted is still there afterwards, once per parameter.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backward_hands_back_the_rule_with_the_state_its_updates_left(int inputs, int outputs, int rows)
    {
        var random = new Random((inputs * 7) + outputs + rows);
        var weightCount = inputs * outputs;
        var parameters = Fill(random, weightCount + outputs);
        var input = Fill(random, inputs * rows);
        var delta = Fill(random, outputs * rows);
        var inputGradient = new float[inputs * rows];

        var withInputGradient = default(CountingRule);
        DenseKernels.Backward(ref parameters[0], ref parameters[0], 0, weightCount, ref input[0], ref delta[0], ref inputGradient[0], inputs, outputs, rows,
            ref withInputGradient);
        var weightsOnly = default(CountingRule);
        DenseKernels.BackwardWeightsOnly(ref parameters[0], 0, weightCount, ref input[0], ref delta[0], inputs, outputs, rows, ref weightsOnly);

        var stepped = default(CountingRule);
        UpdateRules.Apply(ref stepped, parameters, new float[parameters.Length]);

        Assert.Equal(weightCount + outputs, withInputGradient.Updated);
        Assert.Equal(weightCount + outputs, weightsOnly.Updated);
        Assert.Equal(parameters.Length, stepped.Updated);
    }

    /// <summary>Leaves every value as it is and counts the values it was given, lane by lane, in a field of its own.</summary>
    private struct CountingRule : IUpdateRule
    {
        public int Updated;

        public float Update(float parameter, float gradient, int index)
        {
            Updated++;
            return parameter;
        }

        public Vector128<float> Update(Vector128<float> parameters, Vector128<float> gradients, int index)
        {
            Updated += Vector128<float>.Count;
            return parameters;
        }

        public Vector256<float> Update(Vector256<float> parameters, Vector256<float> gradients, int index)
        {
            Updated += Vector256<float>.Count;
            return parameters;
        }

        public Vector512<float> Update(Vector512<float> parameters, Vector512<float> gradients, int index)
        {
            Updated += Vector512<float>.Count;
            return parameters;
        }
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

    /// <summary>The panel widths of ForwardBatch this processor accelerates: two vectors of rows each (none without SIMD).</summary>
    private static int[] PanelWidths() =>
        (Vector512.IsHardwareAccelerated ? new[] { 32 } : [])
            .Concat(Vector256.IsHardwareAccelerated ? new[] { 16 } : [])
            .Concat(Vector128.IsHardwareAccelerated ? new[] { 8 } : [])
            .ToArray();

    public static TheoryData<int, int> PanelShapes()
    {
        var data = new TheoryData<int, int>();
        foreach (var inputs in new[] { 1, 2, 7, 8, 10, 12, 17, 23, 600 })
        {
            foreach (var outputs in Enumerable.Range(1, 13).Concat([24, 25]))
            {
                data.Add(inputs, outputs);
            }
        }

        return data;
    }

    /// <summary>Transpose in, one layer, transpose out, for full and partly filled panels: every tile size (1 to 6 outputs, 12 with Vector512), several tiles, and inputs around the 8 × 8 transpose block and the tiles' eight-input loop.</summary>
    [Theory]
    [MemberData(nameof(PanelShapes))]
    public void Panels_match_the_reference(int inputs, int outputs)
    {
        foreach (var panelRows in PanelWidths())
        {
            foreach (var rows in new[] { panelRows, panelRows - 1, 9, 3 }.Where(rows => rows <= panelRows))
            {
                var random = new Random((panelRows * 100) + (inputs * 10) + outputs);
                var weights = Fill(random, inputs * outputs);
                var bias = Fill(random, outputs);
                var rowsIn = Fill(random, inputs * rows);
                var panel = Fill(random, inputs * panelRows);
                var result = new float[outputs * panelRows];
                var rowsOut = new float[(outputs * rows) + 1];
                rowsOut[^1] = float.NaN;

                ColumnKernels.Transpose(rowsIn, ref panel[0], inputs, panelRows);
                ColumnKernels.Forward(ref weights[0], ref bias[0], ref panel[0], ref result[0], inputs, outputs, panelRows, 1, default(ReluFunction));
                ColumnKernels.TransposeBack(ref result[0], rowsOut.AsSpan(0, outputs * rows), outputs, panelRows);

                for (var r = 0; r < rows; r++)
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

                Assert.True(float.IsNaN(rowsOut[^1]), "TransposeBack wrote past its rows");
                for (var o = 0; o < outputs; o++)
                {
                    for (var lane = rows; lane < panelRows; lane++)
                    {
                        // Lanes past the rows hold a zero input, so they come out as the activation of the bias.
                        Assert.Equal(Math.Max(bias[o], 0f), result[(o * panelRows) + lane]);
                    }
                }
            }
        }

        if (PanelWidths().Length == 0)
        {
            var one = new float[1];
            Assert.Throws<ArgumentOutOfRangeException>(() => ColumnKernels.Forward(ref one[0], ref one[0], ref one[0], ref one[0], 1, 1, 8, 1, default(IdentityFunction)));
        }
    }

    /// <summary>
    /// A layer longer than one chunk of inputs at every panel width sums each lane in the order of one pass: from the
    /// bias, input by input, each step the processor's multiply-add (fused where the kernels fuse it), bit for bit; a
    /// ReLU applied as the last chunk's tiles store gives the ReLU of those sums. A last chunk of 8k + 1 to 8k + 7
    /// inputs ends the 16-register widths' eight-input loop on one to seven inputs left.
    /// </summary>
    [Theory]
    [InlineData(9000, 7)]
    [InlineData(9001, 6)]
    [InlineData(9002, 5)]
    [InlineData(9003, 4)]
    [InlineData(9004, 3)]
    [InlineData(9005, 2)]
    [InlineData(9006, 1)]
    [InlineData(9007, 6)]
    public void Sums_continue_across_chunks_in_the_order_of_one_pass(int inputs, int outputs)
    {
        // The kernels' build for net8.0, whose framework has no vector FusedMultiplyAdd, multiplies and adds.
#if NET9_0_OR_GREATER
        var fused = Fma.IsSupported || AdvSimd.IsSupported;
#else
        var fused = false;
#endif
        foreach (var panelRows in PanelWidths())
        {
            var random = new Random(panelRows);
            var weights = Fill(random, inputs * outputs);
            var bias = Fill(random, outputs);
            var rowsIn = Fill(random, inputs * panelRows);
            var panel = new float[inputs * panelRows];
            var result = new float[outputs * panelRows];
            var rectified = new float[outputs * panelRows];
            ColumnKernels.Transpose(rowsIn, ref panel[0], inputs, panelRows);
            ColumnKernels.Forward(ref weights[0], ref bias[0], ref panel[0], ref result[0], inputs, outputs, panelRows, 1, default(IdentityFunction));
            ColumnKernels.Forward(ref weights[0], ref bias[0], ref panel[0], ref rectified[0], inputs, outputs, panelRows, 1, default(ReluFunction));

            for (var r = 0; r < panelRows; r++)
            {
                for (var o = 0; o < outputs; o++)
                {
                    var sum = bias[o];
                    for (var i = 0; i < inputs; i++)
                    {
                        var (w, x) = (weights[(o * inputs) + i], rowsIn[(r * inputs) + i]);
                        sum = fused ? MathF.FusedMultiplyAdd(w, x, sum) : (w * x) + sum;
                    }

                    Assert.Equal(sum, result[(o * panelRows) + r]);
                    Assert.Equal(MathF.Max(sum, 0f), rectified[(o * panelRows) + r]);
                }
            }
        }
    }

    /// <summary>
    /// A block of panels through one layer gives each panel bit for bit what it gives alone: outputs over several
    /// groups of tiles, inputs over several chunks, a last panel only partly filled, and layers of one to three outputs,
    /// whose panels the 16-register widths take two at a time (the third alone).
    /// </summary>
    [Theory]
    [InlineData(16, 2)]
    [InlineData(20, 3)]
    [InlineData(8, 1)]
    [InlineData(18, 2)]
    [InlineData(300, 61)]
    [InlineData(17, 100)]
    [InlineData(600, 7)]
    [InlineData(9000, 13)]
    public void A_block_of_panels_gives_each_panel_its_own_bits(int inputs, int outputs)
    {
        foreach (var panelRows in PanelWidths())
        {
            var random = new Random(inputs + outputs + panelRows);
            var weights = Fill(random, inputs * outputs);
            var bias = Fill(random, outputs);
            const int panels = 3;
            var rows = (panels * panelRows) - 5;
            var rowsIn = Fill(random, inputs * rows);
            var block = new float[inputs * panelRows * panels];
            var blockResult = new float[outputs * panelRows * panels];
            ColumnKernels.Transpose(rowsIn, ref block[0], inputs, panelRows);
            ColumnKernels.Forward(ref weights[0], ref bias[0], ref block[0], ref blockResult[0], inputs, outputs, panelRows, panels, default(ReluFunction));
            var blockRows = new float[outputs * rows];
            ColumnKernels.TransposeBack(ref blockResult[0], blockRows, outputs, panelRows);

            for (var first = 0; first < rows; first += panelRows)
            {
                var count = Math.Min(panelRows, rows - first);
                var panel = new float[inputs * panelRows];
                var result = new float[outputs * panelRows];
                ColumnKernels.Transpose(rowsIn.AsSpan(first * inputs, count * inputs), ref panel[0], inputs, panelRows);
                ColumnKernels.Forward(ref weights[0], ref bias[0], ref panel[0], ref result[0], inputs, outputs, panelRows, 1, default(ReluFunction));
                Assert.Equal(result, blockResult.AsSpan(first * outputs, outputs * panelRows).ToArray());
                var alone = new float[outputs * count];
                ColumnKernels.TransposeBack(ref result[0], alone, outputs, panelRows);
                Assert.Equal(alone, blockRows.AsSpan(first * outputs, count * outputs).ToArray());
            }

            Assert.Contains(blockRows, value => value > 0f);
        }
    }

    [Theory]
    [InlineData(100, 16, 32768, 4)]     // small rows: at most four panels
    [InlineData(1024, 16, 32768, 2)]    // N4's two buffers of 512 at Vector256
    [InlineData(1280, 16, 32768, 1)]
    [InlineData(5000, 8, 32768, 1)]     // more than the budget: still one panel
    public void Panels_per_block_fit_the_stack_budget(int floatsPerRow, int panelRows, int stackFloats, int expected) =>
        Assert.Equal(expected, ColumnKernels.PanelsPerBlock(panelRows, floatsPerRow, stackFloats));

    [Theory]
    [InlineData(64, 16, 4, 6, 64)]
    [InlineData(100, 16, 4, 6, 64)]
    [InlineData(37, 16, 4, 6, 32)]      // a last panel of 37 − 32 = 5 rows, fewer than 6: left for one by one
    [InlineData(38, 16, 4, 6, 38)]      // 6 rows: enough for a panel
    [InlineData(10, 16, 4, 6, 10)]
    public void A_block_leaves_a_last_panel_too_small_to_pay(int rowsLeft, int panelRows, int panels, int minimumRows, int expected) =>
        Assert.Equal(expected, ColumnKernels.BlockRows(rowsLeft, panelRows, panels, minimumRows));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(10)]
    public void Panel_softmax_and_maxout_match_the_reference(int units)
    {
        foreach (var panelRows in PanelWidths())
        {
            var random = new Random(units + panelRows);
            var logits = Fill(random, units * panelRows);
            var softmax = (float[])logits.Clone();
            ColumnKernels.Softmax(ref softmax[0], units, panelRows, 1);
            for (var lane = 0; lane < panelRows; lane++)
            {
                var max = Enumerable.Range(0, units).Max(o => (double)logits[(o * panelRows) + lane]);
                var sum = Enumerable.Range(0, units).Sum(o => Math.Exp(logits[(o * panelRows) + lane] - max));
                for (var o = 0; o < units; o++)
                {
                    Assert.Equal(Math.Exp(logits[(o * panelRows) + lane] - max) / sum, softmax[(o * panelRows) + lane], 1e-6);
                }
            }

            const int pieceCount = 3;
            var pieces = Fill(random, pieceCount * units * panelRows);
            var maxout = new float[units * panelRows];
            ColumnKernels.Maxout(ref pieces[0], ref maxout[0], units, pieceCount, panelRows, 1);
            for (var at = 0; at < maxout.Length; at++)
            {
                Assert.Equal(Enumerable.Range(0, pieceCount).Max(piece => pieces[(piece * units * panelRows) + at]), maxout[at]);
            }
        }
    }

    /// <summary>
    /// A NaN in any piece makes that unit's maxout NaN, on the row path and at every panel width: .NET 8's Max (maxps)
    /// returns its second operand where either is NaN, which would drop a NaN of an earlier piece.
    /// </summary>
    [Fact]
    public void A_NaN_piece_makes_the_maxout_NaN()
    {
        const int units = 5;
        const int pieceCount = 3;
        foreach (var nanPiece in new[] { 0, pieceCount - 1 })
        {
            var row = Fill(new Random(nanPiece), pieceCount * units);
            row[(nanPiece * units) + 2] = float.NaN;
            var output = new float[units];
            Activations.Maxout(row, output, units);
            Assert.True(float.IsNaN(output[2]), $"row path, NaN in piece {nanPiece}: {output[2]}");
            Assert.All(output.Where((_, unit) => unit != 2), value => Assert.True(float.IsFinite(value)));

            foreach (var panelRows in PanelWidths())
            {
                var pieces = Fill(new Random(panelRows), pieceCount * units * panelRows);
                pieces[(((nanPiece * units) + 2) * panelRows) + 1] = float.NaN;
                var maxout = new float[units * panelRows];
                ColumnKernels.Maxout(ref pieces[0], ref maxout[0], units, pieceCount, panelRows, 1);
                Assert.True(float.IsNaN(maxout[(2 * panelRows) + 1]), $"{panelRows} panel rows, NaN in piece {nanPiece}");
                Assert.Equal(1, maxout.Count(float.IsNaN));
            }
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
