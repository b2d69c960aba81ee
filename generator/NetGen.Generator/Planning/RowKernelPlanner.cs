using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// Decides the vector paths of a layer's one-row kernel: for a processor whose widest vector has 16 lanes
/// (Vector512) and for one with 8 (Vector256), the accumulator width, packing, tiles, unrolling and the masked last
/// chunk. Two processors that would run the same code share one path, selected by the width it uses.
/// </summary>
internal static class RowKernelPlanner
{
    /// <summary>
    /// Rows at least this long are read four at a time: four weight streams keep the hardware prefetcher ahead
    /// (measured faster on 784- and 512-input layers than 16 streams), and the reduction is small beside the row.
    /// </summary>
    private const int LongRow = 256;

    /// <summary>Multiply-adds one path may write out before it loops instead.</summary>
    private const long UnrollBudget = 64;

    /// <summary>
    /// Weights up to which a layer has no path of its own for 16-lane processors: they run the 8-lane path, written out
    /// whole or in short loops, which on Zen 4 (whose 512-bit multiply-adds have the throughput of two 256-bit ones)
    /// is as fast, and elsewhere costs at most the few dozen extra multiply-adds of a layer this small; written out, such
    /// paths were a sixth of what the compiler spent binding the generated source of an app's 20 small networks.
    /// </summary>
    private const long SmallLayer = 1024;

    /// <summary>
    /// Accumulators one runtime step takes: eight sums by reference, with the weights, input and offsets, stay well
    /// under the JIT's limit on an inlined method's arguments, which every step must be.
    /// </summary>
    private const int MaxRowsPerStep = 8;

    private static readonly int[] MachineWidths = { 16, 8 };

    public static EquatableArray<RowPath> Plan(int inputs, int outputs)
    {
        var paths = new List<RowPath>(2);
        var machines = new List<int>(2);
        foreach (var machine in MachineWidths)
        {
            if (Path(inputs, outputs, machine) is { } path && !paths.Contains(path))
            {
                paths.Add(path);
                machines.Add(machine);
            }
        }

        // A path is selected by its own vector's acceleration, unless that would select it on the narrower machine
        // too, whose own path follows (a 16-lane machine's path of Vector128 before an 8-lane machine's packed
        // Vector256): then by the widest vector of the machine it is for.
        for (var i = 0; i + 1 < paths.Count; i++)
        {
            if (paths[i].Width <= paths[i + 1].Width)
            {
                paths[i] = paths[i] with { Guard = VectorClass(machines[i]) };
            }
        }

        return paths.ToEquatableArray();
    }

    /// <summary>The path for a processor whose widest vector has <paramref name="machine"/> lanes, or null below 4 inputs.</summary>
    private static RowPath? Path(int inputs, int outputs, int machine)
    {
        if (machine == 16 && (long)outputs * inputs <= SmallLayer)
        {
            return null;
        }

        var packed = inputs is 4 or 8 && inputs < machine && outputs >= machine;
        var width = packed ? machine : new[] { 16, 8, 4 }.FirstOrDefault(w => w <= machine && w <= inputs);
        if (width == 0)
        {
            return null;
        }

        var vector = VectorClass(width);
        if (packed)
        {
            var repeats = new List<int>();
            for (var repeated = inputs * 2; repeated <= width; repeated *= 2)
            {
                repeats.Add(repeated);
            }

            return new RowPath(width, vector, true, repeats.ToEquatableArray(), width, 0, Tiles(outputs, width, 0),
                Chunks: 0, ChunkLoop: false, TailChunk: null, TailMask: null, RowsPerStep: 0, Guard: vector);
        }

        var tile = new[] { 16, 8, 4 }.FirstOrDefault(w => w <= width && w <= outputs && (inputs < LongRow || w == 4));
        if (tile == 0)
        {
            tile = outputs;
        }

        var unrolled = (long)outputs * inputs / width <= UnrollBudget;
        var fullTiles = outputs / tile;
        var looped = unrolled || fullTiles <= 1 ? 0 : fullTiles;
        var chunks = inputs / width;
        int? tailChunk = inputs % width == 0 ? null : inputs - width;
        var mask = tailChunk is null ? null : string.Join(", ", Enumerable.Range(0, width).Select(i => i < width - (inputs % width) ? "0f" : "1f"));
        return new RowPath(width, vector, false, EquatableArray<int>.Empty, tile, looped, Tiles(outputs, tile, looped),
            chunks, ChunkLoop: !unrolled && chunks > 2, tailChunk, mask, Math.Min(tile, MaxRowsPerStep), Guard: vector);
    }

    /// <summary>The tiles written out: those after the looped ones, then an overlapping last tile if outputs remain.</summary>
    private static EquatableArray<int> Tiles(int outputs, int tile, int looped)
    {
        var firsts = new List<int>();
        var full = outputs / tile;
        for (var t = looped; t < full; t++)
        {
            firsts.Add(t * tile);
        }

        if (outputs % tile != 0)
        {
            firsts.Add(outputs - tile);
        }

        return firsts.ToEquatableArray();
    }

    /// <summary>The runtime's class of one-row kernel steps on vectors of <paramref name="width"/> lanes.</summary>
    public static string MathClass(int width) => "RowMath" + (width * 32).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string VectorClass(int width) => width switch
    {
        16 => "Vector512",
        8 => "Vector256",
        _ => "Vector128",
    };
}
