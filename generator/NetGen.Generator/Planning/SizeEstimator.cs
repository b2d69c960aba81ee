using System.Linq;

namespace NetGen.Generator.Planning;

/// <summary>
/// The length of a plan's generated source, estimated from the plan alone (never by writing it), so that the analyzer
/// can report NG0022 cheaply: the lines of each kind counted from the plan's structure, each kind at its typical
/// length. <c>SizeEstimateTests</c> holds the estimate within 10 % of the written length on every target framework.
/// </summary>
internal static class SizeEstimator
{
    // Typical characters per item of each kind (indentation and newline included), fitted to generated files.
    private static readonly double[] Lengths =
    {
        13_757, // the file's fixed part
        1_350, // per layer: initialisation, chain steps, backward steps, kernel scaffolding
        13, // per character of the network's name, which the file repeats
        40, // per containing type
        40, // per training loop over a block's rows
        170, // per derivative call
        204, // per vector path
        60, // per kernel line: loads, sums, stores
        102, // per chunk step of multiply-adds (one call for up to eight rows)
        108, // per chunk step of fused multiply-adds
        10, // per accumulator passed to a step or a sum
        120, // per tile
        900, // the one-row forward in registers: its guard, method and first lines
        110, // per line of it: a layer's comment, a tile, an output, the packed input
        1_100, // per one-row training step: its method, the loss and the call that takes it
        345, // per layer of the one-row training step: its forward kernel and its backward call
    };

    public static long Estimate(NetworkPlan plan)
    {
        var counts = Count(plan);
        var total = 0.0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += counts[i] * Lengths[i];
        }

        return (long)total;
    }

    /// <summary>How many items of each kind the plan's source has, in the order of <see cref="Lengths"/>.</summary>
    internal static long[] Count(NetworkPlan plan)
    {
        var counts = new long[Lengths.Length];
        counts[0] = 1;
        counts[1] = plan.Layers.Count;
        counts[2] = plan.Type.Type.Name.Length;
        counts[3] = plan.Type.ContainingTypes.Count;
        counts[4] = plan.Training.Forward.Count(step => step.Kind == TrainingForwardKind.RepeatRowKernel);
        counts[5] = plan.Training.Backward.Count(step => step.Derivative is not null);
        if (plan.Training.RowBackward.Count > 0)
        {
            // The one-row step repeats the output layer's derivative; the hidden layers' are in its kernels.
            counts[5] += plan.Training.Backward[0].Derivative is null ? 0 : 1;
            counts[14] = 1;
            counts[15] = plan.Training.RowBackward.Count;
        }

        foreach (var (layer, path) in plan.Layers.SelectMany(layer => layer.Paths.Select(path => (layer, path))))
        {
            counts[6]++;
            AddPath(counts, layer, path, plan.FusedMultiplyAdd ? 9 : 8);
        }

        if (plan.RowInRegisters is { } registers)
        {
            counts[12] = 1;
            counts[13] = registers.InputVectors.Count + registers.Layers.Sum(layer =>
                1L + (layer.Packed ? 2 : 0) + (layer.Outputs < 8 ? layer.Outputs + 1 : layer.Joined is not null ? 5 : layer.Outputs / 8));
        }

        return counts;
    }

    private static void AddPath(long[] counts, LayerPlan layer, RowPath path, int step)
    {
        if (path.Packed)
        {
            counts[7] += 1 + path.Repeats.Count + (path.Tiles.Count * 2L);
            counts[11] += path.Tiles.Count;
            return;
        }

        // Each chunk is one call per group of rows, taking every accumulator of the tile once.
        var tiles = path.Tiles.Count + (path.LoopedTiles > 0 ? 1 : 0);
        var groups = (path.Tile + path.RowsPerStep - 1) / path.RowsPerStep;
        var chunkCalls = (path.ChunkLoop ? 1L : path.Chunks) + (path.TailChunk is null ? 0 : 1);
        var zeros = path.ChunkLoop ? groups + 3L : 0;
        var stores = path.Reduced ? 2 : 2L * path.Tile;
        counts[7] += (tiles * (zeros + stores)) + (path.TailMask is null ? 0 : 2) + (path.LoopedTiles > 0 ? 3 : 0);
        counts[step] += tiles * chunkCalls * groups;
        counts[10] += tiles * path.Tile * (chunkCalls + (path.ChunkLoop ? 1 : 0) + (path.Reduced ? 1 : 0));
        counts[11] += tiles;
    }
}
