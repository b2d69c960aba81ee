using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits <c>Backward</c>, <c>BackwardBatch</c> and <c>ZeroGradients</c>: a forward pass that keeps every layer's
/// values in the instance's scratch, the loss's gradient at the output, then the chain rule layer by layer.
/// </summary>
internal static class BackwardEmitter
{
    /// <summary>Rows BackwardBatch computes at once, reusing every loaded weight and gradient for each.</summary>
    public const int RowBlock = 4;

    /// <summary>The public members: scratch storage, argument checks, then the kernels class.</summary>
    public static void EmitPublic(SourceWriter writer, NetworkSpec spec, string kernels)
    {
        writer.Line($"/// <summary>Adds the gradient of one sample's {spec.Loss} loss to <see cref=\"Gradients\"/> and returns the loss. Uses the instance's scratch: one thread at a time.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length is not InputSize or OutputSize.</exception>");
        using (writer.Block($"public float Backward({Code.ReadOnlySpan} input, {Code.ReadOnlySpan} target)"))
        {
            writer.Line($"if (input.Length != InputSize) {Code.Guard}.ThrowWrongLength(nameof(input), InputSize, input.Length, \"inputs\");");
            writer.Line($"if (target.Length != OutputSize) {Code.Guard}.ThrowWrongLength(nameof(target), OutputSize, target.Length, \"targets\");");
            writer.Line($"return {kernels}.Backward(_parameters, _gradients, _scratch, input, target, 1);");
        }

        writer.Line();
        writer.Line($"/// <summary>Adds the gradient of the batch's mean {spec.Loss} loss to <see cref=\"Gradients\"/> and returns the mean loss. Uses the instance's scratch: one thread at a time.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">The spans do not hold the same whole, non-zero number of rows.</exception>");
        using (writer.Block($"public float BackwardBatch({Code.ReadOnlySpan} inputs, {Code.ReadOnlySpan} targets)"))
        {
            writer.Line("var rows = inputs.Length / InputSize;");
            writer.Line($"if (inputs.Length % InputSize != 0 || rows == 0) {Code.Guard}.ThrowNotWholeRows(nameof(inputs), inputs.Length, InputSize, \"inputs\");");
            writer.Line($"if (targets.Length != rows * OutputSize) {Code.Guard}.ThrowWrongLength(nameof(targets), rows * OutputSize, targets.Length, \"targets for \" + rows + \" rows\");");
            writer.Line($"return {kernels}.Backward(_parameters, _gradients, _scratch, inputs, targets, rows);");
        }

        writer.Line();
        writer.Line("/// <summary>Sets every gradient to 0.</summary>");
        writer.Line("public void ZeroGradients() => global::System.Array.Clear(_gradients);");
    }

    /// <summary>The kernels class's backward entry point and the chains for one row and for a block of rows.</summary>
    public static void EmitKernels(SourceWriter writer, NetworkSpec spec)
    {
        var layout = new ScratchLayout(spec);
        const int block = RowBlock;
        writer.Line();
        writer.Line("/// <summary>Backpropagates the rows, adding the gradient of their mean loss; returns the mean loss.</summary>");
        using (writer.Block($"public static float Backward(float[] parameters, float[] gradients, float[] scratch, {Code.ReadOnlySpan} inputs, {Code.ReadOnlySpan} targets, int rows)"))
        {
            writer.Line("var scale = 1f / rows;");
            writer.Line("var total = 0f;");
            writer.Line("var row = 0;");
            using (writer.Block($"for (; row + {block} <= rows; row += {block})"))
            {
                writer.Line($"total += BackwardRows{block}(parameters, gradients, scratch, inputs.Slice(row * {spec.Inputs}, {block * spec.Inputs}), targets.Slice(row * {spec.Outputs}, {block * spec.Outputs}), scale);");
            }

            writer.Line();
            using (writer.Block("for (; row < rows; row++)"))
            {
                writer.Line($"total += BackwardRows(parameters, gradients, scratch, inputs.Slice(row * {spec.Inputs}, {spec.Inputs}), targets.Slice(row * {spec.Outputs}, {spec.Outputs}), scale);");
            }

            writer.Line();
            writer.Line("return total * scale;");
        }

        EmitRows(writer, spec, layout, 1);
        EmitRows(writer, spec, layout, block);
    }

    private static void EmitRows(SourceWriter writer, NetworkSpec spec, ScratchLayout layout, int rows)
    {
        var name = rows == 1 ? "BackwardRows" : $"BackwardRows{rows}";
        writer.Line();
        writer.Line($"/// <summary>Backpropagates {(rows == 1 ? "one row" : rows + " rows")}, adding <paramref name=\"scale\"/> times the gradient; returns the rows' summed loss.</summary>");
        using (writer.Block($"private static float {name}(float[] parameterArray, float[] gradientArray, {Code.Span} scratch, {Code.ReadOnlySpan} input, {Code.ReadOnlySpan} target, float scale)"))
        {
            writer.Line($"ref float parameters = ref {Code.MemoryMarshal}.GetArrayDataReference(parameterArray);");
            writer.Line($"ref float gradients = ref {Code.MemoryMarshal}.GetArrayDataReference(gradientArray);");
            EmitForward(writer, spec, layout, rows);
            writer.Line();
            EmitLoss(writer, spec, layout, rows);
            for (var index = spec.Layers.Count - 1; index >= 0; index--)
            {
                var layer = spec.Layers[index];
                writer.Line();
                writer.Line($"// Layer {layer.Number}: gradients of W and b{(index > 0 ? ", and of the layer's input" : string.Empty)}.");
                var input = index == 0 ? "input" : layout.Slice(spec.Layers[index - 1], "a", rows);
                if (index > 0)
                {
                    writer.Line($"{layout.Slice(spec.Layers[index - 1], "da", rows)}.Clear();");
                }

                var inputGradient = index == 0 ? string.Empty : $", ref {Ref(layout.Slice(spec.Layers[index - 1], "da", rows))}";
                writer.Line($"{BackwardKernelsEmitter.KernelName(layer, rows)}(ref parameters, ref gradients, ref {Ref(input)}, ref {Ref(layout.Slice(layer, "dz", rows))}{inputGradient});");
                if (index > 0)
                {
                    EmitActivationBackward(writer, spec.Layers[index - 1], layout, rows);
                }
            }

            writer.Line();
            writer.Line("return loss;");
        }
    }

    private static void EmitForward(SourceWriter writer, NetworkSpec spec, ScratchLayout layout, int rows)
    {
        var previous = "input";
        foreach (var layer in spec.Layers)
        {
            var z = layout.Slice(layer, "z", rows);
            var a = layout.Slice(layer, "a", rows);
            writer.Line($"// Layer {layer.Number}: {layer.Describe()}, keeping z and a.");
            var inline = ActivationCalls.Inline(layer, "z") is not null;
            writer.Line($"{AffineEmitter.KernelName(layer, rows)}(ref parameters, ref {Ref(previous)}, ref {Ref(z)}, ref {Ref(inline ? a : z)});");
            if (ActivationCalls.RowWise(layer, z, a) is { } call)
            {
                if (ActivationCalls.InPlace(layer))
                {
                    writer.Line($"{z}.CopyTo({a});");
                }

                writer.Line(call);
            }

            previous = a;
        }
    }

    /// <summary>The loss of the output and its gradient with respect to the output layer's pre-activations.</summary>
    private static void EmitLoss(SourceWriter writer, NetworkSpec spec, ScratchLayout layout, int rows)
    {
        var output = spec.OutputLayer;
        var z = layout.Slice(output, "z", rows);
        var a = layout.Slice(output, "a", rows);
        var dz = layout.Slice(output, "dz", rows);
        var da = layout.Slice(output, "da", rows);
        var losses = Code.Losses;
        var activation = output.IsMaxout ? (ActivationKind?)null : output.Activation;
        if (spec.Loss == LossKind.CrossEntropy && activation == ActivationKind.Softmax)
        {
            writer.Line("// Cross-entropy fused with softmax: dL/dz = y − t.");
            writer.Line($"var loss = {losses}.SoftmaxCrossEntropy({z}, {a}, target, {dz}, scale, {output.Units});");
            return;
        }

        if (spec.Loss == LossKind.BinaryCrossEntropy && activation == ActivationKind.Sigmoid)
        {
            writer.Line("// Binary cross-entropy computed from the logits: dL/dz = (σ(z) − t) / O.");
            writer.Line($"var loss = {losses}.BinaryCrossEntropyWithLogits({z}, target, {dz}, scale, {output.Units});");
            return;
        }

        var function = spec.Loss switch
        {
            LossKind.BinaryCrossEntropy => "BinaryCrossEntropy",
            LossKind.CrossEntropy => "CrossEntropy",
            _ => "MeanSquaredError",
        };
        var identity = activation == ActivationKind.Identity;
        writer.Line($"// {spec.Loss} and its gradient with respect to the outputs.");
        writer.Line($"var loss = {losses}.{function}({a}, target, {(identity ? dz : da)}, scale, {output.Units});");
        if (!identity)
        {
            EmitActivationBackward(writer, output, layout, rows);
        }
    }

    /// <summary>dL/dz from dL/da through the layer's activation (or routed to Maxout's winning pieces).</summary>
    private static void EmitActivationBackward(SourceWriter writer, LayerSpec layer, ScratchLayout layout, int rows)
    {
        var z = layout.Slice(layer, "z", rows);
        var a = layout.Slice(layer, "a", rows);
        var dz = layout.Slice(layer, "dz", rows);
        var da = layout.Slice(layer, "da", rows);
        if (layer.IsMaxout)
        {
            writer.Line($"{Code.Activations}.MaxoutBackward({z}, {da}, {dz}, {layer.Units});");
            return;
        }

        var alpha = Literals.Float(layer.Alpha);
        var call = layer.Activation switch
        {
            ActivationKind.Identity => $"{da}.CopyTo({dz});",
            ActivationKind.Softmax => $"{Code.Activations}.SoftmaxBackward({a}, {da}, {dz}, {layer.Units});",
            ActivationKind.LeakyReLU or ActivationKind.ELU => $"{Code.Activations}.{ActivationCalls.Name(layer.Activation)}Backward({z}, {a}, {da}, {dz}, {alpha});",
            _ => $"{Code.Activations}.{ActivationCalls.Name(layer.Activation)}Backward({z}, {a}, {da}, {dz});",
        };
        writer.Line(call);
    }

    private static string Ref(string span) => $"{Code.MemoryMarshal}.GetReference({span})";
}
