using System.Linq;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes <c>Backward</c>, <c>BackwardBatch</c>, <c>ZeroGradients</c>, the fused <c>TrainStep</c> and
/// <c>TrainStepBatch</c>, and the block of rows they run: a forward pass that keeps what backpropagation needs in
/// scratch, the loss and its gradient, then the chain rule, each dW and db handed to an update rule.
/// </summary>
internal static class BackwardWriter
{
    public static void WritePublic(SourceWriter writer, NetworkPlan plan)
    {
        var kernels = $"global::{Code.KernelsNamespace}.{plan.KernelsClass}";
        var pass = $"new global::{Code.KernelsNamespace}.{plan.Training.Pass}(_parameters, _scratch)";
        writer.Line($"/// <summary>Adds the gradient of one sample's {plan.Loss} loss to <see cref=\"Gradients\"/> and returns the loss.");
        writer.Line("/// Uses the instance's scratch: one thread at a time.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length is not InputSize or OutputSize.</exception>");
        writer.Line(Code.GeneratedCode(plan.Version));
        using (writer.Block($"public float Backward({Code.ReadOnlySpan} input, {Code.ReadOnlySpan} target)"))
        {
            writer.Line($"{Code.Guard}.CheckSample(input, target, InputSize, OutputSize);");
            writer.Line($"return {kernels}.Backward(_parameters, _gradients, _scratch, input, target, 1);");
        }

        writer.Line();
        writer.Line($"/// <summary>Adds the gradient of the batch's mean {plan.Loss} loss to <see cref=\"Gradients\"/> and returns the mean loss.");
        writer.Line("/// Uses the instance's scratch: one thread at a time.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">The spans do not hold the same whole, non-zero number of rows.</exception>");
        writer.Line(Code.GeneratedCode(plan.Version));
        using (writer.Block($"public float BackwardBatch({Code.ReadOnlySpan} inputs, {Code.ReadOnlySpan} targets)"))
        {
            writer.Line($"var rows = {Code.Guard}.CheckRows(inputs, targets, InputSize, OutputSize);");
            writer.Line($"return {kernels}.Backward(_parameters, _gradients, _scratch, inputs, targets, rows);");
        }

        writer.Line();
        writer.Line("/// <summary>Sets every gradient to 0.</summary>");
        writer.Line(Code.GeneratedCode(plan.Version));
        writer.Line("public void ZeroGradients() => global::System.Array.Clear(_gradients);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length is not InputSize or OutputSize.</exception>");
        writer.Line(Code.GeneratedCode(plan.Version));
        using (writer.Block($"public float TrainStep({Code.ReadOnlySpan} input, {Code.ReadOnlySpan} target, global::NetGen.IOptimizer optimizer)"))
        {
            writer.Line($"{Code.Guard}.CheckSample(input, target, InputSize, OutputSize);");
            writer.Line($"return {Code.TrainingSteps}.Fused(this, optimizer, {pass}, input, target);");
        }

        writer.Line();
        writer.Line($"/// <inheritdoc/>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">The spans do not hold the same whole, non-zero number of rows.</exception>");
        writer.Line(Code.GeneratedCode(plan.Version));
        using (writer.Block($"public float TrainStepBatch({Code.ReadOnlySpan} inputs, {Code.ReadOnlySpan} targets, global::NetGen.IOptimizer optimizer)"))
        {
            writer.Line($"return {Code.Guard}.CheckRows(inputs, targets, InputSize, OutputSize) <= {plan.Training.RowBlock}");
            writer.Line($"    ? {Code.TrainingSteps}.Fused(this, optimizer, {pass}, inputs, targets)");
            writer.Line($"    : {Code.TrainingSteps}.Unfused(this, optimizer, inputs, targets);");
        }
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
            writer.Line("var sum = default(GradientSum);");
            using (writer.Block($"for (var row = 0; row < rows; row += {block})"))
            {
                writer.Line($"var count = rows - row < {block} ? rows - row : {block};");
                writer.Line($"var input = inputs.Slice(row * {plan.Inputs}, count * {plan.Inputs});");
                writer.Line($"total += ForwardRows(parameters, scratch, input, targets.Slice(row * {plan.Outputs}, count * {plan.Outputs}), count, scale);");
                writer.Line("BackwardRows(parameters, ref gradients[0], scratch, input, count, ref sum);");
            }

            writer.Line();
            writer.Line("return total * scale;");
        }

        writer.Line();
        writer.Line($"/// <summary>One step on up to {block} rows, each parameter updated once by the rule; returns the mean loss, updating nothing unless it is finite.</summary>");
        writer.Line($"public static float TrainStep<TRule>(float[] parameters, float[] scratch, {Code.ReadOnlySpan} inputs, {Code.ReadOnlySpan} targets, ref TRule rule)");
        using (writer.Block(RuleConstraint))
        {
            writer.Line($"var rows = inputs.Length / {plan.Inputs};");
            if (training.RowBackward.Count > 0)
            {
                using (writer.Block("if (rows == 1)"))
                {
                    writer.Line("return TrainRow(parameters, scratch, inputs, targets, ref rule);");
                }

                writer.Line();
            }

            writer.Line("var loss = ForwardRows(parameters, scratch, inputs, targets, rows, 1f / rows) / rows;");
            using (writer.Block("if (float.IsFinite(loss))"))
            {
                writer.Line("BackwardRows(parameters, ref parameters[0], scratch, inputs, rows, ref rule);");
            }

            writer.Line();
            writer.Line("return loss;");
        }

        if (training.RowBackward.Count > 0)
        {
            WriteTrainRow(writer, plan, training);
        }

        writer.Line();
        writer.Line($"/// <summary>The forward pass of up to {block} rows, keeping what backpropagation needs, and <paramref name=\"scale\"/> times the loss's gradient; returns the summed loss.</summary>");
        var parameters = $"float[] parameters, {Code.Span} scratch, {Code.ReadOnlySpan} input, {Code.ReadOnlySpan} target, int rows, float scale";
        using (writer.Block($"private static float ForwardRows({parameters})"))
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
            writer.Line($"return Losses.{loss.Function}({arguments}, {Code.Rows(loss.Gradient)}, scale, {loss.Width});");
        }

        writer.Line();
        writer.Line("/// <summary>The chain rule over the rows ForwardRows left in scratch: dW and db of every layer go through the rule into <paramref name=\"target\"/>.</summary>");
        writer.Line($"private static void BackwardRows<TRule>(float[] parameters, ref float target, {Code.Span} scratch, {Code.ReadOnlySpan} input, int rows, ref TRule rule)");
        using (writer.Block(RuleConstraint))
        {
            writer.Line("ref float x = ref MemoryMarshal.GetReference(input);");
            foreach (var step in training.Backward)
            {
                WriteBackward(writer, step, first: step == training.Backward[0]);
            }
        }
    }

    /// <summary>The file-local struct, beside the kernels class, through which an optimizer runs the fused step with its rule.</summary>
    public static void WritePass(SourceWriter writer, NetworkPlan plan)
    {
        writer.Line();
        writer.Line($"/// <summary>{plan.Type.Type.Name}'s fused training step, run by an optimizer with its update rule.</summary>");
        writer.Line(Code.GeneratedCode(plan.Version));
        using (writer.Block($"file readonly struct {plan.Training.Pass} : global::NetGen.IFusedTrainingPass"))
        {
            writer.Line("private readonly float[] _parameters;");
            writer.Line("private readonly float[] _scratch;");
            writer.Line();
            using (writer.Block($"public {plan.Training.Pass}(float[] parameters, float[] scratch)"))
            {
                writer.Line("_parameters = parameters;");
                writer.Line("_scratch = scratch;");
            }

            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public float Run<TRule>(ref TRule rule, {Code.ReadOnlySpan} inputs, {Code.ReadOnlySpan} targets)");
            writer.Line(RuleConstraint + " =>");
            writer.Line($"    {plan.KernelsClass}.TrainStep(_parameters, _scratch, inputs, targets, ref rule);");
        }
    }

    /// <summary>
    /// The fused step's path for one row: the layers' one-row kernels on scratch, the loss, then each layer's kernel
    /// updating its weights and biases in place and handing the layer below its δ, with no block loops and no dx pass.
    /// </summary>
    private static void WriteTrainRow(SourceWriter writer, NetworkPlan plan, TrainingPlan training)
    {
        writer.Line();
        writer.Line("/// <summary>One step on one row: each layer's dW and db go through the rule into the parameters as its δ is formed; returns the loss, updating nothing unless it is finite.</summary>");
        writer.Line($"private static float TrainRow<TRule>(float[] parameters, {Code.Span} scratch, {Code.ReadOnlySpan} input, {Code.ReadOnlySpan} target, ref TRule rule)");
        using (writer.Block(RuleConstraint))
        {
            writer.Line("ref float x = ref MemoryMarshal.GetReference(input);");
            if (plan.KeptInRegisters.Count > 0)
            {
                using (writer.Block("if (Vector256.IsHardwareAccelerated)"))
                {
                    writer.Line("// Every layer in registers, each layer's a stored where its one-row kernel would leave it.");
                    writer.Line("ForwardInRegistersKeeping(parameters, input, scratch);");
                }

                using (writer.Block("else"))
                {
                    WriteTrainRowForward(writer, training);
                }
            }
            else
            {
                WriteTrainRowForward(writer, training);
            }


            var loss = training.Loss;
            var arguments = string.Join(", ", loss.Arguments.Select(argument => argument.Scratch is { } region ? Code.Row(region) : "target"));
            writer.Line($"// {loss.Comment}");
            writer.Line($"var loss = Losses.{loss.Function}({arguments}, {Code.Row(loss.Gradient)}, 1f, {loss.Width});");
            using (writer.Block("if (!float.IsFinite(loss))"))
            {
                writer.Line("return loss;");
            }

            if (training.Backward[0].Derivative is { } derivative)
            {
                writer.Line();
                writer.Line($"// Layer {training.Backward[0].Layer.Number}: dL/dz from dL/da.");
                writer.Line(DerivativeCall(derivative, Code.Row));
            }

            foreach (var step in training.RowBackward)
            {
                var layer = step.Layer;
                var offsets = $"{Literals.Int(layer.WeightOffset)}, {Literals.Int(layer.BiasOffset)}";
                var input = step.Input is null ? "ref x" : Code.Ref(step.Input);
                writer.Line();
                writer.Line($"// {step.Comment}");
                writer.Line(step.InputDelta is { } inputDelta
                    ? $"DenseKernels.BackwardRow(ref parameters[0], {offsets}, {input}, {Code.Ref(step.Delta)}, {Code.Ref(inputDelta)}, {layer.Inputs}, {layer.Outputs}, ref rule, {step.Below});"
                    : $"DenseKernels.BackwardRowWeightsOnly(ref parameters[0], {offsets}, {input}, {Code.Ref(step.Delta)}, {layer.Inputs}, {layer.Outputs}, ref rule);");
            }

            writer.Line();
            writer.Line("return loss;");
        }
    }

    /// <summary>The one-row fused step's forward pass: each layer's one-row kernel, keeping a in scratch.</summary>
    private static void WriteTrainRowForward(SourceWriter writer, TrainingPlan training)
    {
        foreach (var step in training.Forward)
        {
            writer.Line($"// {step.Comment}");
            var rowInput = step.Input is null ? "ref x" : Code.Ref(step.Input);
            writer.Line($"{step.Layer.Kernel}(ref parameters[{Literals.Int(step.Layer.WeightOffset)}], {rowInput}, {Code.Ref(step.Output)});");
            if (step.After is { } after)
            {
                writer.Line($"Activations.{(after.Kind == RowWiseKind.Softmax ? "Softmax" : "Maxout")}({Code.Row(after.Source)}, {Code.Row(after.Target)}, {after.Units});");
            }
        }
    }

    /// <summary><c>Activations.Function(values, da, dz[, extra])</c>, each region as <paramref name="span"/> writes it (a block of rows, or one).</summary>
    private static string DerivativeCall(DerivativeStep derivative, System.Func<Region, string> span)
    {
        var arguments = derivative.Function == "StepBackward"
            ? span(derivative.Result)
            : $"{span(derivative.Values!)}, {span(derivative.Upstream)}, {span(derivative.Result)}" + (derivative.Extra is null ? string.Empty : ", " + derivative.Extra);
        return $"Activations.{derivative.Function}({arguments});";
    }

    private const string RuleConstraint = "    where TRule : struct, global::NetGen.IUpdateRule";

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
            case TrainingForwardKind.RuntimeBlock when step.OneRowKernel:
                using (writer.Block("if (rows == 1)"))
                {
                    writer.Line($"{layer.Kernel}({weights}, {input}, {Code.Ref(step.Output)});");
                }

                using (writer.Block("else"))
                {
                    writer.Line($"DenseKernels.Forward({weights}, {bias}, {input}, {Code.Ref(step.Output)}, {sizes}, {step.Activation});");
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

    private static void WriteBackward(SourceWriter writer, TrainingBackwardStep step, bool first)
    {
        var layer = step.Layer;
        if (!first)
        {
            writer.Line();
        }

        writer.Line($"// {step.Comment}");
        if (step.Derivative is { } derivative)
        {
            writer.Line(DerivativeCall(derivative, Code.Rows));
        }

        var offsets = $"{Literals.Int(layer.WeightOffset)}, {Literals.Int(layer.BiasOffset)}";
        var input = step.Input is null ? "ref x" : Code.Ref(step.Input);
        var sizes = $"{layer.Inputs}, {layer.Outputs}, rows, ref rule";
        writer.Line(step.InputGradient is { } inputGradient
            ? $"DenseKernels.Backward(ref parameters[0], ref target, {offsets}, {input}, {Code.Ref(step.Delta)}, {Code.Ref(inputGradient)}, {sizes});"
            : $"DenseKernels.BackwardWeightsOnly(ref target, {offsets}, {input}, {Code.Ref(step.Delta)}, {sizes});");
    }
}
