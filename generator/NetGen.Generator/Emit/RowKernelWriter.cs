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
                    var products = Enumerable.Range(0, layer.Inputs).Select(v => $"product{v}").ToList();
                    for (var v = 0; v < layer.Inputs; v++)
                    {
                        var offset = Literals.Int(((long)first * layer.Inputs) + (v * path.Width));
                        writer.Line($"var {products[v]} = {RowMath}.Multiply(ref weights, {offset}, {repeated});");
                    }

                    writer.Line($"var z = HorizontalSums.GroupSums({string.Join(", ", products)}) + {Code.Load(RowMath, "bias", Literals.Int(first))};");
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
                if (path.ChunkLoop)
                {
                    for (var k = 0; k < path.Tile; k++)
                    {
                        writer.Line($"var sum{k} = {RowMath}.Zero;");
                    }

                    using (writer.Block($"for (nuint i = 0; i < {path.Chunks * path.Width}; i += {path.Width})"))
                    {
                        WriteChunk(outputVariable, firstOutput, "i", 0, first: false, masked: false);
                    }
                }
                else
                {
                    for (var chunk = 0; chunk < path.Chunks; chunk++)
                    {
                        WriteChunk(outputVariable, firstOutput, null, chunk * path.Width, first: chunk == 0, masked: false);
                    }
                }

                if (path.TailChunk is { } tail)
                {
                    WriteChunk(outputVariable, firstOutput, null, tail, first: false, masked: true);
                }

                if (path.Reduced)
                {
                    WriteReducedStore(outputVariable, firstOutput);
                }
                else
                {
                    WriteSingleStores(outputVariable, firstOutput);
                }
            }
        }

        /// <summary>Multiplies one chunk of inputs into every accumulator of the tile.</summary>
        private void WriteChunk(string? outputVariable, int firstOutput, string? chunkVariable, int chunk, bool first, bool masked)
        {
            var x = chunkVariable is null ? $"x{chunk}" : "x";
            var load = Code.Load(RowMath, "input", Code.Index(null, 0, chunkVariable, chunk));
            writer.Line($"var {x} = {load}{(masked ? " * lastChunkMask" : string.Empty)};");
            for (var k = 0; k < path.Tile; k++)
            {
                var offset = Code.Index(outputVariable, layer.Inputs, chunkVariable, (((long)firstOutput + k) * layer.Inputs) + chunk);
                writer.Line(first
                    ? $"var sum{k} = {RowMath}.Multiply(ref weights, {offset}, {x});"
                    : $"sum{k} = {RowMath}.{(plan.FusedMultiplyAdd ? "FusedMultiplyAdd" : "MultiplyAdd")}(ref weights, {offset}, {x}, sum{k});");
            }
        }

        /// <summary>Halves the accumulators to the tile's width, sums them into one vector of outputs, adds the bias and activates.</summary>
        private void WriteReducedStore(string? outputVariable, int firstOutput)
        {
            var sums = Enumerable.Range(0, path.Tile).Select(k => $"sum{k}").ToList();
            foreach (var width in path.Folds)
            {
                var halves = RowKernelPlanner.MathClass(width);
                for (var k = 0; k < path.Tile; k++)
                {
                    var folded = $"sum{k}x{width / 2}";
                    writer.Line($"var {folded} = {halves}.AddHalves({sums[k]});");
                    sums[k] = folded;
                }
            }

            var tileMath = RowKernelPlanner.MathClass(path.Tile);
            var at = Code.Index(outputVariable, 1, null, firstOutput);
            writer.Line($"var z = HorizontalSums.Sums({string.Join(", ", sums)}) + {Code.Load(tileMath, "bias", at)};");
            writer.Line(Code.Store(tileMath, Activated("z"), "output", at));
        }

        /// <summary>A tile too narrow for a vector of outputs: each output is its own horizontal sum.</summary>
        private void WriteSingleStores(string? outputVariable, int firstOutput)
        {
            for (var k = 0; k < path.Tile; k++)
            {
                var sum = $"sum{k}";
                foreach (var width in path.Folds)
                {
                    var folded = $"sum{k}x{width / 2}";
                    writer.Line($"var {folded} = {RowKernelPlanner.MathClass(width)}.AddHalves({sum});");
                    sum = folded;
                }

                var at = Code.Index(outputVariable, 1, null, firstOutput + k);
                writer.Line($"var z{k} = Vector128.Sum({sum}) + {Code.Element("bias", at)};");
                writer.Line($"{Code.Element("output", at)} = {Activated($"z{k}")};");
            }
        }

        private string Activated(string value) => layer.Inline is { } inline ? Code.Apply(inline, value) : value;
    }
}
