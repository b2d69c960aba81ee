using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// Decides the training passes: what each layer keeps in scratch (the activations a, and the pre-activations z only
/// where a derivative or a loss needs them), which kernel computes a block of rows, the loss call, and each
/// layer's derivative from the value it is a function of.
/// </summary>
internal static class TrainingPlanner
{
    /// <summary>
    /// Rows a block holds at most: BackwardBatch's block, whose products reuse every loaded weight for each row, and
    /// the largest batch a training step fuses. Twice the Trainer's default batch: a thread's share of a large batch
    /// passes over the weights and their gradients half as often as in blocks of 32, and dW's tiles sum twice the
    /// rows for each time they read and write their weights.
    /// </summary>
    public const int MaxRowBlock = 64;

    /// <summary>The fewest rows a block holds, however wide the layers.</summary>
    private const int MinRowBlock = 4;

    /// <summary>Floats of scratch (4 MB) past which blocks get fewer rows.</summary>
    private const long ScratchBudget = 1L << 20;

    /// <summary>
    /// Layers with at most this many weights (4 KB) run their generated one-row kernel — written out completely at
    /// this size — once per row of a block; larger ones gain more from the block kernel's reuse of every weight.
    /// </summary>
    private const long RepeatedKernelWeights = 1024;

    public static TrainingPlan Plan(NetworkSpec spec, EquatableArray<LayerPlan> layers)
    {
        var perRow = new ScratchAllocator(1);
        foreach (var layer in spec.Layers)
        {
            Allocate(perRow, spec, layer);
        }

        var rowBlock = MaxRowBlock;
        while (rowBlock > MinRowBlock && rowBlock * perRow.Length > ScratchBudget)
        {
            rowBlock /= 2;
        }

        var scratch = new ScratchAllocator(rowBlock);
        var regions = spec.Layers.Select(layer => Allocate(scratch, spec, layer)).ToList();
        var forward = spec.Layers.Select(layer => Forward(layer, layers[layer.Index], regions)).ToEquatableArray();
        var backward = new List<TrainingBackwardStep>(spec.Layers.Count);
        for (var index = spec.Layers.Count - 1; index >= 0; index--)
        {
            var layer = spec.Layers[index];
            var own = regions[index];
            var previous = index > 0 ? regions[index - 1] : null;
            var inputGradient = index > 0 ? previous!.Da : null;
            var what = index > 0 ? "dW, db and the input's gradient" : "dW and db";
            backward.Add(new TrainingBackwardStep(
                $"Layer {layer.Number}: {what}.",
                layers[index],
                FusesLoss(spec, layer) ? null : Derivative(layer, own),
                previous?.A,
                own.Dz,
                inputGradient));
        }

        return new TrainingPlan(rowBlock, scratch.Length, spec.Type.Type.Name + "TrainingPass", forward, Loss(spec, regions[regions.Count - 1]), backward.ToEquatableArray(),
            RowBackward(spec, forward, backward, regions));
    }

    /// <summary>
    /// The one-row step's backward layers, when the network is small enough that every layer repeats its one-row kernel
    /// and each hidden layer's derivative can be taken from a, where the layer above reads it as its input; else empty.
    /// </summary>
    private static EquatableArray<RowBackwardStep> RowBackward(NetworkSpec spec, EquatableArray<TrainingForwardStep> forward, List<TrainingBackwardStep> backward,
        List<LayerRegions> regions)
    {
        var hidden = spec.Layers.Take(spec.Layers.Count - 1);
        if (forward.Any(step => step.Kind != TrainingForwardKind.RepeatRowKernel)
            || spec.Layers.Any(layer => layer.IsMaxout)
            || hidden.Any(layer => layer.Activation is not (ActivationKind.Identity or ActivationKind.Tanh or ActivationKind.Sigmoid or ActivationKind.ReLU)))
        {
            return EquatableArray<RowBackwardStep>.Empty;
        }

        return backward.Select(step =>
        {
            var index = step.Layer.Number - 1;
            var below = index > 0 ? spec.Layers[index - 1] : null;
            var what = below is null ? "dW and db into the parameters" : $"dW and db into the parameters, and layer {below.Number}'s δ";
            return new RowBackwardStep($"Layer {step.Layer.Number}: {what}.", step.Layer, step.Input, step.Delta, below is null ? null : regions[index - 1].Dz,
                below is null ? null : ActivationNames.Struct(below.Activation, below.Alpha));
        }).ToEquatableArray();
    }

    /// <summary>The regions of one layer; a region a layer does not need is null.</summary>
    private sealed record LayerRegions(Region? Z, Region? A, Region Dz, Region? Da);

    private sealed class ScratchAllocator(int rows)
    {
        public long Length { get; private set; }

        public Region Take(int width)
        {
            var region = new Region(Length, width);
            Length += (long)rows * width;
            return region;
        }
    }

    private static LayerRegions Allocate(ScratchAllocator scratch, NetworkSpec spec, LayerSpec layer)
    {
        var isOutput = layer.Index == spec.Layers.Count - 1;
        var logitsLoss = isOutput && spec.Loss == LossKind.BinaryCrossEntropy && layer.Activation == ActivationKind.Sigmoid && !layer.IsMaxout;
        var z = layer.IsMaxout || layer.Activation == ActivationKind.Softmax || NeedsPreActivations(layer) || logitsLoss
            ? scratch.Take(layer.AffineOutputs)
            : null;
        var a = logitsLoss ? null : scratch.Take(layer.Units);
        var dz = scratch.Take(layer.AffineOutputs);
        var identity = !layer.IsMaxout && layer.Activation == ActivationKind.Identity;
        var da = identity ? dz : isOutput && FusesLoss(spec, layer) ? null : scratch.Take(layer.Units);
        return new LayerRegions(z, a, dz, da);
    }

    /// <summary>Whether the activation's derivative is not a function of a alone.</summary>
    private static bool NeedsPreActivations(LayerSpec layer) => !layer.IsMaxout && (layer.Activation is ActivationKind.Swish or ActivationKind.Mish
        || (layer.Activation is ActivationKind.LeakyReLU or ActivationKind.ELU && layer.Alpha < 0f));

    /// <summary>Whether the loss gives dL/dz itself: cross-entropy after Softmax, binary cross-entropy after Sigmoid.</summary>
    private static bool FusesLoss(NetworkSpec spec, LayerSpec layer) =>
        layer.Index == spec.Layers.Count - 1 && !layer.IsMaxout
        && ((spec.Loss == LossKind.CrossEntropy && layer.Activation == ActivationKind.Softmax)
            || (spec.Loss == LossKind.BinaryCrossEntropy && layer.Activation == ActivationKind.Sigmoid));

    private static TrainingForwardStep Forward(LayerSpec layer, LayerPlan plan, List<LayerRegions> regions)
    {
        var own = regions[layer.Index];
        var input = layer.Index > 0 ? regions[layer.Index - 1].A : null;
        var kernelActivation = NetworkPlanner.KernelActivation(layer);
        if (own.A is null)
        {
            // Binary cross-entropy takes the logits: the sigmoid is left to the loss.
            return new TrainingForwardStep($"Layer {layer.Number}: {layer.Describe()}, keeping the logits z.", plan, TrainingForwardKind.RuntimeBlock,
                input, own.Z!, null, ActivationKind.Identity, ActivationNames.Struct(ActivationKind.Identity, 0f), null, OneRowKernel: false);
        }

        var activation = ActivationNames.Struct(kernelActivation, layer.Alpha);
        if (NeedsPreActivations(layer))
        {
            return new TrainingForwardStep($"Layer {layer.Number}: {layer.Describe()}, keeping z and a.", plan, TrainingForwardKind.RuntimeBlockKeepingPreActivations,
                input, own.A, own.Z, kernelActivation, activation, null, OneRowKernel: false);
        }

        var rowWise = layer.IsMaxout || layer.Activation == ActivationKind.Softmax;
        var output = rowWise ? own.Z! : own.A;
        var kind = layer.WeightCount <= RepeatedKernelWeights ? TrainingForwardKind.RepeatRowKernel : TrainingForwardKind.RuntimeBlock;
        var after = rowWise ? new TrainingRowWise(layer.IsMaxout ? RowWiseKind.Maxout : RowWiseKind.Softmax, own.Z!, own.A, layer.Units) : null;
        var keeps = rowWise ? "keeping z and a" : "keeping a";
        // One row of a large layer takes its generated kernel, written for one row, over the block kernel.
        return new TrainingForwardStep($"Layer {layer.Number}: {layer.Describe()}, {keeps}.", plan, kind, input, output, null, kernelActivation, activation, after,
            OneRowKernel: kind == TrainingForwardKind.RuntimeBlock);
    }

    private static LossStep Loss(NetworkSpec spec, LayerRegions output)
    {
        var layer = spec.OutputLayer;
        if (FusesLoss(spec, layer))
        {
            return layer.Activation == ActivationKind.Softmax
                ? new LossStep("Cross-entropy fused with Softmax: dL/dz = y − t.", "SoftmaxCrossEntropy",
                    Arguments(output.Z, output.A, null), output.Dz, layer.Units)
                : new LossStep("Binary cross-entropy from the logits: dL/dz = (σ(z) − t) / O.", "BinaryCrossEntropyWithLogits",
                    Arguments(output.Z, null), output.Dz, layer.Units);
        }

        var function = spec.Loss switch
        {
            LossKind.BinaryCrossEntropy => "BinaryCrossEntropy",
            LossKind.CrossEntropy => "CrossEntropy",
            _ => "MeanSquaredError",
        };
        return new LossStep($"{spec.Loss} and its gradient with respect to the outputs.", function,
            Arguments(output.A, null), output.Da!, layer.Units);
    }

    private static EquatableArray<LossArgument> Arguments(params Region?[] regions) =>
        regions.Select(region => new LossArgument(region)).ToEquatableArray();

    /// <summary>dL/dz from dL/da, from whichever stored value the derivative is a function of; null for the identity.</summary>
    private static DerivativeStep? Derivative(LayerSpec layer, LayerRegions regions)
    {
        var da = regions.Da!;
        var dz = regions.Dz;
        if (layer.IsMaxout)
        {
            return new DerivativeStep("MaxoutBackward", regions.Z, da, dz, Literals.Int(layer.Units));
        }

        var alpha = Literals.Float(layer.Alpha);
        return layer.Activation switch
        {
            ActivationKind.Identity => null,
            ActivationKind.Step => new DerivativeStep("StepBackward", null, da, dz, null),
            ActivationKind.Softmax => new DerivativeStep("SoftmaxBackward", regions.A, da, dz, Literals.Int(layer.Units)),
            ActivationKind.Swish or ActivationKind.Mish => new DerivativeStep(ActivationNames.Of(layer.Activation) + "Backward", regions.Z, da, dz, null),
            ActivationKind.LeakyReLU => new DerivativeStep("LeakyReluBackward", layer.Alpha < 0f ? regions.Z : regions.A, da, dz, alpha),
            ActivationKind.ELU => layer.Alpha < 0f
                ? new DerivativeStep("EluBackwardFromPreActivations", regions.Z, da, dz, alpha)
                : new DerivativeStep("EluBackward", regions.A, da, dz, alpha),
            _ => new DerivativeStep(ActivationNames.Of(layer.Activation) + "Backward", regions.A, da, dz, null),
        };
    }
}
