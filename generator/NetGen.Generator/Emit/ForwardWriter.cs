using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes <c>Forward</c> and <c>ForwardBatch</c>: the public members, the one-row chain, and the struct through which
/// the runtime's ForwardBatch (which runs the blocks of panels from the architecture) reaches that chain.
/// </summary>
internal static class ForwardWriter
{
    public static void WritePublic(SourceWriter writer, NetworkPlan plan)
    {
        var kernels = $"global::{Code.KernelsNamespace}.{plan.KernelsClass}";
        var outputs = plan.Outputs == 1 ? "output" : plan.Outputs + " outputs";
        writer.Line($"/// <summary>Computes the {outputs} of one sample. Does not change the network, so threads may share it.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length is not InputSize or OutputSize.</exception>");
        writer.Line(Code.GeneratedCode(plan.Version));
        using (writer.Block($"public void Forward({Code.ReadOnlySpan} input, {Code.Span} output)"))
        {
            writer.Line($"{Code.Guard}.CheckForward(input, output, InputSize, OutputSize);");
            writer.Line($"{kernels}.Forward(_parameters, input, output);");
        }

        writer.Line();
        writer.Line("/// <summary>Computes consecutive rows of InputSize inputs into rows of OutputSize outputs. Does not change the network.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">The spans do not hold the same whole number of rows.</exception>");
        writer.Line(Code.GeneratedCode(plan.Version));
        using (writer.Block($"public void ForwardBatch({Code.ReadOnlySpan} inputs, {Code.Span} outputs)"))
        {
            writer.Line($"var rows = {Code.Guard}.CheckForwardRows(inputs, outputs, InputSize, OutputSize);");
            writer.Line($"global::NetGen.Kernels.ColumnKernels.ForwardBatch(s_architecture, _parameters, inputs, outputs, rows, default(global::{Code.KernelsNamespace}.{plan.RowForward}));");
        }
    }

    public static void WriteKernels(SourceWriter writer, NetworkPlan plan) => WriteRow(writer, plan);

    /// <summary>The one-row chain as the runtime's ForwardBatch takes it: a struct type argument, so the call inlines.</summary>
    public static void WriteRowForward(SourceWriter writer, NetworkPlan plan)
    {
        writer.Line();
        writer.Line($"/// <summary>{plan.Type.Type.Name}'s one-row forward, for the rows ForwardBatch runs one by one.</summary>");
        writer.Line(Code.GeneratedCode(plan.Version));
        using (writer.Block($"file readonly struct {plan.RowForward} : global::NetGen.Kernels.IRowForward"))
        {
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public void Forward(float[] parameters, {Code.ReadOnlySpan} input, {Code.Span} output) =>");
            writer.Line($"    {plan.KernelsClass}.Forward(parameters, input, output);");
        }
    }

    /// <summary>The chain of layers for one row.</summary>
    private static void WriteRow(SourceWriter writer, NetworkPlan plan)
    {
        var row = plan.Row;
        writer.Line("/// <summary>Runs every layer for one row.</summary>");
        using (writer.Block($"public static void Forward(float[] parameters, {Code.ReadOnlySpan} input, {Code.Span} output)"))
        {
            if (plan.RowInRegisters is not null)
            {
                using (writer.Block("if (Vector256.IsHardwareAccelerated)"))
                {
                    writer.Line("// Vector registers hold every layer's values: the layers in one method, nothing through memory between them.");
                    writer.Line("ForwardInRegisters(parameters, input, output);");
                    writer.Line("return;");
                }

                writer.Line();
            }

            if (row.HiddenLength > 0)
            {
                writer.Line($"{Code.Span} hidden = stackalloc float[{row.HiddenLength}];");
            }

            if (row.PiecesLength > 0)
            {
                writer.Line($"{Code.Span} pieces = stackalloc float[{row.PiecesLength}];");
            }

            foreach (var step in row.Steps)
            {
                writer.Line($"// {step.Comment}");
                writer.Line($"{step.Kernel}(ref parameters[{Literals.Int(step.WeightOffset)}], {InputRef(step.Input)}, {Code.Ref(step.Output)});");
                if (step.After is { } after)
                {
                    writer.Line(after.Kind == RowWiseKind.Softmax
                        ? $"Activations.Softmax({Slice(after.Target)}, {after.Units});"
                        : $"Activations.Maxout({Slice(after.Source)}, {Slice(after.Target)}, {after.Units});");
                }
            }
        }

        if (plan.RowInRegisters is { } registers)
        {
            writer.Line();
            writer.Line("/// <summary>Runs every layer for one row, each layer's values in vector registers.</summary>");
            // Compiled on its own, as the layer kernels: inlined, its runtime steps would spend a caller's inlining budget.
            writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            using (writer.Block($"public static void ForwardInRegisters(float[] parameters, {Code.ReadOnlySpan} input, {Code.Span} output)"))
            {
                WriteInRegisters(writer, plan, registers, kept: null);
            }

            if (plan.KeptInRegisters.Count > 0)
            {
                writer.Line();
                writer.Line("/// <summary>Runs every layer for one row in vector registers, as ForwardInRegisters does, storing each layer's values in scratch for the one-row training step.</summary>");
                writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
                using (writer.Block($"public static void ForwardInRegistersKeeping(float[] parameters, {Code.ReadOnlySpan} input, {Code.Span} scratch)"))
                {
                    WriteInRegisters(writer, plan, registers, plan.KeptInRegisters);
                }
            }
        }
    }

    /// <summary>The layers one after another on vectors of 8 in registers, the same operations as their kernels' 8-lane paths.</summary>
    /// <param name="kept">Where each layer's values are stored in <c>scratch</c> too, the last layer's instead of <c>output</c>; null to keep nothing.</param>
    private static void WriteInRegisters(SourceWriter writer, NetworkPlan plan, RegisterRowPlan registers, EquatableArray<long>? kept)
    {
        writer.Line("ref float w = ref parameters[0];");
        writer.Line("ref float x = ref MemoryMarshal.GetReference(input);");
        for (var v = 0; v < registers.InputVectors.Count; v++)
        {
            writer.Line($"var {registers.InputVectors[v]} = RowMath256.Load(ref x, {Literals.Int(8 * v)});");
        }

        for (var index = 0; index < registers.Layers.Count; index++)
        {
            var layer = registers.Layers[index];
            var target = kept is { } offsets ? $"ref scratch[{Literals.Int(offsets[index])}]" : "ref output[0]";
            writer.Line($"// {layer.Comment}");
            if (layer.Outputs < 8)
            {
                writer.Line($"ref float y = {target};");
                var products = layer.Input.Count == 1 ? "RowProducts" : plan.FusedMultiplyAdd ? "FusedRowProducts" : "RowProducts";
                for (var k = 0; k < layer.Outputs; k++)
                {
                    var row = $"RowMath256.{products}(ref w, {Literals.Int(layer.WeightOffset + ((long)k * layer.Inputs))}, {string.Join(", ", layer.Input)})";
                    var z = $"RowMath256.Sum({row}) + {Code.Element("w", Literals.Int(layer.BiasOffset + k))}";
                    writer.Line($"{Code.Element("y", Literals.Int(k))} = {Activated(layer, z)};");
                }

                continue;
            }

            if (layer.Packed)
            {
                writer.Line("var x4 = RowMath128.Load(ref x, 0);");
                writer.Line("var x8 = Vector256.Create(x4, x4);");
            }

            var dots = layer.Input.Count == 2 && plan.FusedMultiplyAdd ? "FusedDots8" : "Dots8";
            var tiles = new List<string>();
            for (var first = 0; first < layer.Outputs; first += 8)
            {
                var offset = Literals.Int(layer.WeightOffset + ((long)first * layer.Inputs));
                tiles.Add(layer.Packed ? $"RowMath256.GroupSums4(ref w, {offset}, x8)" : $"RowMath256.{dots}(ref w, {offset}, {string.Join(", ", layer.Input)})");
            }

            if (layer.Joined is not null)
            {
                // The tiles' sums as z-named locals (a2_0 → z2_0), so that the join reads as one line.
                var sums = layer.Output.Select(name => "z" + name.Substring(1)).ToList();
                writer.Line($"var {sums[0]} = {tiles[0]};");
                writer.Line($"var {sums[1]} = {tiles[1]};");
                // On one vector of 16 where Vector512 is accelerated, each tile on its own elsewhere: the runtime decides.
                var bias = Literals.Int(layer.BiasOffset);
                writer.Line(kept is null
                    ? $"var ({layer.Output[0]}, {layer.Output[1]}) = RowMath512.Activate({layer.Activation}, {sums[0]}, {sums[1]}, ref w, {bias});"
                    : $"var ({layer.Output[0]}, {layer.Output[1]}) = RowMath512.ActivateStoring({layer.Activation}, {sums[0]}, {sums[1]}, ref w, {bias}, {target});");
                continue;
            }

            for (var tile = 0; tile < tiles.Count; tile++)
            {
                var value = Activated(layer, $"{tiles[tile]} + RowMath256.Load(ref w, {Literals.Int(layer.BiasOffset + (8 * tile))})");
                if (layer.Output.Count == 0)
                {
                    writer.Line($"RowMath256.Store({value}, {target}, {Literals.Int(8 * tile)});");
                    continue;
                }

                writer.Line($"var {layer.Output[tile]} = {value};");
                if (kept is not null)
                {
                    writer.Line($"RowMath256.Store({layer.Output[tile]}, {target}, {Literals.Int(8 * tile)});");
                }
            }
        }
    }

    private static string Activated(RegisterLayerPlan layer, string value) => layer.Inline is { } inline ? Code.Apply(inline, value) : value;

    private static string InputRef(BufferRef buffer) =>
        buffer.Buffer == "input" ? "ref MemoryMarshal.GetReference(input)" : Code.Ref(buffer);

    /// <summary>A row of a chain buffer as a span: the whole of <c>output</c>, or a slice of a stack buffer.</summary>
    private static string Slice(BufferRef buffer) =>
        buffer.Buffer == "output" ? "output" : $"{buffer.Buffer}.Slice({Literals.Int(buffer.Offset)}, {buffer.Length})";
}
