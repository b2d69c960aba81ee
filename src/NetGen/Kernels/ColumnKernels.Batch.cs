using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>ForwardBatch for any network: blocks of panels layer by layer from its architecture, the rest row by row.</summary>
public static partial class ColumnKernels
{
    /// <summary>
    /// Computes <paramref name="rows"/> rows: blocks of panels of rows held transposed, each layer a panel kernel over
    /// the block, then the rows too few for a panel one by one through <typeparamref name="TRows"/>. Where no panel
    /// fits the stack budget or the processor has no SIMD, every row goes one by one. A small one-layer network
    /// (<see cref="ForwardBatchLayout.RowTiles"/>) at Vector256 runs every row through row tiles instead of panels,
    /// when the rows are as many as a panel would need.
    /// </summary>
    /// <typeparam name="TRows">The network's one-row forward pass.</typeparam>
    /// <param name="architecture">The network's layers, which decide its panels, buffers and kernels once.</param>
    /// <param name="parameters">The network's parameters, in the exchange layout of <paramref name="architecture"/>.</param>
    /// <param name="inputs">Whole rows of inputs.</param>
    /// <param name="outputs">Where the rows' outputs go.</param>
    /// <param name="rows">The rows in <paramref name="inputs"/>, checked by the caller.</param>
    /// <param name="rowForward">The one-row pass.</param>
    public static void ForwardBatch<TRows>(NetworkArchitecture architecture, float[] parameters, ReadOnlySpan<float> inputs, Span<float> outputs, int rows, TRows rowForward)
        where TRows : struct, IRowForward
    {
        var layout = architecture.BatchLayout;
        var panelRows = PanelRows(layout.WidestPanel);
        var minimumRows = panelRows == 0 ? int.MaxValue : (panelRows * ForwardBatchLayout.FullEighths) / 8;
        if (layout.RowTiles && panelRows == 2 * Width256.Count && rows >= minimumRows)
        {
            // One small layer: every row straight through row tiles, no transposes (RowTileForward).
            Layer(layout.Layers[0], parameters, ref MemoryMarshal.GetReference(inputs), ref MemoryMarshal.GetReference(outputs), RowTilePanelRows, rows, default);
            return;
        }

        var row = rows >= minimumRows ? ForwardBlocks(layout, parameters, inputs, outputs, rows, panelRows, minimumRows) : 0;
        var inputSize = layout.Inputs;
        var outputSize = layout.Outputs;
        for (; row < rows; row++)
        {
            rowForward.Forward(parameters, inputs.Slice(row * inputSize, inputSize), outputs.Slice(row * outputSize, outputSize));
        }
    }

    /// <summary>Runs blocks of panels while at least <paramref name="minimumRows"/> rows are left; returns the rows done.</summary>
    [SkipLocalsInit]
    private static int ForwardBlocks(ForwardBatchLayout layout, float[] parameters, ReadOnlySpan<float> inputs, Span<float> outputs, int rows, int panelRows, int minimumRows)
    {
        // Every float a block reads from these buffers it has written first: the transpose pads the last panel with 0.
        var panels = PanelsPerBlock(panelRows, layout.FloatsPerRow, ForwardBatchLayout.StackBudget / sizeof(float));
        var columns = AlignPanels(stackalloc float[(layout.ColumnsLength * panelRows * panels) + PanelSlack]);
        var hidden = AlignPanels(stackalloc float[(layout.HiddenLength * panelRows * panels) + PanelSlack]);
        var pieces = layout.PiecesLength > 0 ? AlignPanels(stackalloc float[(layout.PiecesLength * panelRows * panels) + PanelSlack]) : columns;
        var inputSize = layout.Inputs;
        var outputSize = layout.Outputs;
        if (layout.HintsPages)
        {
            // Address translations for everything the blocks touch, all walked at once: after other work the TLB and
            // the page tables' lines are cold, and the tiles' loads would meet N4's 512 weight pages one at a time.
            CachePrefetch.Pages(ref MemoryMarshal.GetArrayDataReference(parameters), parameters.Length);
            CachePrefetch.Pages(ref MemoryMarshal.GetReference(inputs), rows * inputSize);
            CachePrefetch.Pages(ref MemoryMarshal.GetReference(outputs), rows * outputSize);
            CachePrefetch.Pages(ref columns[0], columns.Length);
            CachePrefetch.Pages(ref hidden[0], hidden.Length);
            if (layout.PiecesLength > 0)
            {
                CachePrefetch.Pages(ref pieces[0], pieces.Length);
            }
        }

        var row = 0;
        while (rows - row >= minimumRows)
        {
            var count = BlockRows(rows - row, panelRows, panels, minimumRows);
            var output = outputs.Slice(row * outputSize, count * outputSize);
            // The last layer's last two tiles fetch what comes after it: the next rows and this block's outputs, or,
            // after the last block, its outputs and the first layer's first weights (the next call's first tiles).
            var outputLines = CachePrefetch.Address(ref MemoryMarshal.GetReference(output), 0);
            var after = row + count < rows
                ? new HintsAfter(CachePrefetch.Address(ref MemoryMarshal.GetReference(inputs), (row + count) * inputSize), outputLines)
                : new HintsAfter(outputLines, CachePrefetch.Address(ref parameters[layout.Layers[0].WeightOffset], 0));
            ForwardBlock(layout, parameters, inputs.Slice(row * inputSize, count * inputSize), output, panelRows, columns, hidden, pieces, after);
            row += count;
        }

        return row;
    }

    /// <summary>
    /// One block: transpose in, every layer's panel kernel and row-wise step, transpose out. The last layer's last two
    /// tiles fetch <paramref name="after"/> (the other layers' last tiles fetch the next layer's first weights).
    /// </summary>
    private static void ForwardBlock(ForwardBatchLayout layout, float[] parameters, ReadOnlySpan<float> input, Span<float> output, int panelRows, Span<float> columns, Span<float> hidden, Span<float> pieces, HintsAfter after)
    {
        var panels = ((input.Length / layout.Inputs) + panelRows - 1) / panelRows;
        Transpose(input, ref columns[0], layout.Inputs, panelRows);
        var layers = layout.Layers;
        for (var index = 0; index < layers.Length; index++)
        {
            var layer = layers[index];
            var next = index == layers.Length - 1 ? after : default;
            ref var source = ref layer.FromColumns ? ref columns[0] : ref hidden[0];
            ref var target = ref layer.FromColumns ? ref hidden[0] : ref columns[0];
            if (layer.Maxout)
            {
                Layer(layer, parameters, ref source, ref pieces[0], panelRows, panels, next);
                Maxout(ref pieces[0], ref target, layer.Units, layer.Pieces, panelRows, panels);
            }
            else
            {
                Layer(layer, parameters, ref source, ref target, panelRows, panels, next);
                if (layer.Activation == Activation.Softmax)
                {
                    Softmax(ref target, layer.Units, panelRows, panels);
                }
            }
        }

        TransposeBack(ref layout.ResultInColumns ? ref columns[0] : ref hidden[0], output, layout.Outputs, panelRows);
    }

    /// <summary>
    /// A layer's affine map on the block with the activation its panel kernel applies (none for Maxout and Softmax);
    /// its last two tiles fetch <paramref name="after"/>.
    /// </summary>
    private static void Layer(in ForwardBatchLayer layer, float[] parameters, ref float input, ref float output, int panelRows, int panels, HintsAfter after)
    {
        ref var weights = ref parameters[layer.WeightOffset];
        ref var bias = ref parameters[layer.BiasOffset];
        var (inputs, outputs) = (layer.Inputs, layer.Outputs);
        switch (layer.Maxout ? Activation.Identity : layer.Activation)
        {
            case Activation.Step:
                Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(StepFunction), after);
                break;
            case Activation.Sigmoid:
                Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(SigmoidFunction), after);
                break;
            case Activation.Tanh:
                Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(TanhFunction), after);
                break;
            case Activation.ReLU:
                Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(ReluFunction), after);
                break;
            case Activation.LeakyReLU:
                Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, new LeakyReluFunction(layer.Alpha), after);
                break;
            case Activation.ELU:
                Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, new EluFunction(layer.Alpha), after);
                break;
            case Activation.ReLU6:
                Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(Relu6Function), after);
                break;
            case Activation.Swish:
                Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(SwishFunction), after);
                break;
            case Activation.Mish:
                Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(MishFunction), after);
                break;
            case Activation.Identity or Activation.Softmax:
                // Softmax follows as a step over the rows.
                Forward(ref weights, ref bias, ref input, ref output, inputs, outputs, panelRows, panels, default(IdentityFunction), after);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(layer), layer.Activation, "ForwardBatch has no panel kernel for this activation.");
        }
    }
}
