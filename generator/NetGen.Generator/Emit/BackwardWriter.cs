using System.Linq;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes <c>Backward</c>, <c>BackwardBatch</c> and <c>ZeroGradients</c>, and the block of rows they run: a forward
/// pass that keeps what backpropagation needs in scratch, the loss and its gradient, then the chain rule.
/// </summary>
internal static class BackwardWriter
{
    public static void WritePublic(SourceWriter writer, NetworkPlan plan)
    {
        var kernels = $"global::{Code.KernelsNamespace}.{plan.KernelsClass}";
        writer.Line($"/// <summary>Adds the gradient of one sample's {plan.Loss} loss to <see cref=\"Gradients\"/> and returns the loss.");
        writer.Line("/// Uses the instance's scratch: one thread at a time.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length is not InputSize or OutputSize.</exception>");
        writer.Line(Code.GeneratedCode(plan));
        using (writer.Block($"public float Backward({Code.ReadOnlySpan} input, {Code.ReadOnlySpan} target)"))
        {
            using (writer.Block($"if (input.Length != InputSize)"))
            {
                writer.Line($"{Code.Guard}.ThrowWrongLength(nameof(input), InputSize, input.Length, \"inputs\");");
            }

            writer.Line();
            using (writer.Block($"if (target.Length != OutputSize)"))
            {
                writer.Line($"{Code.Guard}.ThrowWrongLength(nameof(target), OutputSize, target.Length, \"targets\");");
            }

            writer.Line();
            writer.Line($"return {kernels}.Backward(_parameters, _gradients, _scratch, input, target, 1);");
        }

        writer.Line();
        writer.Line($"/// <summary>Adds the gradient of the batch's mean {plan.Loss} loss to <see cref=\"Gradients\"/> and returns the mean loss.");
        writer.Line("/// Uses the instance's scratch: one thread at a time.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">The spans do not hold the same whole, non-zero number of rows.</exception>");
        writer.Line(Code.GeneratedCode(plan));
        using (writer.Block($"public float BackwardBatch({Code.ReadOnlySpan} inputs, {Code.ReadOnlySpan} targets)"))
        {
            writer.Line("var rows = inputs.Length / InputSize;");
            using (writer.Block("if (inputs.Length % InputSize != 0 || rows == 0)"))
            {
                writer.Line($"{Code.Guard}.ThrowNotWholeRows(nameof(inputs), inputs.Length, InputSize, \"inputs\");");
            }

            writer.Line();
            using (writer.Block("if (targets.Length != rows * OutputSize)"))
            {
                writer.Line($"{Code.Guard}.ThrowWrongLength(nameof(targets), rows * OutputSize, targets.Length, \"targets for \" + rows + \" rows\");");
            }

            writer.Line();
            writer.Line($"return {kernels}.Backward(_parameters, _gradients, _scratch, inputs, targets, rows);");
        }

        writer.Line();
        writer.Line("/// <summary>Sets every gradient to 0.</summary>");
        writer.Line(Code.GeneratedCode(plan));
        writer.Line("public void ZeroGradients() => global::System.Array.Clear(_gradients);");
    }

    public static void WriteKernels(SourceWriter writer, NetworkPlan plan)
    {
        var training = plan.Training;
        var block = training.RowBlock;
        writer.Line();
        writer.Line($"/// <summary>Backpropagates the rows in blocks of {block}, adding the gradient of their mean loss; returns the mean loss.</summary>");
        using (writer.Block($"public static float Backward(float[] parameters, float[] gradients, float[] scratch, {Code.ReadOnlySpan} inputs, {Code.ReadOnlySpan} targets, int rows)"))
        {
            writer.Line("var scale = 1f / rows;");
            writer.Line("var total = 0f;");
            using (writer.Block($"for (var row = 0; row < rows; row += {block})"))
            {
                writer.Line($"var count = rows - row < {block} ? rows - row : {block};");
                writer.Line($"var input = inputs.Slice(row * {plan.Inputs}, count * {plan.Inputs});");
                writer.Line($"var target = targets.Slice(row * {plan.Outputs}, count * {plan.Outputs});");
                writer.Line("total += BackwardRows(parameters, gradients, scratch, input, target, count, scale);");
            }

            writer.Line();
            writer.Line("return total * scale;");
        }

        writer.Line();
        writer.Line($"/// <summary>Backpropagates up to {block} rows, adding <paramref name=\"scale\"/> times their gradient; returns their summed loss.</summary>");
        var parameters = $"float[] parameters, float[] gradients, {Code.Span} scratch, {Code.ReadOnlySpan} input, {Code.ReadOnlySpan} target, int rows, float scale";
        using (writer.Block($"private static float BackwardRows({parameters})"))
        {
            writer.Line("ref float x = ref MemoryMarshal.GetReference(input);");
            foreach (var step in training.Forward)
            {
                if (step != training.Forward[0])
                {
                    writer.Line();
                }

                WriteForward(writer, step);
            }

            var loss = training.Loss;
            var arguments = string.Join(", ", loss.Arguments.Select(argument => argument.Scratch is { } region ? Code.Rows(region) : "target"));
            writer.Line();
            writer.Line($"// {loss.Comment}");
            writer.Line($"var loss = Losses.{loss.Function}({arguments}, {Code.Rows(loss.Gradient)}, scale, {loss.Width});");
            foreach (var step in training.Backward)
            {
                WriteBackward(writer, step);
            }

            writer.Line();
            writer.Line("return loss;");
        }
    }

    private static void WriteForward(SourceWriter writer, TrainingForwardStep step)
    {
        var layer = step.Layer;
        writer.Line($"// {step.Comment}");
        var weights = $"ref parameters[{Literals.Int(layer.WeightOffset)}]";
        var bias = $"ref parameters[{Literals.Int(layer.BiasOffset)}]";
        var input = step.Input is null ? "ref x" : Code.Ref(step.Input);
        var sizes = $"{layer.Inputs}, {layer.Outputs}, rows";
        switch (step.Kind)
        {
            case TrainingForwardKind.RepeatRowKernel:
                using (writer.Block("for (var r = 0; r < rows; r++)"))
                {
                    var rowInput = step.Input is null ? $"ref Unsafe.Add(ref x, r * {layer.Inputs})" : RowRef(step.Input);
                    writer.Line($"{layer.Kernel}({weights}, {rowInput}, {RowRef(step.Output)});");
                }

                break;
            case TrainingForwardKind.RuntimeBlock:
                writer.Line($"DenseKernels.Forward({weights}, {bias}, {input}, {Code.Ref(step.Output)}, {sizes}, {step.Activation});");
                break;
            default:
                writer.Line($"DenseKernels.ForwardKeepingPreActivations({weights}, {bias}, {input}, {Code.Ref(step.PreActivations!)}, {Code.Ref(step.Output)}, {sizes}, {step.Activation});");
                break;
        }

        if (step.After is { } after)
        {
            writer.Line(after.Kind == RowWiseKind.Softmax
                ? $"Activations.Softmax({Code.Rows(after.Source)}, {Code.Rows(after.Target)}, {after.Units});"
                : $"Activations.Maxout({Code.Rows(after.Source)}, {Code.Rows(after.Target)}, {after.Units});");
        }
    }

    /// <summary>Row r of a scratch region.</summary>
    private static string RowRef(Region region) =>
        region.Offset == 0 ? $"ref scratch[r * {region.Width}]" : $"ref scratch[{Literals.Int(region.Offset)} + (r * {region.Width})]";

    private static void WriteBackward(SourceWriter writer, TrainingBackwardStep step)
    {
        var layer = step.Layer;
        writer.Line();
        writer.Line($"// {step.Comment}");
        if (step.Derivative is { } derivative)
        {
            var arguments = derivative.Function == "StepBackward"
                ? Code.Rows(derivative.Result)
                : $"{Code.Rows(derivative.Values!)}, {Code.Rows(derivative.Upstream)}, {Code.Rows(derivative.Result)}" + (derivative.Extra is null ? string.Empty : ", " + derivative.Extra);
            writer.Line($"Activations.{derivative.Function}({arguments});");
        }

        var gradients = $"ref gradients[{Literals.Int(layer.WeightOffset)}], ref gradients[{Literals.Int(layer.BiasOffset)}]";
        var input = step.Input is null ? "ref x" : Code.Ref(step.Input);
        var sizes = $"{layer.Inputs}, {layer.Outputs}, rows";
        writer.Line(step.InputGradient is { } inputGradient
            ? $"DenseKernels.Backward(ref parameters[{Literals.Int(layer.WeightOffset)}], {gradients}, {input}, {Code.Ref(step.Delta)}, {Code.Ref(inputGradient)}, {sizes});"
            : $"DenseKernels.BackwardWeightsOnly({gradients}, {input}, {Code.Ref(step.Delta)}, {sizes});");
    }
}
