using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NetGen.Generator.Emit;
using NetGen.Generator.Model;
using NetGen.Generator.Weights;

namespace NetGen.Generator.Planning;

/// <summary>Turns a valid spec and the target's features into the plan that the writers print.</summary>
internal static class NetworkPlanner
{
    public static NetworkPlan Plan(NetworkSpec spec, TargetFeatures features)
    {
        var layers = spec.Layers.Select(Layer).ToEquatableArray();
        var training = TrainingPlanner.Plan(spec, layers);
        var row = RowChain(spec, layers);
        var rowInRegisters = RowInRegisters(spec, layers);
        return new NetworkPlan(
            spec.Type,
            KernelsClass(spec.Type),
            GeneratorVersion.Current,
            features.FusedMultiplyAdd,
            spec.Inputs,
            spec.Outputs,
            spec.ParameterCount,
            spec.Loss,
            Summary(spec, training),
            string.Join(", ", spec.Layers.Select(l => $"layer {l.Number} {l.AffineOutputs}×{l.Inputs} + {l.AffineOutputs}")),
            Aliases(spec, layers, training, rowInRegisters),
            layers,
            row,
            rowInRegisters,
            KeptInRegisters(rowInRegisters, training),
            spec.Type.Type.Name + "RowForward",
            training,
            Architecture(spec),
            spec.WeightsFile);
    }

    private static LayerPlan Layer(LayerSpec layer)
    {
        var activation = KernelActivation(layer);
        var inline = activation == ActivationKind.Identity
            ? null
            : new InlineActivation("VectorMath." + ActivationNames.Of(activation), ActivationNames.TakesAlpha(activation) ? Literals.Float(layer.Alpha) : null);
        var formula = layer.IsMaxout ? "z = W·x + b, one row of pieces"
            : activation == ActivationKind.Identity ? "z = W·x + b"
            : $"a = {layer.Activation}(W·x + b)";
        var (rule, sigma) = layer.UsesHeInitialization
            ? ($"He, σ = √(2 / {layer.Inputs})", Math.Sqrt(2.0 / layer.Inputs))
            : ($"Glorot, σ = √(2 / ({layer.Inputs} + {layer.Units}))", Math.Sqrt(2.0 / (layer.Inputs + layer.Units)));
        return new LayerPlan(
            layer.Number,
            layer.Describe(),
            layer.Inputs,
            layer.AffineOutputs,
            layer.Units,
            layer.ParameterOffset,
            layer.WeightCount,
            layer.BiasOffset,
            $"Layer{layer.Number}",
            formula,
            ActivationNames.Struct(activation, layer.Alpha),
            inline,
            RowKernelPlanner.Plan(layer.Inputs, layer.AffineOutputs),
            new InitializationPlan(rule, Literals.Float((float)sigma)));
    }

    private static RowChainPlan RowChain(NetworkSpec spec, EquatableArray<LayerPlan> layers)
    {
        var hidden = spec.Layers.Take(spec.Layers.Count - 1).ToList();
        var widest = hidden.Count == 0 ? 0 : hidden.Max(l => l.Units);
        var hiddenLength = hidden.Count > 1 ? 2 * widest : widest;
        var piecesLength = spec.Layers.Where(l => l.IsMaxout).Select(l => l.AffineOutputs).DefaultIfEmpty(0).Max();
        var steps = new List<RowStep>(layers.Count);
        var input = new BufferRef("input", 0, spec.Inputs);
        foreach (var layer in spec.Layers)
        {
            var plan = layers[layer.Index];
            var activations = layer.Index == spec.Layers.Count - 1
                ? new BufferRef("output", 0, layer.Units)
                : new BufferRef("hidden", layer.Index % 2 == 0 ? 0 : widest, layer.Units);
            RowStep step;
            if (layer.IsMaxout)
            {
                var pieces = new BufferRef("pieces", 0, layer.AffineOutputs);
                step = new RowStep($"Layer {layer.Number}: {layer.Describe()}.", plan.Kernel, plan.WeightOffset, input, pieces, new RowWiseStep(RowWiseKind.Maxout, pieces, activations, layer.Units));
            }
            else
            {
                var softmax = layer.Activation == ActivationKind.Softmax ? new RowWiseStep(RowWiseKind.Softmax, activations, activations, layer.Units) : null;
                step = new RowStep($"Layer {layer.Number}: {layer.Describe()}.", plan.Kernel, plan.WeightOffset, input, activations, softmax);
            }

            steps.Add(step);
            input = activations;
        }

        return new RowChainPlan(hiddenLength, piecesLength, steps.ToEquatableArray());
    }

    /// <summary>
    /// The one-row forward in registers, for networks of two or more dense layers whose every input and output fits one
    /// or two vectors of 8 (N1, 4-16-16-2, so generated runs 0.81–0.89× the chain on Zen 4 with 32 registers, and
    /// 0.83–0.94× on Zen 3 with 16, where some of its values spill): a first layer of 4 inputs packed two rows to a
    /// vector or of 8 or 16 inputs, hidden layers of 8 or 16 units, a last layer of 8 or 16 outputs or of 1 to 3. No
    /// Maxout or Softmax, which work on rows in memory. Null for any other network.
    /// </summary>
    private static RegisterRowPlan? RowInRegisters(NetworkSpec spec, EquatableArray<LayerPlan> layers)
    {
        if (spec.Layers.Count < 2)
        {
            return null;
        }

        var inputs = spec.Inputs is 8 or 16 ? Vectors("x", spec.Inputs) : EquatableArray<string>.Empty;
        var input = inputs;
        var planned = new List<RegisterLayerPlan>(layers.Count);
        foreach (var layer in spec.Layers)
        {
            var plan = layers[layer.Index];
            var last = layer.Index == spec.Layers.Count - 1;
            var packed = plan.Paths.Any(path => path.Width == 8 && path.Packed);
            var fits = !layer.IsMaxout && layer.Activation != ActivationKind.Softmax
                && (packed ? layer.Index == 0 && layer.Inputs == 4 : input.Count > 0)
                && (layer.Units is 8 or 16 || (last && layer.Units <= 3));
            if (!fits)
            {
                return null;
            }

            var output = last ? EquatableArray<string>.Empty : Vectors($"a{layer.Number}", layer.Units);
            // A hidden layer of 16 on inputs in registers activates its two tiles as one vector of 16: half the
            // activation's instructions. Not the packed first layer, where it measured slower (N1: 1.02x, 0.97x for
            // the second layer alone).
            var joined = !last && !packed && layer.Units == 16 && plan.Inline is not null ? $"a{layer.Number}" : null;
            planned.Add(new RegisterLayerPlan($"Layer {layer.Number}: {layer.Describe()}.", plan.WeightOffset, plan.BiasOffset,
                layer.Inputs, layer.Units, packed, plan.Inline, input, output, joined, plan.Activation));
            input = output;
        }

        return new RegisterRowPlan(inputs, planned.ToEquatableArray());
    }

    /// <summary>
    /// Where the one-row fused step's forward in registers keeps each layer's a (the last layer's output) in scratch:
    /// the training pass's own regions, so its backward kernels read them as they read the one-row kernels' outputs.
    /// Its one-row kernels through memory took 40 % of N1's step on Zen 4, the forward in registers about half as long.
    /// Empty unless the network has both the forward in registers and the one-row fused step.
    /// </summary>
    private static EquatableArray<long> KeptInRegisters(RegisterRowPlan? inRegisters, TrainingPlan training) =>
        inRegisters is null || training.RowBackward.Count == 0
            ? EquatableArray<long>.Empty
            : training.Forward.Select(step => step.Output.Offset).ToEquatableArray();

    /// <summary>Names of the vectors of 8 that hold <paramref name="count"/> values: <c>a1_0</c>, <c>a1_8</c>.</summary>
    private static EquatableArray<string> Vectors(string prefix, int count) =>
        Enumerable.Range(0, count / 8).Select(v => $"{prefix}_{v * 8}").ToEquatableArray();

    private static ArchitecturePlan Architecture(NetworkSpec spec) => new(
        WeightLayouts.From(spec).Architecture,
        spec.Inputs,
        spec.Layers.Select(layer => new LayerDescriptionPlan(
            layer.IsMaxout,
            layer.Inputs,
            layer.Units,
            layer.Pieces,
            layer.Activation.ToString(),
            !layer.IsMaxout && layer.Activation is ActivationKind.LeakyReLU or ActivationKind.ELU ? Literals.Float(layer.Alpha) : null)).ToEquatableArray());

    private static EquatableArray<string> Summary(NetworkSpec spec, TrainingPlan training)
    {
        var layers = string.Join(" → ", spec.Layers.Select(l => l.IsMaxout ? $"Maxout {l.Units} × {l.Pieces}" : $"Dense {l.Units} ({l.Activation})"));
        var flops = spec.Layers.Sum(l => 2L * l.Inputs * l.AffineOutputs);
        return new[]
        {
            $"A NetGen network: {spec.Inputs} inputs → {layers}; {spec.Loss} loss.",
            $"{Count(spec.ParameterCount)} parameters ({Count(4 * spec.ParameterCount)} bytes, and as many for their gradients);"
                + $" {Count(flops)} FLOPs per row forward; {Count(4 * training.ScratchLength)} bytes of training scratch.",
        }.ToEquatableArray();
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static EquatableArray<string> Aliases(NetworkSpec spec, EquatableArray<LayerPlan> layers, TrainingPlan training, RegisterRowPlan? inRegisters)
    {
        var vectors = new SortedSet<string>(StringComparer.Ordinal);
        var rowMath = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (layer, path) in layers.SelectMany(l => l.Paths.Select(path => (l, path))))
        {
            vectors.Add(path.Guard);
            vectors.UnionWith(path.Repeats.Select(RowKernelPlanner.VectorClass));
            if (path.TailMask is not null)
            {
                vectors.Add(path.Vector);
            }

            rowMath.Add(path.Math);
            if (path.Packed || path.Reduced)
            {
                // The packed path's narrow input; a reduced tile's bias and outputs.
                rowMath.Add(RowKernelPlanner.MathClass(path.Packed ? layer.Inputs : path.Tile));
            }
        }

        var functions = new SortedSet<string>(StringComparer.Ordinal);
        functions.UnionWith(spec.Layers.Select(l => ActivationNames.StructName(KernelActivation(l))));
        functions.UnionWith(training.Forward.Select(step => ActivationNames.StructName(step.ActivationKind)));
        var aliases = new List<string>
        {
            "using Activations = global::NetGen.Kernels.Activations;",
            "using DenseKernels = global::NetGen.Kernels.DenseKernels;",
            "using GradientSum = global::NetGen.Kernels.GradientSum;",
        };
        if (inRegisters is not null)
        {
            vectors.Add("Vector256");
            if (inRegisters.Layers.Any(l => l.Joined is not null))
            {
                rowMath.Add("RowMath512");
            }
        }

        aliases.Add("using Losses = global::NetGen.Kernels.Losses;");
        aliases.Add("using MemoryMarshal = global::System.Runtime.InteropServices.MemoryMarshal;");
        aliases.AddRange(rowMath.Select(m => $"using {m} = global::NetGen.Kernels.{m};"));
        aliases.Add("using Unsafe = global::System.Runtime.CompilerServices.Unsafe;");
        aliases.AddRange(vectors.Select(v => $"using {v} = global::System.Runtime.Intrinsics.{v};"));
        if (layers.Any(l => l.Inline is not null && l.Paths.Count > 0))
        {
            aliases.Add("using VectorMath = global::NetGen.Kernels.VectorMath;");
        }

        aliases.AddRange(functions.Select(f => $"using {f} = global::NetGen.Kernels.{f};"));
        return aliases.ToEquatableArray();
    }

    /// <summary>The activation a layer's kernels apply: its own, or none for Softmax and Maxout, which follow as row-wise steps.</summary>
    public static ActivationKind KernelActivation(LayerSpec layer) =>
        layer.IsMaxout || layer.Activation == ActivationKind.Softmax ? ActivationKind.Identity : layer.Activation;

    /// <summary>
    /// The kernels class's name, unique in the compilation: the network's full name with <c>_</c> for each dot (and
    /// for the backtick of a generic containing type's arity), an underscore of its own doubled, then
    /// <c>Kernels</c>; <c>NetworkKernels</c> where that would be one of the runtime classes it calls.
    /// </summary>
    private static string KernelsClass(TypeHierarchy type)
    {
        var name = new StringBuilder();
        foreach (var c in type.FlatName)
        {
            name.Append(c switch
            {
                '_' => "__",
                '.' or '`' => "_",
                _ => c.ToString(),
            });
        }

        var flat = name.ToString();
        return flat is "Dense" or "Column" ? flat + "NetworkKernels" : flat + "Kernels";
    }
}
