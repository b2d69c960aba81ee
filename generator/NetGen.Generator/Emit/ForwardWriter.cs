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
}
