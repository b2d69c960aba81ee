using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits a layer's forward kernel for one row or a block of rows: z = W·x + b, then the element-wise activation
/// a = f(z). Each output is a dot product of a weight row with the input, vectorised along the inputs; a tile of
/// outputs keeps one accumulator per output (and row), and <c>HorizontalSums</c> turns a tile's accumulators into
/// one vector of outputs, to which the bias and the activation are applied before a single store. An input length
/// that is not a multiple of the vector width ends with one overlapping chunk whose already-counted lanes are
/// zeroed; an output count that is not a multiple of the tile ends with an overlapping tile, which recomputes a few
/// outputs to the same values. Small layers are unrolled completely; larger ones loop with constant trip counts.
/// </summary>
internal static class AffineEmitter
{
    /// <summary>
    /// Rows at least this long are read four at a time: four weight streams keep the hardware prefetcher ahead
    /// (measured faster on 784- and 512-input layers than 16 streams), and the reduction is small beside the row.
    /// </summary>
    private const int LongRow = 256;

    /// <summary>Multiply-adds one path may unroll for a one-row kernel before it falls back to loops.</summary>
    private const long UnrollBudget = 64;

    public static string KernelName(LayerSpec layer, int rows) => rows == 1 ? $"Layer{layer.Number}Forward" : $"Layer{layer.Number}ForwardRows";

    public static void Emit(SourceWriter writer, LayerSpec layer, int rows, TargetFeatures features)
    {
        var name = KernelName(layer, rows);
        var what = rows == 1 ? "one row" : $"{rows} rows";
        var activation = ActivationCalls.Inline(layer, "z") is null ? string.Empty : $", a = {layer.Activation}(z)";
        var paths = SimdPath.For(layer.Inputs, rows == 1 ? layer.AffineOutputs : 0);
        DispatchEmitter.Emit(
            writer,
            $"Layer {layer.Number} ({layer.Describe()}), {what}: z = W·x + b{activation}.",
            name,
            "ref float parameters, ref float input, ref float preActivation, ref float activation",
            "ref parameters, ref input, ref preActivation, ref activation",
            paths);

        foreach (var path in paths)
        {
            writer.Line();
            writer.Line($"/// <summary>Layer {layer.Number}, {what}, {Describe(path)}.</summary>");
            using (writer.Block($"private static void {name}{path.Name}(ref float parameters, ref float input, ref float preActivation, ref float activation)"))
            {
                writer.Line($"ref float weights = ref {Code.Element("parameters", Literals.Int(layer.ParameterOffset))};");
                writer.Line($"ref float bias = ref {Code.Element("parameters", Literals.Int(layer.BiasOffset))};");
                if (path.IsScalar)
                {
                    EmitScalar(writer, layer, rows);
                }
                else
                {
                    new VectorKernel(writer, layer, rows, path, features).Emit();
                }
            }
        }
    }

    internal static string Describe(SimdPath path) => path.IsScalar ? "scalar path" : $"{path.Name} path";

    /// <summary>The fallback without SIMD: four accumulators per output for instruction-level parallelism.</summary>
    private static void EmitScalar(SourceWriter writer, LayerSpec layer, int rows)
    {
        var inputs = layer.Inputs;
        var outputs = layer.AffineOutputs;
        using (writer.Block($"for (nuint row = 0; row < {rows}; row++)"))
        {
            writer.Line($"ref float x = ref {Code.Unsafe}.Add(ref input, row * {inputs});");
            using (writer.Block($"for (nuint o = 0; o < {outputs}; o++)"))
            {
                writer.Line($"ref float w = ref {Code.Unsafe}.Add(ref weights, o * {inputs});");
                writer.Line("float sum0 = 0f, sum1 = 0f, sum2 = 0f, sum3 = 0f;");
                writer.Line("nuint i = 0;");
                using (writer.Block($"for (; i + 4 <= {inputs}; i += 4)"))
                {
                    for (var k = 0; k < 4; k++)
                    {
                        var offset = k == 0 ? "i" : $"i + {k}";
                        writer.Line($"sum{k} += {Code.Element("w", offset)} * {Code.Element("x", offset)};");
                    }
                }

                using (writer.Block($"for (; i < {inputs}; i++)"))
                {
                    writer.Line($"sum0 += {Code.Element("w", "i")} * {Code.Element("x", "i")};");
                }

                writer.Line($"var z = (sum0 + sum1) + (sum2 + sum3) + {Code.Element("bias", "o")};");
                writer.Line($"{Code.Element("preActivation", $"row * {outputs} + o")} = z;");
                if (ActivationCalls.Inline(layer, "z") is { } value)
                {
                    writer.Line($"{Code.Element("activation", $"row * {outputs} + o")} = {value};");
                }
            }
        }
    }

    /// <summary>Emits one vector path: tiles of outputs, each a set of accumulators reduced together.</summary>
    private sealed class VectorKernel
    {
        private readonly SourceWriter _writer;
        private readonly LayerSpec _layer;
        private readonly int _rows;
        private readonly bool _fused;
        private readonly bool _unroll;

        /// <summary>The accumulators' width: the widest vector of the path that fits in a row of inputs.</summary>
        private readonly int _width;

        /// <summary>Whether several short weight rows share a vector (rows of 4 or 8 inputs), summed by GroupSums.</summary>
        private readonly bool _packed;

        /// <summary>Outputs per tile; a tile of 4 or more is reduced to one vector, a smaller one output by output.</summary>
        private readonly int _tile;

        public VectorKernel(SourceWriter writer, LayerSpec layer, int rows, SimdPath path, TargetFeatures features)
        {
            _writer = writer;
            _layer = layer;
            _rows = rows;
            _fused = features.FusedMultiplyAdd;
            var outputs = layer.AffineOutputs;
            _packed = rows == 1 && SimdPath.IsPackable(layer.Inputs) && layer.Inputs < path.Width && outputs >= path.Width;
            _width = _packed ? path.Width : path.Widths.First(w => w > 1 && w <= layer.Inputs);
            _tile = rows == 1
                ? new[] { 16, 8, 4 }.FirstOrDefault(w => w <= _width && w <= outputs && (layer.Inputs < LongRow || w == 4))
                : (outputs >= 4 ? 4 : 0);
            if (_tile == 0)
            {
                _tile = outputs;
            }

            // Batch kernels loop over their outputs: unrolling them as well would multiply the source for little gain.
            _unroll = rows == 1 && (long)outputs * layer.Inputs / _width <= UnrollBudget;
        }

        private int Inputs => _layer.Inputs;

        private int Outputs => _layer.AffineOutputs;

        private bool Reduced => _tile >= 4;

        private string Vector => SimdPath.VectorClass(_width);

        public void Emit()
        {
            if (_packed)
            {
                EmitPacked();
                return;
            }

            if (Inputs % _width != 0)
            {
                var covered = _width - (Inputs % _width);
                var lanes = string.Join(", ", Enumerable.Range(0, _width).Select(i => i < covered ? "0f" : "1f"));
                _writer.Line($"// The last chunk starts {covered} inputs early; these lanes were counted by the chunk before.");
                _writer.Line($"var lastChunkMask = {Vector}.Create({lanes});");
            }

            var fullTiles = Outputs / _tile;
            if (_unroll || fullTiles <= 1)
            {
                for (var t = 0; t < fullTiles; t++)
                {
                    EmitTile(null, t * _tile);
                }
            }
            else
            {
                using (_writer.Block($"for (nuint o = 0; o < {fullTiles * _tile}; o += {_tile})"))
                {
                    EmitTile("o", 0);
                }
            }

            if (Outputs % _tile != 0)
            {
                EmitTile(null, Outputs - _tile);
            }
        }

        /// <summary>Rows of 4 or 8 inputs: one vector holds several weight rows, multiplied by the input repeated.</summary>
        private void EmitPacked()
        {
            var narrow = SimdPath.VectorClass(Inputs);
            _writer.Line($"// Weight rows of {Inputs} inputs, {_width / Inputs} to a vector: the input repeated across the vector.");
            _writer.Line($"var x = {narrow}.LoadUnsafe(ref input);");
            var repeated = "x";
            for (var width = Inputs * 2; width <= _width; width *= 2)
            {
                _writer.Line($"var x{width} = {SimdPath.VectorClass(width)}.Create({repeated}, {repeated});");
                repeated = $"x{width}";
            }

            var tiles = Outputs / _width;
            var firsts = Enumerable.Range(0, tiles).Select(t => t * _width).ToList();
            if (Outputs % _width != 0)
            {
                firsts.Add(Outputs - _width);
            }

            foreach (var first in firsts)
            {
                using (_writer.Scope($"outputs {first} .. {first + _width - 1}"))
                {
                    var products = new string[Inputs];
                    for (var v = 0; v < Inputs; v++)
                    {
                        products[v] = $"product{v}";
                        _writer.Line($"var {products[v]} = {Code.Load(_width, "weights", Literals.Int(((long)first * Inputs) + (v * _width)))} * {repeated};");
                    }

                    _writer.Line($"var z = {Code.HorizontalSums}.GroupSums({string.Join(", ", products)}) + {Code.Load(_width, "bias", Literals.Int(first))};");
                    _writer.Line(Code.Store(_width, "z", "preActivation", Literals.Int(first)));
                    if (ActivationCalls.Inline(_layer, "z") is { } activated)
                    {
                        _writer.Line(Code.Store(_width, activated, "activation", Literals.Int(first)));
                    }
                }
            }
        }

        /// <param name="outputVariable">The loop variable of the tile's first output, or null when it is a constant.</param>
        private void EmitTile(string? outputVariable, int firstOutput)
        {
            var label = outputVariable is not null ? $"outputs o .. o + {_tile - 1}"
                : _tile == 1 ? $"output {firstOutput}" : $"outputs {firstOutput} .. {firstOutput + _tile - 1}";
            using (_writer.Scope(label))
            {
                var chunks = Inputs / _width;
                var loop = !_unroll && chunks > 2;
                if (loop)
                {
                    DeclareZero();
                    using (_writer.Block($"for (nuint i = 0; i < {chunks * _width}; i += {_width})"))
                    {
                        EmitChunk(outputVariable, firstOutput, "i", 0, first: false, masked: false);
                    }
                }
                else
                {
                    for (var chunk = 0; chunk < chunks; chunk++)
                    {
                        EmitChunk(outputVariable, firstOutput, null, chunk * _width, first: chunk == 0, masked: false);
                    }
                }

                if (Inputs % _width != 0)
                {
                    EmitChunk(outputVariable, firstOutput, null, Inputs - _width, first: false, masked: true);
                }

                for (var r = 0; r < _rows; r++)
                {
                    if (Reduced)
                    {
                        EmitReducedStore(outputVariable, firstOutput, r);
                    }
                    else
                    {
                        EmitSingleStores(outputVariable, firstOutput, r);
                    }
                }
            }
        }

        private void DeclareZero()
        {
            for (var r = 0; r < _rows; r++)
            {
                for (var k = 0; k < _tile; k++)
                {
                    _writer.Line($"var {Sum(r, k)} = {Vector}.Create(0f);");
                }
            }
        }

        private static string Sum(int row, int output) => $"sum{row}_{output}";

        /// <summary>Multiplies one chunk of inputs into every accumulator of the tile.</summary>
        private void EmitChunk(string? outputVariable, int firstOutput, string? chunkVariable, int chunk, bool first, bool masked)
        {
            var suffix = chunkVariable is null ? $"_{chunk}" : string.Empty;
            var inputs = new string[_rows];
            for (var r = 0; r < _rows; r++)
            {
                inputs[r] = $"x{r}{suffix}";
                var load = Code.Load(_width, "input", Code.Index(null, 0, chunkVariable, ((long)r * Inputs) + chunk));
                _writer.Line($"var {inputs[r]} = {load}{(masked ? " * lastChunkMask" : string.Empty)};");
            }

            for (var k = 0; k < _tile; k++)
            {
                var weight = Code.Load(_width, "weights", Code.Index(outputVariable, Inputs, chunkVariable, ((long)firstOutput + k) * Inputs + chunk));
                if (_rows > 1)
                {
                    _writer.Line($"var w{k}{suffix} = {weight};");
                    weight = $"w{k}{suffix}";
                }

                for (var r = 0; r < _rows; r++)
                {
                    _writer.Line(first
                        ? $"var {Sum(r, k)} = {weight} * {inputs[r]};"
                        : $"{Sum(r, k)} = {Code.MultiplyAdd(_width, weight, inputs[r], Sum(r, k), _fused)};");
                }
            }
        }

        /// <summary>Folds a row's accumulators to the tile's width, sums them into one vector, adds the bias and activates.</summary>
        private void EmitReducedStore(string? outputVariable, int firstOutput, int row)
        {
            var sums = Enumerable.Range(0, _tile).Select(k => Sum(row, k)).ToList();
            for (var width = _width; width > _tile; width /= 2)
            {
                var vector = SimdPath.VectorClass(width);
                for (var k = 0; k < _tile; k++)
                {
                    var folded = $"{Sum(row, k)}x{width / 2}";
                    _writer.Line($"var {folded} = {vector}.GetLower({sums[k]}) + {vector}.GetUpper({sums[k]});");
                    sums[k] = folded;
                }
            }

            var z = $"z{row}";
            _writer.Line($"var {z} = {Code.HorizontalSums}.Sums({string.Join(", ", sums)}) + {Code.Load(_tile, "bias", Code.Index(outputVariable, 1, null, firstOutput))};");
            var target = Code.Index(outputVariable, 1, null, ((long)row * Outputs) + firstOutput);
            _writer.Line(Code.Store(_tile, z, "preActivation", target));
            if (ActivationCalls.Inline(_layer, z) is { } activated)
            {
                _writer.Line(Code.Store(_tile, activated, "activation", target));
            }

        }

        /// <summary>A tile too narrow for a vector of outputs: each output is its own horizontal sum.</summary>
        private void EmitSingleStores(string? outputVariable, int firstOutput, int row)
        {
            for (var k = 0; k < _tile; k++)
            {
                var sum = Sum(row, k);
                for (var width = _width; width > 4; width /= 2)
                {
                    var vector = SimdPath.VectorClass(width);
                    var folded = $"{Sum(row, k)}x{width / 2}";
                    _writer.Line($"var {folded} = {vector}.GetLower({sum}) + {vector}.GetUpper({sum});");
                    sum = folded;
                }

                var z = $"z{row}_{k}";
                _writer.Line($"var {z} = {SimdPath.VectorClass(4)}.Sum({sum}) + {Code.Element("bias", Code.Index(outputVariable, 1, null, firstOutput + k))};");
                var target = Code.Element("preActivation", Code.Index(outputVariable, 1, null, ((long)row * Outputs) + firstOutput + k));
                _writer.Line($"{target} = {z};");
                if (ActivationCalls.Inline(_layer, z) is { } activated)
                {
                    _writer.Line($"{Code.Element("activation", Code.Index(outputVariable, 1, null, ((long)row * Outputs) + firstOutput + k))} = {activated};");
                }
            }
        }
    }
}
