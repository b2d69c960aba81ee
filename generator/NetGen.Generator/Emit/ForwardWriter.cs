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
            ? "/// <summary>Runs rows one by one (a panel of this network's rows would not fit the stack).</summary>"
            : "/// <summary>Runs blocks of panels of rows held transposed, two vectors of rows each, then rows too few for a panel one by one.</summary>");
        using (writer.Block($"public static void ForwardBatch(float[] parameters, {Code.ReadOnlySpan} inputs, {Code.Span} outputs, int rows)"))
        {
            writer.Line("var row = 0;");
            if (plan.Batch is { } batch)
            {
                writer.Line($"var panelRows = ColumnKernels.PanelRows({batch.WidestPanel});");
                writer.Line($"var minimumRows = panelRows == 0 ? int.MaxValue : (panelRows * {batch.FullEighths}) / 8;");
                using (writer.Block("if (rows >= minimumRows)"))
                {
                    writer.Line($"var panels = ColumnKernels.PanelsPerBlock(panelRows, {batch.FloatsPerRow}, {batch.StackFloats});");
                    WriteBuffer(writer, "columns", batch.ColumnsLength);
                    WriteBuffer(writer, "hidden", batch.HiddenLength);
                    var pieces = string.Empty;
                    if (batch.PiecesLength > 0)
                    {
                        WriteBuffer(writer, "pieces", batch.PiecesLength);
                        pieces = ", pieces";
                    }

                    using (writer.Block("while (rows - row >= minimumRows)"))
                    {
                        writer.Line("var count = ColumnKernels.BlockRows(rows - row, panelRows, panels, minimumRows);");
                        writer.Line($"ForwardBlock(parameters, inputs.Slice(row * {inputs}, count * {inputs}), outputs.Slice(row * {outputs}, count * {outputs}), panelRows, columns, hidden{pieces});");
                        writer.Line("row += count;");
                    }
                }

                writer.Line();
            }

            using (writer.Block("for (; row < rows; row++)"))
            {
                writer.Line($"Forward(parameters, inputs.Slice(row * {inputs}, {inputs}), outputs.Slice(row * {outputs}, {outputs}));");
            }
        }
    }

    private static void WriteBuffer(SourceWriter writer, string name, int perPanelRow) =>
        writer.Line($"var {name} = ColumnKernels.AlignPanels(stackalloc float[({perPanelRow} * panelRows * panels) + ColumnKernels.PanelSlack]);");

    /// <summary>One block: transpose in, every layer's panel kernel, Softmax where the network ends in it, transpose out.</summary>
    private static void WriteBlock(SourceWriter writer, NetworkPlan plan, BatchPlan batch)
    {
        var pieces = batch.PiecesLength > 0 ? $", {Code.Span} pieces" : string.Empty;
        writer.Line("/// <summary>Runs every layer for the rows of a block of panels held transposed, one lane per row.</summary>");
        using (writer.Block($"private static void ForwardBlock(float[] parameters, {Code.ReadOnlySpan} input, {Code.Span} output, int panelRows, {Code.Span} columns, {Code.Span} hidden{pieces})"))
        {
            writer.Line($"var panels = ((input.Length / {plan.Inputs}) + panelRows - 1) / panelRows;");
            writer.Line($"ColumnKernels.Transpose(input, ref columns[0], {plan.Inputs}, panelRows);");
            foreach (var step in batch.Steps)
            {
                var layer = step.Layer;
                var source = step.FromColumns ? "ref columns[0]" : "ref hidden[0]";
                var target = step.FromColumns ? "ref hidden[0]" : "ref columns[0]";
                var weights = $"ref parameters[{Literals.Int(layer.WeightOffset)}], ref parameters[{Literals.Int(layer.BiasOffset)}]";
                writer.Line($"// {step.Comment}");
                if (step.Maxout)
                {
                    writer.Line($"ColumnKernels.Forward({weights}, {source}, ref pieces[0], {layer.Inputs}, {layer.Outputs}, panelRows, panels, {step.Activation});");
                    writer.Line($"ColumnKernels.Maxout(ref pieces[0], {target}, {layer.Units}, {step.Pieces}, panelRows, panels);");
                }
                else
                {
                    writer.Line($"ColumnKernels.Forward({weights}, {source}, {target}, {layer.Inputs}, {layer.Outputs}, panelRows, panels, {step.Activation});");
                }
            }

            var result = batch.ResultInColumns ? "ref columns[0]" : "ref hidden[0]";
            if (batch.Softmax)
            {
                writer.Line($"ColumnKernels.Softmax({result}, {plan.Outputs}, panelRows, panels);");
            }

            writer.Line($"ColumnKernels.TransposeBack({result}, output, {plan.Outputs}, panelRows);");
        }
    }
}
