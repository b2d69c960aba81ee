using System.Linq;
using System.Threading;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits each layer's backward kernel for one row or a block of rows: for every weight row j,
/// dW[j, :] += Σr δ[r, j]·x[r, :] and db[j] += Σr δ[r, j] (outer products), and dx[r, :] += δ[r, j]·W[j, :]
/// (Wᵀδ, into a cleared dx) — each loaded weight and gradient used once for all the block's rows, vectorised along
/// the inputs.
/// </summary>
internal static class BackwardKernelsEmitter
{
    /// <summary>Weight rows whose gradients a vector kernel updates before moving on to the next inputs.</summary>
    private const int WeightRowBlock = 8;

    public static string KernelName(LayerSpec layer, int rows) => rows == 1 ? $"Layer{layer.Number}Backward" : $"Layer{layer.Number}BackwardRows";

    public static void Emit(SourceWriter writer, NetworkSpec spec, CancellationToken cancellationToken)
    {
        foreach (var layer in spec.Layers)
        {
            foreach (var rows in new[] { 1, BackwardEmitter.RowBlock })
            {
                writer.Line();
                EmitDispatch(writer, layer, rows);
                foreach (var path in SimdPath.For(layer.Inputs))
                {
                    writer.Line();
                    EmitPath(writer, layer, rows, path, spec.Features);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static string Parameters(LayerSpec layer) =>
        "ref float parameters, ref float gradients, ref float input, ref float delta" + (layer.Index > 0 ? ", ref float inputGradient" : string.Empty);

    private static string Arguments(LayerSpec layer) =>
        "ref parameters, ref gradients, ref input, ref delta" + (layer.Index > 0 ? ", ref inputGradient" : string.Empty);

    private static void EmitDispatch(SourceWriter writer, LayerSpec layer, int rows)
    {
        var what = rows == 1 ? "one row" : $"{rows} rows";
        var inputGradient = layer.Index > 0 ? ", dx += Wᵀδ" : string.Empty;
        DispatchEmitter.Emit(
            writer,
            $"Layer {layer.Number} ({layer.Describe()}), {what}: dW += δxᵀ, db += δ{inputGradient}.",
            KernelName(layer, rows),
            Parameters(layer),
            Arguments(layer),
            SimdPath.For(layer.Inputs));
    }

    private static void EmitPath(SourceWriter writer, LayerSpec layer, int rows, SimdPath path, TargetFeatures features)
    {
        writer.Line($"/// <summary>Layer {layer.Number}, {(rows == 1 ? "one row" : rows + " rows")}, {AffineEmitter.Describe(path)}.</summary>");
        using (writer.Block($"private static void {KernelName(layer, rows)}{path.Name}({Parameters(layer)})"))
        {
            writer.Line($"ref float weights = ref {Code.Element("parameters", Literals.Int(layer.ParameterOffset))};");
            writer.Line($"ref float weightGradients = ref {Code.Element("gradients", Literals.Int(layer.ParameterOffset))};");
            writer.Line($"ref float biasGradients = ref {Code.Element("gradients", Literals.Int(layer.BiasOffset))};");
            if (path.IsScalar)
            {
                EmitScalar(writer, layer, rows);
            }
            else
            {
                EmitVector(writer, layer, rows, path, features);
            }
        }
    }

    /// <summary>Loops in the plain order: per row and weight row, dW[j, :] += δ·x and dx += δ·W[j, :].</summary>
    private static void EmitScalar(SourceWriter writer, LayerSpec layer, int rows)
    {
        var inputs = layer.Inputs;
        var outputs = layer.AffineOutputs;
        using (writer.Block($"for (nuint row = 0; row < {rows}; row++)"))
        {
            writer.Line($"ref float x = ref {Code.Unsafe}.Add(ref input, row * {inputs});");
            if (layer.Index > 0)
            {
                writer.Line($"ref float dx = ref {Code.Unsafe}.Add(ref inputGradient, row * {inputs});");
            }

            using (writer.Block($"for (nuint j = 0; j < {outputs}; j++)"))
            {
                writer.Line($"var d = {Code.Element("delta", $"row * {outputs} + j")};");
                writer.Line($"{Code.Element("biasGradients", "j")} += d;");
                writer.Line($"ref float weightRow = ref {Code.Unsafe}.Add(ref weights, j * {inputs});");
                writer.Line($"ref float gradientRow = ref {Code.Unsafe}.Add(ref weightGradients, j * {inputs});");
                using (writer.Block($"for (nuint i = 0; i < {inputs}; i++)"))
                {
                    writer.Line($"{Code.Element("gradientRow", "i")} += d * {Code.Element("x", "i")};");
                    if (layer.Index > 0)
                    {
                        writer.Line($"{Code.Element("dx", "i")} += d * {Code.Element("weightRow", "i")};");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Blocks of weight rows outside, chunks of inputs in the middle, the block's rows inside: a chunk of every
    /// row's input and dx stays in registers while the block's weight rows pass, so each weight and gradient is
    /// loaded once and stored once per block of rows, and a block's rows stay in the L1 cache from one chunk to the
    /// next. A row length that is not a multiple of the vector width ends with an overlapping chunk whose lanes
    /// already counted are zeroed, in the inputs (for dW) and in the weights (for dx).
    /// </summary>
    private static void EmitVector(SourceWriter writer, LayerSpec layer, int rows, SimdPath path, TargetFeatures features)
    {
        var inputs = layer.Inputs;
        var outputs = layer.AffineOutputs;
        var width = path.Widths.First(w => w > 1 && w <= inputs);
        var vector = SimdPath.VectorClass(width);
        var deltas = string.Join(" + ", Enumerable.Range(0, rows).Select(r => Code.Element("delta", Code.Index(null, 0, "j", (long)r * outputs))));
        using (writer.Block($"for (nuint j = 0; j < {outputs}; j++)"))
        {
            writer.Line($"{Code.Element("biasGradients", "j")} += {deltas};");
        }

        if (inputs % width != 0)
        {
            var covered = width - (inputs % width);
            var lanes = string.Join(", ", Enumerable.Range(0, width).Select(i => i < covered ? "0f" : "1f"));
            writer.Line($"// The last chunk starts {covered} inputs early; these lanes were counted by the chunk before.");
            writer.Line($"var lastChunkMask = {vector}.Create({lanes});");
        }

        using (writer.Block($"for (nuint first = 0; first < {outputs}; first += {WeightRowBlock})"))
        {
            writer.Line(outputs % WeightRowBlock == 0
                ? $"var end = first + {WeightRowBlock};"
                : $"var end = first + {WeightRowBlock} < {outputs} ? first + {WeightRowBlock} : {outputs};");
            var chunks = inputs / width;
            if (chunks > 1)
            {
                using (writer.Block($"for (nuint i = 0; i < {chunks * width}; i += {width})"))
                {
                    EmitChunk(writer, layer, rows, width, features, "i", masked: false);
                }
            }
            else
            {
                using (writer.Scope($"inputs 0 .. {width - 1}"))
                {
                    EmitChunk(writer, layer, rows, width, features, "0", masked: false);
                }
            }

            if (inputs % width != 0)
            {
                using (writer.Scope($"inputs {inputs - width} .. {inputs - 1}"))
                {
                    EmitChunk(writer, layer, rows, width, features, Literals.Int(inputs - width), masked: true);
                }
            }
        }
    }

    private static void EmitChunk(SourceWriter writer, LayerSpec layer, int rows, int width, TargetFeatures features, string chunk, bool masked)
    {
        var inputs = layer.Inputs;
        var outputs = layer.AffineOutputs;
        var hasInputGradient = layer.Index > 0;
        var mask = masked ? " * lastChunkMask" : string.Empty;
        for (var r = 0; r < rows; r++)
        {
            var at = Code.Index(null, 0, chunk == "0" ? null : chunk, (long)r * inputs);
            writer.Line($"var x{r} = {Code.Load(width, "input", at)}{mask};");
            if (hasInputGradient)
            {
                writer.Line($"var dx{r} = {Code.Load(width, "inputGradient", at)};");
            }
        }

        using (writer.Block("for (nuint j = first; j < end; j++)"))
        {
            var row = $"j * {inputs}" + (chunk == "0" ? string.Empty : $" + {chunk}");
            if (hasInputGradient)
            {
                writer.Line($"var weight = {Code.Load(width, "weights", row)}{mask};");
            }

            writer.Line($"var gradient = {Code.Load(width, "weightGradients", row)};");
            for (var r = 0; r < rows; r++)
            {
                writer.Line($"var delta{r} = {SimdPath.VectorClass(width)}.Create({Code.Element("delta", Code.Index(null, 0, "j", (long)r * outputs))});");
                writer.Line($"gradient = {Code.MultiplyAdd(width, $"delta{r}", $"x{r}", "gradient", features.FusedMultiplyAdd)};");
                if (hasInputGradient)
                {
                    writer.Line($"dx{r} = {Code.MultiplyAdd(width, "weight", $"delta{r}", $"dx{r}", features.FusedMultiplyAdd)};");
                }
            }

            writer.Line(Code.Store(width, "gradient", "weightGradients", row));
        }

        if (hasInputGradient)
        {
            for (var r = 0; r < rows; r++)
            {
                writer.Line(Code.Store(width, $"dx{r}", "inputGradient", Code.Index(null, 0, chunk == "0" ? null : chunk, (long)r * inputs)));
            }
        }
    }
}
