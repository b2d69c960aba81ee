using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes a layer's one-row kernel: each vector path of the plan, guarded by its <c>IsHardwareAccelerated</c>
/// (which the JIT folds, so only one path survives in machine code), then the runtime's kernel as the fallback.
/// </summary>
internal static class RowKernelWriter
{
    public static void Write(SourceWriter writer, NetworkPlan plan, LayerPlan layer)
    {
        writer.Line($"/// <summary>Layer {layer.Number}, {layer.Description}, one row: {layer.KernelFormula}.</summary>");
        if (layer.Paths.Count > 0)
        {
            // Compiled on its own, so that its runtime steps are inlined within its own budget, never a caller's.
            writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        }

        using (writer.Block($"private static void {layer.Kernel}(ref float weights, ref float input, ref float output)"))
        {
            writer.Line($"ref float bias = ref Unsafe.Add(ref weights, {Literals.Int(layer.WeightCount)});");
            foreach (var path in layer.Paths)
            {
                using (writer.Block($"if ({path.Guard}.IsHardwareAccelerated)"))
                {
                    new PathWriter(writer, plan, layer, path).Write();
                    writer.Line();
                    writer.Line("return;");
                }

                writer.Line();
            }

            writer.Line($"DenseKernels.Forward(ref weights, ref bias, ref input, ref output, {layer.Inputs}, {layer.Outputs}, 1, {layer.Activation});");
        }
    }

    /// <summary>One path: its tiles of outputs, each a set of accumulators over the chunks of inputs.</summary>
    private sealed class PathWriter(SourceWriter writer, NetworkPlan plan, LayerPlan layer, RowPath path)
    {
        private string Vector => path.Vector;

        private string RowMath => path.Math;

        public void Write()
        {
            if (path.Packed)
            {
                WritePacked();
                return;
            }

            if (path.TailMask is { } mask)
            {
                writer.Line($"// The last chunk starts {path.Width - (layer.Inputs % path.Width)} inputs early; these lanes were counted by the chunk before.");
                writer.Line($"var lastChunkMask = {Vector}.Create({mask});");
            }

            if (path.LoopedTiles > 0)
            {
                using (writer.Block($"for (nuint o = 0; o < {path.LoopedTiles * path.Tile}; o += {path.Tile})"))
                {
                    WriteTile("o", 0);
                }
            }

            foreach (var first in path.Tiles)
            {
                WriteTile(null, first);
            }
        }

        /// <summary>Rows of 4 or 8 inputs: one vector holds several weight rows, multiplied by the input repeated.</summary>
        private void WritePacked()
        {
            var narrow = RowKernelPlanner.MathClass(layer.Inputs);
            writer.Line($"// Weight rows of {layer.Inputs} inputs, {path.Width / layer.Inputs} to a vector: the input repeated across the vector.");
            writer.Line($"var x = {narrow}.Load(ref input, 0);");
            var repeated = "x";
            foreach (var width in path.Repeats)
            {
                writer.Line($"var x{width} = {RowKernelPlanner.VectorClass(width)}.Create({repeated}, {repeated});");
                repeated = $"x{width}";
            }

            foreach (var first in path.Tiles)
            {
                using (writer.Scope($"outputs {first} .. {first + path.Width - 1}"))
                {
                    var weights = Literals.Int((long)first * layer.Inputs);
                    writer.Line($"var z = {RowMath}.GroupSums{layer.Inputs}(ref weights, {weights}, {repeated}) + {Code.Load(RowMath, "bias", Literals.Int(first))};");
                    writer.Line(Code.Store(RowMath, Activated("z"), "output", Literals.Int(first)));
                }
            }
        }

        /// <param name="outputVariable">The loop variable of the tile's first output, or null when it is a constant.</param>
        private void WriteTile(string? outputVariable, int firstOutput)
        {
            var label = outputVariable is not null ? $"outputs o .. o + {path.Tile - 1}"
                : path.Tile == 1 ? $"output {firstOutput}" : $"outputs {firstOutput} .. {firstOutput + path.Tile - 1}";
            using (writer.Scope(label))
            {
                if (path.ChunkLoop && path.Tile == path.RowsPerStep)
                {
                    // The runtime's loop, compiled optimised at once: tier-0 code of this kernel has no loop to replace on the stack.
                    var output = Code.Index(outputVariable, 1, null, firstOutput);
                    var sums = Sums("out var", Enumerable.Range(0, path.Tile).ToList());
                    writer.Line($"{RowMath}.{AddStep}Chunks{path.Tile}(ref weights, {output}, {layer.Inputs}, ref input, {path.Chunks * path.Width}, {sums});");
                }
                else if (path.ChunkLoop)
                {
                    foreach (var rows in Steps())
                    {
                        writer.Line($"{RowMath}.Zeros{rows.Count}({Sums("out var", rows)});");
                    }

                    using (writer.Block($"for (nuint i = 0; i < {path.Chunks * path.Width}; i += {path.Width})"))
                    {
                        WriteChunk(outputVariable, firstOutput, "i", 0, ChunkStep.Add);
                    }
                }
                else
                {
                    for (var chunk = 0; chunk < path.Chunks; chunk++)
                    {
                        WriteChunk(outputVariable, firstOutput, null, chunk * path.Width, chunk == 0 ? ChunkStep.Start : ChunkStep.Add);
                    }
                }

                if (path.TailChunk is { } tail)
                {
                    WriteChunk(outputVariable, firstOutput, null, tail, ChunkStep.AddMasked);
                }

                if (path.Reduced)
                {
                    var tileMath = RowKernelPlanner.MathClass(path.Tile);
                    var at = Code.Index(outputVariable, 1, null, firstOutput);
                    writer.Line($"var z = {RowMath}.Sums{path.Tile}({Sums(null, Enumerable.Range(0, path.Tile).ToList())}) + {Code.Load(tileMath, "bias", at)};");
                    writer.Line(Code.Store(tileMath, Activated("z"), "output", at));
                }
                else
                {
                    for (var k = 0; k < path.Tile; k++)
                    {
                        var at = Code.Index(outputVariable, 1, null, firstOutput + k);
                        writer.Line($"var z{k} = {RowMath}.Sum(sum{k}) + {Code.Element("bias", at)};");
                        writer.Line($"{Code.Element("output", at)} = {Activated($"z{k}")};");
                    }
                }
            }
        }

        /// <summary>
        /// One chunk of inputs into every accumulator of the tile, one runtime step per group of rows:
        /// <c>RowMath256.FusedMultiplyAdd8(ref weights, firstOutput, inputs, ref input, chunk, ref sum0, …)</c>.
        /// </summary>
        private void WriteChunk(string? outputVariable, int firstOutput, string? chunkVariable, int chunk, ChunkStep step)
        {
            var name = step == ChunkStep.Start ? "Multiply" : AddStep;
            var (suffix, mask) = step == ChunkStep.AddMasked ? ("Masked", " lastChunkMask,") : (string.Empty, string.Empty);
            var at = Code.Index(null, 0, chunkVariable, chunk);
            foreach (var rows in Steps())
            {
                var output = Code.Index(outputVariable, 1, null, firstOutput + rows[0]);
                var sums = Sums(step == ChunkStep.Start ? "out var" : "ref", rows);
                writer.Line($"{RowMath}.{name}{suffix}{rows.Count}(ref weights, {output}, {layer.Inputs}, ref input, {at},{mask} {sums});");
            }
        }

        private string AddStep => plan.FusedMultiplyAdd ? "FusedMultiplyAdd" : "MultiplyAdd";

        /// <summary>The tile's accumulators in groups of the rows one runtime step takes.</summary>
        private IEnumerable<List<int>> Steps()
        {
            for (var first = 0; first < path.Tile; first += path.RowsPerStep)
            {
                yield return Enumerable.Range(first, System.Math.Min(path.RowsPerStep, path.Tile - first)).ToList();
            }
        }

        private static string Sums(string? modifier, List<int> rows) =>
            string.Join(", ", rows.Select(k => modifier is null ? $"sum{k}" : $"{modifier} sum{k}"));

        /// <summary>How a chunk's step treats the sums: starts them, adds to them, or adds the masked last chunk.</summary>
        private enum ChunkStep
        {
            Start,
            Add,
            AddMasked,
        }

        private string Activated(string value) => layer.Inline is { } inline ? Code.Apply(inline, value) : value;
    }
}
