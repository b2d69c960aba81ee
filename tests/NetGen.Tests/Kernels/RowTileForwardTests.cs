using System;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Row tiles, with a last group of 8 outputs where the outputs are 8 past a multiple of 16, give every row exactly the
/// bits a Vector256 panel of 16 rows gives it: both sum each output from the bias, input by input, with the same
/// multiply-adds, so a one-layer network's ForwardBatch does not depend on which of the two ran. Without Vector256
/// acceleration there are no row tiles and nothing to compare.
/// </summary>
public sealed class RowTileForwardTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var (inputs, outputs) in new[] { (1, 16), (7, 32), (16, 16), (17, 48), (32, 64), (1, 8), (16, 8), (3, 24), (33, 40), (64, 24) })
        {
            foreach (var rows in new[] { 1, 3, 4, 5, 6, 8, 9, 15, 17, 64 })
            {
                data.Add(inputs, outputs, rows);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Row_tiles_match_the_panels_bit_for_bit(int inputs, int outputs, int rows)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return;
        }

        const int PanelRows = 16;
        var random = new Random((inputs * 1000) + outputs + rows);
        var weights = Values(random, outputs * inputs);
        var bias = Values(random, outputs);
        var rowsIn = Values(random, rows * inputs);
        var panels = (rows + PanelRows - 1) / PanelRows;
        var panelIn = new float[inputs * PanelRows * panels];
        var panelOut = new float[outputs * PanelRows * panels];
        ColumnKernels.Transpose(rowsIn, ref panelIn[0], inputs, PanelRows);
        foreach (var activation in new[] { Activation.Identity, Activation.ReLU, Activation.Tanh })
        {
            Forward(activation, ref weights[0], ref bias[0], ref panelIn[0], ref panelOut[0], inputs, outputs, PanelRows, panels);
            var expected = new float[rows * outputs];
            ColumnKernels.TransposeBack(ref panelOut[0], expected, outputs, PanelRows);
            var actual = new float[(rows * outputs) + 1];
            actual[^1] = float.NaN;
            Forward(activation, ref weights[0], ref bias[0], ref rowsIn[0], ref actual[0], inputs, outputs, ColumnKernels.RowTilePanelRows, rows);
            for (var index = 0; index < expected.Length; index++)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(expected[index]) == BitConverter.SingleToInt32Bits(actual[index]),
                    $"{inputs} → {outputs} {activation}, {rows} rows, row {index / outputs}, output {index % outputs}: {actual[index]:R}, the panel gave {expected[index]:R}");
            }

            Assert.True(float.IsNaN(actual[^1]), "A value past the rows was written.");
        }
    }

    private static void Forward(Activation activation, ref float weights, ref float bias, ref float input, ref float output, int inputs, int outputs, int panelRows, int panels)
    {
        switch (activation)
        {
            case Activation.ReLU:
                ColumnKernels.Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(ReluFunction));
                break;
            case Activation.Tanh:
                ColumnKernels.Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(TanhFunction));
                break;
            default:
                ColumnKernels.Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(IdentityFunction));
                break;
        }
    }

    private static float[] Values(Random random, int count)
    {
        var values = new float[count];
        for (var index = 0; index < count; index++)
        {
            values[index] = (float)((random.NextDouble() * 4.0) - 2.0);
        }

        return values;
    }
}
