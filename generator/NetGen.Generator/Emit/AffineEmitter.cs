using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits the affine part of a layer, z = W·x + b, for one row or a block of rows. Each weight row is a dot
/// product with the input: register-blocked over several outputs (one row) or several rows (a batch block, so
/// that every loaded weight is used once per row), vectorised along the inputs with narrower vectors for the tail.
/// Small layers are unrolled completely; larger ones loop with constant trip counts.
/// </summary>
internal static class AffineEmitter
{
    /// <summary>Multiply-adds one path may unroll for a one-row kernel before it falls back to loops.</summary>
    private const long UnrollBudget = 64;

    public static string KernelName(LayerSpec layer, int rows) => rows == 1 ? $"Layer{layer.Number}Affine" : $"Layer{layer.Number}AffineRows";

    public static void Emit(SourceWriter writer, LayerSpec layer, int rows, TargetFeatures features)
    {
        var name = KernelName(layer, rows);
        var what = rows == 1 ? "one row" : $"{rows} rows";
        writer.Line($"/// <summary>Layer {layer.Number} ({layer.Describe()}): z = W·x + b for {what}.</summary>");
        writer.Line(Code.AggressiveInlining);
        using (writer.Block($"public static void {name}(ref float parameters, ref float input, ref float output)"))
        {
            foreach (var path in SimdPath.For(layer.Inputs))
            {
                var call = $"{name}{path.Name}(ref parameters, ref input, ref output);";
                if (path.Condition is { } condition)
                {
                    using (writer.Block($"if ({condition})"))
                    {
                        writer.Line(call);
                        writer.Line("return;");
                    }

                    writer.Line();
                }
                else
                {
                    writer.Line(call);
                }
            }
        }

        foreach (var path in SimdPath.For(layer.Inputs))
        {
            writer.Line();
            EmitPath(writer, layer, rows, path, features);
        }
    }

    private static void EmitPath(SourceWriter writer, LayerSpec layer, int rows, SimdPath path, TargetFeatures features)
    {
        var outputs = layer.AffineOutputs;
        var tile = rows == 1 ? 4 : 2;
        // Batch kernels loop over their outputs: unrolling them as well would multiply the source for little gain.
        var unroll = !path.IsScalar && rows == 1 && (long)outputs * layer.Inputs / path.Width <= UnrollBudget;
        writer.Line($"/// <summary>Layer {layer.Number}, {(rows == 1 ? "one row" : rows + " rows")}, {Describe(path)}.</summary>");
        using (writer.Block($"private static void {KernelName(layer, rows)}{path.Name}(ref float parameters, ref float input, ref float output)"))
        {
            writer.Line($"ref float weights = ref {Code.Element("parameters", Literals.Int(layer.ParameterOffset))};");
            writer.Line($"ref float bias = ref {Code.Element("parameters", Literals.Int(layer.BiasOffset))};");
            var tiler = new TileEmitter(writer, layer, rows, path, features, unroll);
            var fullTiles = outputs / tile;
            if (unroll || fullTiles <= 1)
            {
                for (var t = 0; t < fullTiles; t++)
                {
                    tiler.Emit(null, t * tile, tile);
                }
            }
            else
            {
                using (writer.Block($"for (nuint o = 0; o < {fullTiles * tile}; o += {tile})"))
                {
                    tiler.Emit("o", 0, tile);
                }
            }

            if (outputs % tile != 0)
            {
                tiler.Emit(null, fullTiles * tile, outputs % tile);
            }
        }
    }

    internal static string Describe(SimdPath path) => path.IsScalar ? "scalar path" : $"{path.Name} path";

    /// <summary>Emits one tile: <c>rows</c> × <c>count</c> dot products sharing their loads.</summary>
    private sealed class TileEmitter
    {
        private readonly SourceWriter _writer;
        private readonly LayerSpec _layer;
        private readonly int _rows;
        private readonly SimdPath _path;
        private readonly bool _fused;
        private readonly bool _unroll;
        private string[,] _sums = new string[0, 0];
        private int _sumWidth;

        public TileEmitter(SourceWriter writer, LayerSpec layer, int rows, SimdPath path, TargetFeatures features, bool unroll)
        {
            _writer = writer;
            _layer = layer;
            _rows = rows;
            _path = path;
            _fused = features.FusedMultiplyAdd;
            _unroll = unroll;
        }

        private int Inputs => _layer.Inputs;

        /// <param name="outputVariable">The loop variable of the first output, or null when unrolled.</param>
        /// <param name="firstOutput">The first output's constant part.</param>
        /// <param name="count">Outputs in the tile.</param>
        public void Emit(string? outputVariable, int firstOutput, int count)
        {
            var label = outputVariable is not null ? $"outputs o .. o + {count - 1}"
                : count == 1 ? $"output {firstOutput}" : $"outputs {firstOutput} .. {firstOutput + count - 1}";
            using (_writer.Scope(label))
            {
                _sums = new string[_rows, count];
                _sumWidth = 0;
                var mainWidth = _path.Width;
                var mainEnd = Inputs / mainWidth * mainWidth;
                if (mainEnd > 0)
                {
                    Declare(count, mainWidth);
                    if (_unroll || mainEnd <= 2 * mainWidth)
                    {
                        for (var chunk = 0; chunk < mainEnd; chunk += mainWidth)
                        {
                            EmitChunk(outputVariable, firstOutput, count, mainWidth, null, chunk);
                        }
                    }
                    else
                    {
                        using (_writer.Block($"for (nuint i = 0; i < {mainEnd}; i += {mainWidth})"))
                        {
                            EmitChunk(outputVariable, firstOutput, count, mainWidth, "i", 0);
                        }
                    }
                }

                var position = mainEnd;
                foreach (var width in _path.Widths.Skip(1).Where(w => w > 1))
                {
                    if (Inputs - position >= width)
                    {
                        if (_sumWidth == 0)
                        {
                            Declare(count, width);
                        }
                        else
                        {
                            Fold(count, width);
                        }

                        EmitChunk(outputVariable, firstOutput, count, width, null, position);
                        position += width;
                    }
                }

                for (var r = 0; r < _rows; r++)
                {
                    for (var k = 0; k < count; k++)
                    {
                        var terms = new System.Collections.Generic.List<string>();
                        if (_sumWidth > 1)
                        {
                            terms.Add($"{SimdPath.VectorClass(_sumWidth)}.Sum({_sums[r, k]})");
                        }
                        else if (_sumWidth == 1)
                        {
                            terms.Add(_sums[r, k]);
                        }

                        for (var i = position; i < Inputs; i++)
                        {
                            terms.Add($"{Code.Element("weights", Code.Index(outputVariable, Inputs, null, ((long)firstOutput + k) * Inputs + i))} * {Code.Element("input", Code.Index(null, 0, null, (long)r * Inputs + i))}");
                        }

                        terms.Add(Code.Element("bias", Code.Index(outputVariable, 1, null, firstOutput + k)));
                        var target = Code.Element("output", Code.Index(outputVariable, 1, null, ((long)r * _layer.AffineOutputs) + firstOutput + k));
                        _writer.Line($"{target} = {string.Join(" + ", terms)};");
                    }
                }
            }
        }

        private void Declare(int count, int width)
        {
            var zero = SimdPath.Zero(width);
            for (var r = 0; r < _rows; r++)
            {
                for (var k = 0; k < count; k++)
                {
                    _sums[r, k] = $"sum{r}{k}";
                    _writer.Line($"var {_sums[r, k]} = {zero};");
                }
            }

            _sumWidth = width;
        }

        /// <summary>Halves the accumulators down to <paramref name="width"/> lanes, adding the halves.</summary>
        private void Fold(int count, int width)
        {
            while (_sumWidth > width)
            {
                _sumWidth /= 2;
                for (var r = 0; r < _rows; r++)
                {
                    for (var k = 0; k < count; k++)
                    {
                        var folded = $"sum{r}{k}x{_sumWidth}";
                        var vector = SimdPath.VectorClass(_sumWidth * 2);
                        _writer.Line($"var {folded} = {vector}.GetLower({_sums[r, k]}) + {vector}.GetUpper({_sums[r, k]});");
                        _sums[r, k] = folded;
                    }
                }
            }
        }

        /// <summary>Multiplies one chunk of <paramref name="width"/> inputs into every accumulator of the tile.</summary>
        private void EmitChunk(string? outputVariable, int firstOutput, int count, int width, string? chunkVariable, int chunk)
        {
            var suffix = chunkVariable is null ? $"_{chunk}" : string.Empty;
            var inputs = new string[_rows];
            for (var r = 0; r < _rows; r++)
            {
                var load = Code.Load(width, "input", Code.Index(null, 0, chunkVariable, ((long)r * Inputs) + chunk));
                if (_rows == 1 && count == 1)
                {
                    inputs[r] = load;
                    continue;
                }

                inputs[r] = $"x{r}{suffix}";
                _writer.Line($"var {inputs[r]} = {load};");
            }

            for (var k = 0; k < count; k++)
            {
                var weight = Code.Load(width, "weights", Code.Index(outputVariable, Inputs, chunkVariable, ((long)firstOutput + k) * Inputs + chunk));
                if (_rows > 1)
                {
                    _writer.Line($"var w{k}{suffix} = {weight};");
                    weight = $"w{k}{suffix}";
                }

                for (var r = 0; r < _rows; r++)
                {
                    _writer.Line($"{_sums[r, k]} = {Code.MultiplyAdd(width, weight, inputs[r], _sums[r, k], _fused)};");
                }
            }
        }
    }
}
