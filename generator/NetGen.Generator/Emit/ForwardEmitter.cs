using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>Emits <c>Forward</c> and <c>ForwardBatch</c>, which chain the layer kernels through stack buffers.</summary>
internal static class ForwardEmitter
{

    /// <summary>The public <c>Forward</c> and <c>ForwardBatch</c>: argument checks, then the kernels class.</summary>
    public static void EmitPublic(SourceWriter writer, NetworkSpec spec, string kernels)
    {
        writer.Line($"/// <summary>Computes the {(spec.Outputs == 1 ? "output" : spec.Outputs + " outputs")} of one sample. Does not change the network, so threads may share it.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length is not InputSize or OutputSize.</exception>");
        using (writer.Block($"public void Forward({Code.ReadOnlySpan} input, {Code.Span} output)"))
        {
            writer.Line($"if (input.Length != InputSize) {Code.Guard}.ThrowWrongLength(nameof(input), InputSize, input.Length, \"inputs\");");
            writer.Line($"if (output.Length != OutputSize) {Code.Guard}.ThrowWrongLength(nameof(output), OutputSize, output.Length, \"outputs\");");
            writer.Line($"{kernels}.Forward(_parameters, input, output);");
        }

        writer.Line();
        writer.Line("/// <summary>Computes consecutive rows of InputSize inputs into rows of OutputSize outputs. Does not change the network.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">The spans do not hold the same whole number of rows.</exception>");
        using (writer.Block($"public void ForwardBatch({Code.ReadOnlySpan} inputs, {Code.Span} outputs)"))
        {
            writer.Line("var rows = inputs.Length / InputSize;");
            writer.Line($"if (inputs.Length % InputSize != 0) {Code.Guard}.ThrowNotWholeRows(nameof(inputs), inputs.Length, InputSize, \"inputs\");");
            writer.Line($"if (outputs.Length != rows * OutputSize) {Code.Guard}.ThrowWrongLength(nameof(outputs), rows * OutputSize, outputs.Length, \"outputs for \" + rows + \" rows\");");
            writer.Line($"{kernels}.ForwardBatch(_parameters, inputs, outputs, rows);");
        }
    }

    /// <summary>The kernels class's entry points, the layer chain for one row and the transposed batch blocks.</summary>
    public static void EmitKernels(SourceWriter writer, NetworkSpec spec)
    {
        var input = spec.Inputs;
        var output = spec.Outputs;
        writer.Line($"public static void Forward(float[] parameters, {Code.ReadOnlySpan} input, {Code.Span} output) =>");
        writer.Line($"    ForwardRow(ref MemoryMarshal.GetArrayDataReference(parameters), ref MemoryMarshal.GetReference(input), output);");
        writer.Line();
        using (writer.Block($"public static void ForwardBatch(float[] parameters, {Code.ReadOnlySpan} inputs, {Code.Span} outputs, int rows)"))
        {
            writer.Line("ref float weights = ref MemoryMarshal.GetArrayDataReference(parameters);");
            writer.Line("ref float input = ref MemoryMarshal.GetReference(inputs);");
            writer.Line("var row = 0;");
            var paths = ColumnsEmitter.Paths(spec);
            for (var p = 0; p < paths.Length; p++)
            {
                var path = paths[p];
                using (writer.Block($"{(p == 0 ? "if" : "else if")} ({path.Condition})"))
                {
                    using (writer.Block($"for (; row + {path.Width} <= rows; row += {path.Width})"))
                    {
                        writer.Line($"{ColumnsEmitter.BlockName(path)}(ref weights, ref Unsafe.Add(ref input, row * {input}), outputs.Slice(row * {output}, {path.Width * output}));");
                    }
                }
            }

            if (paths.Length > 0)
            {
                writer.Line();
            }

            using (writer.Block("for (; row < rows; row++)"))
            {
                writer.Line($"ForwardRow(ref weights, ref Unsafe.Add(ref input, row * {input}), outputs.Slice(row * {output}, {output}));");
            }
        }

        EmitRow(writer, spec);
        foreach (var path in ColumnsEmitter.Paths(spec))
        {
            ColumnsEmitter.EmitBlock(writer, spec, path);
        }
    }

    /// <summary>
    /// The chain of layers for one row. Activations alternate between two stack buffers sized for the widest
    /// layer, so stack use does not grow with depth.
    /// </summary>
    private static void EmitRow(SourceWriter writer, NetworkSpec spec)
    {
        var hidden = spec.Layers.Take(spec.Layers.Count - 1).ToList();
        writer.Line();
        writer.Line("/// <summary>Runs every layer for one row.</summary>");
        using (writer.Block($"private static void ForwardRow(ref float parameters, ref float input, {Code.Span} output)"))
        {
            if (hidden.Count > 0)
            {
                var widest = hidden.Max(l => l.Units);
                writer.Line($"{Code.Span} even = stackalloc float[{widest}];");
                if (hidden.Count > 1)
                {
                    writer.Line($"{Code.Span} odd = stackalloc float[{widest}];");
                }
            }

            if (spec.Layers.Any(l => l.IsMaxout))
            {
                writer.Line($"{Code.Span} pieces = stackalloc float[{spec.Layers.Where(l => l.IsMaxout).Max(l => l.AffineOutputs)}];");
            }

            var previous = "input";
            foreach (var layer in spec.Layers)
            {
                var buffer = layer.Index % 2 == 0 ? "even" : "odd";
                var activations = layer.Index == spec.Layers.Count - 1 ? "output" : $"{buffer}.Slice(0, {layer.Units})";
                var affine = ActivationCalls.InPlace(layer) ? activations : $"pieces.Slice(0, {layer.AffineOutputs})";
                writer.Line($"// Layer {layer.Number}: {layer.Describe()}.");
                var target = $"ref {Code.MemoryMarshal}.GetReference({affine})";
                writer.Line($"{AffineEmitter.KernelName(layer, 1)}(ref parameters, ref {previous}, {target}, {target});");
                if (ActivationCalls.RowWise(layer, affine, activations) is { } call)
                {
                    writer.Line(call);
                }

                previous = $"{Code.MemoryMarshal}.GetReference({buffer})";
            }
        }
    }
}
