using System.Threading;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits each layer's backward kernel for one row or a block of rows: for every weight row j,
/// dW[j, :] += Σr δ[r, j]·x[r, :] and db[j] += Σr δ[r, j] (outer products), and dx[r, :] += δ[r, j]·W[j, :]
/// (Wᵀδ) — each loaded weight and gradient used once for all the block's rows, vectorised along the inputs.
/// </summary>
internal static class BackwardKernelsEmitter
{
    public static string KernelName(LayerSpec layer, int rows) => rows == 1 ? $"Layer{layer.Number}Backward" : $"Layer{layer.Number}BackwardRows";

    public static void Emit(SourceWriter writer, NetworkSpec spec, CancellationToken cancellationToken)
    {
        foreach (var layer in spec.Layers)
        {
            foreach (var rows in new[] { 1, ForwardEmitter.RowBlock })
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
        var inputs = layer.Inputs;
        var outputs = layer.AffineOutputs;
        var hasInputGradient = layer.Index > 0;
        writer.Line($"/// <summary>Layer {layer.Number}, {(rows == 1 ? "one row" : rows + " rows")}, {AffineEmitter.Describe(path)}.</summary>");
        using (writer.Block($"private static void {KernelName(layer, rows)}{path.Name}({Parameters(layer)})"))
        {
            writer.Line($"ref float weights = ref {Code.Element("parameters", Literals.Int(layer.ParameterOffset))};");
            writer.Line($"ref float weightGradients = ref {Code.Element("gradients", Literals.Int(layer.ParameterOffset))};");
            writer.Line($"ref float biasGradients = ref {Code.Element("gradients", Literals.Int(layer.BiasOffset))};");
            using (writer.Block($"for (nuint j = 0; j < {outputs}; j++)"))
            {
                var deltas = new string[rows];
                for (var r = 0; r < rows; r++)
                {
                    deltas[r] = $"delta{r}";
                    writer.Line($"var delta{r} = {Code.Element("delta", Code.Index(null, 0, "j", (long)r * outputs))};");
                }

                writer.Line($"{Code.Element("biasGradients", "j")} += {string.Join(" + ", deltas)};");
                writer.Line($"ref float weightRow = ref {Code.Unsafe}.Add(ref weights, j * {inputs});");
                writer.Line($"ref float gradientRow = ref {Code.Unsafe}.Add(ref weightGradients, j * {inputs});");
                var position = 0;
                foreach (var width in path.Widths)
                {
                    var end = width == 1 ? inputs : position + ((inputs - position) / width * width);
                    if (end == position)
                    {
                        continue;
                    }

                    var broadcast = new string[rows];
                    for (var r = 0; r < rows; r++)
                    {
                        broadcast[r] = width == 1 ? deltas[r] : $"delta{r}x{width}";
                        if (width > 1)
                        {
                            writer.Line($"var {broadcast[r]} = {SimdPath.VectorClass(width)}.Create(delta{r});");
                        }
                    }

                    var single = end - position == width;
                    var index = single ? Literals.Int(position) : "i";
                    using (single ? writer.Scope($"inputs {position} .. {end - 1}") : writer.Block($"for (nuint i = {position}; i < {end}; i += {width})"))
                    {
                        writer.Line($"var gradient = {Code.Load(width, "gradientRow", index)};");
                        for (var r = 0; r < rows; r++)
                        {
                            var x = Code.Load(width, "input", Code.Index(null, 0, index == "0" ? null : index, (long)r * inputs));
                            writer.Line($"gradient = {Code.MultiplyAdd(width, broadcast[r], x, "gradient", features.FusedMultiplyAdd)};");
                        }

                        writer.Line(Code.Store(width, "gradient", "gradientRow", index));
                        if (hasInputGradient)
                        {
                            writer.Line($"var weight = {Code.Load(width, "weightRow", index)};");
                            for (var r = 0; r < rows; r++)
                            {
                                var target = Code.Index(null, 0, index == "0" ? null : index, (long)r * inputs);
                                writer.Line($"var inputGradient{r} = {Code.MultiplyAdd(width, "weight", broadcast[r], Code.Load(width, "inputGradient", target), features.FusedMultiplyAdd)};");
                                writer.Line(Code.Store(width, $"inputGradient{r}", "inputGradient", target));
                            }
                        }
                    }

                    position = end;
                }
            }
        }
    }
}
