using System;

namespace NetGen.Kernels;

/// <summary>
/// How <see cref="ColumnKernels.ForwardBatch{TRows}"/> runs one network, decided once per architecture from its sizes:
/// the widest panel whose buffers fit the stack budget, the two buffers the layers alternate between (the input
/// panels and every second layer's outputs share the first), Maxout's buffer, and each layer's weights and step.
/// Buffer lengths are floats per row of a panel.
/// </summary>
internal sealed class ForwardBatchLayout
{
    /// <summary>
    /// Bytes the panel buffers may take: a panel width past it is left out, a network with none runs row by row, and
    /// a block takes as many panels (up to four) as it holds.
    /// </summary>
    public const int StackBudget = 128 * 1024;

    /// <summary>
    /// A panel runs when at least three eighths of its rows are real: a padded panel costs about as much as a full one,
    /// and a full one about as much as five or six one-row Forward calls.
    /// </summary>
    public const int FullEighths = 3;

    /// <summary>
    /// Pages of parameters from which ForwardBatch fetches every page's translation before it starts
    /// (<see cref="CachePrefetch.Pages"/>): past L1's TLB (72 entries on Zen 4) a cold call's page walks cost N3 and N4
    /// tens of microseconds; below it the hints would be a smaller network's only overhead.
    /// </summary>
    public const int HintedPages = 64;

    /// <summary>Outputs a row tile holds (<see cref="RowTileForward"/>): two Vector256; a network's outputs must be a multiple of one.</summary>
    public const int RowTileOutputs = 16;

    /// <summary>
    /// The most weights (inputs × outputs) of a one-layer network whose rows go through row tiles at Vector256 rather
    /// than panels. Its batch of 64 then transposes no rows, only the weights once, and on Zen 3 took 0.45–0.87 of the
    /// panels' time from 8×16 to 32×64 (2,048 weights); at 64×64 (4,096) a prototype took 1.13: the transposed copy
    /// (16 KiB), the rows and the outputs no longer fit L1 together, and the panels' reuse of each weight over a panel wins.
    /// </summary>
    public const int RowTileWeights = 2048;

    /// <summary>The panel widths, widest first: two vectors of rows of Vector512, Vector256 and Vector128.</summary>
    private static ReadOnlySpan<int> PanelWidths => [32, 16, 8];

    private ForwardBatchLayout(NetworkArchitecture architecture)
    {
        var layers = architecture.Layers;
        Inputs = architecture.Inputs;
        Outputs = architecture.Outputs;
        Layers = new ForwardBatchLayer[layers.Count];
        ColumnsLength = Inputs;
        var offset = 0;
        for (var index = 0; index < layers.Count; index++)
        {
            // Layer i reads the first buffer when i is even and writes the second, and the other way round when i is odd.
            var layer = layers[index];
            var fromColumns = index % 2 == 0;
            if (fromColumns)
            {
                HiddenLength = Math.Max(HiddenLength, layer.Units);
            }
            else
            {
                ColumnsLength = Math.Max(ColumnsLength, layer.Units);
            }

            var maxout = layer.Kind == LayerKind.Maxout;
            if (maxout)
            {
                PiecesLength = Math.Max(PiecesLength, layer.AffineOutputs);
            }

            var weights = layer.AffineOutputs * layer.Inputs;
            Layers[index] = new ForwardBatchLayer(layer.Inputs, layer.AffineOutputs, layer.Units, layer.Pieces, offset, offset + weights, layer.Activation, layer.Alpha, fromColumns, maxout);
            offset += weights + layer.AffineOutputs;
        }

        ResultInColumns = layers.Count % 2 == 0;
        RowTiles = layers.Count == 1 && layers[0] is { Kind: LayerKind.Dense, Activation: not Activation.Softmax }
            && Outputs % (RowTileOutputs / 2) == 0 && (long)Inputs * Outputs <= RowTileWeights;
        HintsPages = (long)offset * sizeof(float) >= (long)HintedPages * CachePrefetch.PageBytes;
        var perRow = (long)FloatsPerRow;
        foreach (var rows in PanelWidths)
        {
            if (sizeof(float) * perRow * rows <= StackBudget)
            {
                WidestPanel = rows;
                break;
            }
        }
    }

    /// <summary>Values per input row.</summary>
    public int Inputs { get; }

    /// <summary>Values per output row.</summary>
    public int Outputs { get; }

    /// <summary>Floats per panel row of the buffer the input panels go into (the 2nd, 4th… layers write it too).</summary>
    public int ColumnsLength { get; }

    /// <summary>Floats per panel row of the buffer the 1st, 3rd… layers write.</summary>
    public int HiddenLength { get; }

    /// <summary>Floats per panel row of Maxout's affine maps (0 without Maxout).</summary>
    public int PiecesLength { get; }

    /// <summary>Floats of every buffer of a block per panel row.</summary>
    public int FloatsPerRow => ColumnsLength + HiddenLength + PiecesLength;

    /// <summary>The most rows a panel may have within the stack budget (32, 16 or 8), or 0 when none fits: then every row runs alone.</summary>
    public int WidestPanel { get; }

    /// <summary>
    /// Whether the network is one Dense layer (no Softmax) of a multiple of 8 outputs (half <see cref="RowTileOutputs"/>)
    /// and at most <see cref="RowTileWeights"/> weights, whose rows go through <see cref="RowTileForward"/> where panels
    /// would have 16 rows (Vector256); Vector512's panels of 32 are left as they are, unmeasured against row tiles.
    /// </summary>
    public bool RowTiles { get; }

    /// <summary>Every layer in order.</summary>
    public ForwardBatchLayer[] Layers { get; }

    /// <summary>Whether the parameters span <see cref="HintedPages"/> pages or more, so that a call first fetches the translations of every page it touches.</summary>
    public bool HintsPages { get; }

    /// <summary>Whether the last layer's panels are in the first buffer rather than the second.</summary>
    public bool ResultInColumns { get; }

    /// <summary>The layout of <paramref name="architecture"/>'s ForwardBatch.</summary>
    public static ForwardBatchLayout For(NetworkArchitecture architecture) => new(architecture);
}

/// <summary>One layer on a block of panels, from one of the two buffers into the other (<see cref="FromColumns"/>: from the first).</summary>
/// <param name="Inputs">Input features.</param>
/// <param name="Outputs">Rows of the weight matrix (units × pieces).</param>
/// <param name="Units">Values the layer outputs.</param>
/// <param name="Pieces">Affine maps per unit (1 for Dense).</param>
/// <param name="WeightOffset">Where the weight matrix starts in the parameters.</param>
/// <param name="BiasOffset">Where the biases start.</param>
/// <param name="Activation">The layer's activation: Softmax follows the panel kernel as a row-wise step, the others apply in it.</param>
/// <param name="Alpha">LeakyReLU's slope or ELU's α.</param>
/// <param name="FromColumns">Whether the layer reads the first buffer.</param>
/// <param name="Maxout">Whether the affine maps go to Maxout's buffer and their maximum to the other buffer.</param>
internal readonly record struct ForwardBatchLayer(
    int Inputs,
    int Outputs,
    int Units,
    int Pieces,
    int WeightOffset,
    int BiasOffset,
    Activation Activation,
    float Alpha,
    bool FromColumns,
    bool Maxout);
