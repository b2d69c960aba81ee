using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>Writes <c>Forward</c> and <c>ForwardBatch</c>: the public members, the one-row chain and the transposed blocks.</summary>
internal static class ForwardWriter
{
    public static void WritePublic(SourceWriter writer, NetworkPlan plan)
    {
        var kernels = $"global::{Code.KernelsNamespace}.{plan.KernelsClass}";
        var outputs = plan.Outputs == 1 ? "output" : plan.Outputs + " outputs";
        writer.Line($"/// <summary>Computes the {outputs} of one sample. Does not change the network, so threads may share it.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length is not InputSize or OutputSize.</exception>");
        writer.Line(Code.GeneratedCode(plan));
        using (writer.Block($"public void Forward({Code.ReadOnlySpan} input, {Code.Span} output)"))
        {
            using (writer.Block($"if (input.Length != InputSize)"))
            {
                writer.Line($"{Code.Guard}.ThrowWrongLength(nameof(input), InputSize, input.Length, \"inputs\");");
            }

            writer.Line();
            using (writer.Block($"if (output.Length != OutputSize)"))
            {
                writer.Line($"{Code.Guard}.ThrowWrongLength(nameof(output), OutputSize, output.Length, \"outputs\");");
            }

            writer.Line();
            writer.Line($"{kernels}.Forward(_parameters, input, output);");
        }

        writer.Line();
        writer.Line("/// <summary>Computes consecutive rows of InputSize inputs into rows of OutputSize outputs. Does not change the network.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">The spans do not hold the same whole number of rows.</exception>");
        writer.Line(Code.GeneratedCode(plan));
        using (writer.Block($"public void ForwardBatch({Code.ReadOnlySpan} inputs, {Code.Span} outputs)"))
        {
            writer.Line("var rows = inputs.Length / InputSize;");
            using (writer.Block($"if (inputs.Length % InputSize != 0)"))
            {
                writer.Line($"{Code.Guard}.ThrowNotWholeRows(nameof(inputs), inputs.Length, InputSize, \"inputs\");");
            }

            writer.Line();
            using (writer.Block("if (outputs.Length != rows * OutputSize)"))
            {
                writer.Line($"{Code.Guard}.ThrowWrongLength(nameof(outputs), rows * OutputSize, outputs.Length, \"outputs for \" + rows + \" rows\");");
            }

            writer.Line();
            writer.Line($"{kernels}.ForwardBatch(_parameters, inputs, outputs, rows);");
        }
    }

    public static void WriteKernels(SourceWriter writer, NetworkPlan plan)
    {
        WriteRow(writer, plan);
        writer.Line();
        WriteBatch(writer, plan);
        if (plan.Batch is { } batch)
        {
            writer.Line();
            WriteBlock(writer, plan, batch);
        }
    }

    /// <summary>The chain of layers for one row.</summary>
    private static void WriteRow(SourceWriter writer, NetworkPlan plan)
    {
        var row = plan.Row;
        writer.Line("/// <summary>Runs every layer for one row.</summary>");
        using (writer.Block($"public static void Forward(float[] parameters, {Code.ReadOnlySpan} input, {Code.Span} output)"))
        {
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
    }

    private static string InputRef(BufferRef buffer) =>
        buffer.Buffer == "input" ? "ref MemoryMarshal.GetReference(input)" : Code.Ref(buffer);

    /// <summary>A row of a chain buffer as a span: the whole of <c>output</c>, or a slice of a stack buffer.</summary>
    private static string Slice(BufferRef buffer) =>
        buffer.Buffer == "output" ? "output" : $"{buffer.Buffer}.Slice({Literals.Int(buffer.Offset)}, {buffer.Length})";

    private static void WriteBatch(SourceWriter writer, NetworkPlan plan)
    {
        var inputs = plan.Inputs;
        var outputs = plan.Outputs;
        writer.Line(plan.Batch is null
            ? "/// <summary>Runs rows one by one (a transposed block of this network would not fit the stack).</summary>"
            : "/// <summary>Runs blocks of rows held transposed, as many as a vector has lanes, then the remaining rows one by one.</summary>");
        using (writer.Block($"public static void ForwardBatch(float[] parameters, {Code.ReadOnlySpan} inputs, {Code.Span} outputs, int rows)"))
        {
            writer.Line("var row = 0;");
            if (plan.Batch is { } batch)
            {
                var lanes = string.Empty;
                foreach (var option in batch.Lanes)
                {
                    lanes += $"{option.Vector}.IsHardwareAccelerated ? {option.Lanes} : ";
                }

                writer.Line($"var lanes = {lanes}0;");
                using (writer.Block("for (; lanes > 0 && row + lanes <= rows; row += lanes)"))
                {
                    writer.Line($"ForwardBlock(parameters, inputs.Slice(row * {inputs}, lanes * {inputs}), outputs.Slice(row * {outputs}, lanes * {outputs}), lanes);");
                }

                writer.Line();
            }

            using (writer.Block("for (; row < rows; row++)"))
            {
                writer.Line($"Forward(parameters, inputs.Slice(row * {inputs}, {inputs}), outputs.Slice(row * {outputs}, {outputs}));");
            }
        }
    }

    /// <summary>One transposed block: transpose in, every layer's column kernel, transpose out.</summary>
    private static void WriteBlock(SourceWriter writer, NetworkPlan plan, BatchPlan batch)
    {
        writer.Line("/// <summary>Runs every layer for a block of rows held transposed, one lane per row.</summary>");
        using (writer.Block($"private static void ForwardBlock(float[] parameters, {Code.ReadOnlySpan} input, {Code.Span} output, int lanes)"))
        {
            writer.Line($"{Code.Span} columns = stackalloc float[{batch.ColumnsLength}];");
            writer.Line($"{Code.Span} hidden = stackalloc float[{batch.HiddenLength}];");
            if (batch.PiecesLength > 0)
            {
                writer.Line($"{Code.Span} pieces = stackalloc float[{batch.PiecesLength}];");
            }

            writer.Line($"ColumnKernels.Transpose(ref MemoryMarshal.GetReference(input), ref columns[0], {plan.Inputs}, lanes);");
            foreach (var step in batch.Steps)
            {
                var layer = step.Layer;
                var source = step.Input < 0 ? "ref columns[0]" : HiddenRef(step.Input);
                var target = HiddenRef(step.Output);
                var weights = $"ref parameters[{Literals.Int(layer.WeightOffset)}], ref parameters[{Literals.Int(layer.BiasOffset)}]";
                writer.Line($"// {step.Comment}");
                if (step.Maxout)
                {
                    writer.Line($"ColumnKernels.Forward({weights}, {source}, ref pieces[0], {layer.Inputs}, {layer.Outputs}, lanes, {step.Activation});");
                    writer.Line($"ColumnKernels.Maxout(ref pieces[0], {target}, {layer.Units}, {step.Pieces}, lanes);");
                }
                else
                {
                    writer.Line($"ColumnKernels.Forward({weights}, {source}, {target}, {layer.Inputs}, {layer.Outputs}, lanes, {step.Activation});");
                }
            }

            writer.Line($"ColumnKernels.TransposeBack({HiddenRef(batch.Result)}, output, {plan.Outputs}, lanes);");
            if (batch.Softmax)
            {
                writer.Line($"Activations.Softmax(output, {plan.Outputs});");
            }
        }
    }

    private static string HiddenRef(long offsetPerLane) => offsetPerLane == 0 ? "ref hidden[0]" : $"ref hidden[{Literals.Int(offsetPerLane)} * lanes]";
}
