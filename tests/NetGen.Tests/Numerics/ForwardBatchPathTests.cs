using System;
using System.Linq;
using NetGen.Kernels;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Numerics;

/// <summary>
/// Which rows of a batch ForwardBatch runs in panels and which one by one, bit for bit: a panel's lanes are computed
/// independently of each other and of how many panels a block holds, so a row in a panel gives exactly what it gives
/// in a batch of whole panels, and a row that goes alone gives exactly what <see cref="INetwork.Forward"/> gives. Rows
/// run alone when they are fewer than three eighths of a panel, at the end of a batch or as the whole batch, and
/// everywhere when no panel fits the stack budget or the process has no SIMD. A one-layer network that takes row tiles
/// at Vector256 (which give a row a panel's bits) runs every row of a batch of at least three eighths of a panel through
/// them, and a smaller batch one by one.
/// </summary>
public class ForwardBatchPathTests
{
    /// <summary>A multiple of every panel width: a batch of it runs in panels alone.</summary>
    private const int WholePanels = 96;

    public static TheoryData<string> Shapes()
    {
        var shapes = new TheoryData<string>();
        foreach (var shape in TestShapeCatalog.Shapes.Keys.Concat([nameof(EightRowPanels), nameof(PastStackBudget), nameof(RowTileIdentity), nameof(RowTileTanh), nameof(RowTileWidest), nameof(RowTileEight), nameof(RowTileTwentyFour), nameof(PastRowTileWeights)]))
        {
            shapes.Add(shape);
        }

        return shapes;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RowsGoThroughPanelsOrAloneAsThePlanSays(string shape)
    {
        var (network, panelRows) = shape switch
        {
            nameof(EightRowPanels) => ((INetwork)new EightRowPanels(3), ColumnKernels.PanelRows(8)),
            nameof(PastStackBudget) => (new PastStackBudget(3), 0),
            nameof(RowTileIdentity) => (new RowTileIdentity(3), ColumnKernels.PanelRows(32)),
            nameof(RowTileTanh) => (new RowTileTanh(3), ColumnKernels.PanelRows(32)),
            nameof(RowTileWidest) => (new RowTileWidest(3), ColumnKernels.PanelRows(32)),
            nameof(RowTileEight) => (new RowTileEight(3), ColumnKernels.PanelRows(32)),
            nameof(RowTileTwentyFour) => (new RowTileTwentyFour(3), ColumnKernels.PanelRows(32)),
            nameof(PastRowTileWeights) => (new PastRowTileWeights(3), ColumnKernels.PanelRows(32)),
            _ => (TestShapeCatalog.Create(shape).Network, ColumnKernels.PanelRows(32)),
        };
        var (inputSize, outputSize) = (network.InputSize, network.OutputSize);
        var inputs = ForwardTests.RandomVector(new Random(17), WholePanels * inputSize, 3.0);
        var inPanels = new float[WholePanels * outputSize];
        network.ForwardBatch(inputs, inPanels);
        var alone = new float[WholePanels * outputSize];
        for (var row = 0; row < WholePanels; row++)
        {
            network.Forward(inputs.AsSpan(row * inputSize, inputSize), alone.AsSpan(row * outputSize, outputSize));
        }

        var minimumRows = panelRows == 0 ? int.MaxValue : (panelRows * 3) / 8;
        // Row tiles (panels of 16 rows, one small layer) take every row of a batch a panel would take, with no padding.
        var rowTiles = network.Architecture.BatchLayout.RowTiles && panelRows == 16;
        foreach (var rows in Enumerable.Range(1, 70).Append(WholePanels))
        {
            var outputs = new float[rows * outputSize];
            network.ForwardBatch(inputs.AsSpan(0, rows * inputSize), outputs);
            var partial = panelRows == 0 ? rows : rows % panelRows;
            var panelled = rowTiles ? (rows >= minimumRows ? rows : 0) : partial >= minimumRows ? rows : rows - partial;
            for (var row = 0; row < rows; row++)
            {
                var expected = row < panelled ? inPanels : alone;
                for (var output = 0; output < outputSize; output++)
                {
                    var index = (row * outputSize) + output;
                    Assert.True(
                        BitConverter.SingleToInt32Bits(expected[index]) == BitConverter.SingleToInt32Bits(outputs[index]),
                        $"{shape}, batch {rows}, row {row} ({(row < panelled ? "in a panel" : "alone")}), output {output}: {outputs[index]:R}, expected {expected[index]:R}");
                }
            }
        }
    }
}
