using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// Backward, BackwardBatch and the fused TrainStep: blocks of up to <see cref="RowBlock"/> rows, each a forward pass
/// that keeps what the backward pass needs in the instance's scratch, the loss and its gradient, then the chain rule
/// layer by layer, every dW and db handed to an update rule (the gradients' sum, or an optimizer's step).
/// </summary>
/// <param name="RowBlock">Rows the scratch holds: BackwardBatch's block, and the largest batch TrainStepBatch fuses.</param>
/// <param name="ScratchLength">Floats of the instance's scratch array.</param>
/// <param name="Pass">The file-local struct beside the kernels class through which an optimizer runs the fused step.</param>
/// <param name="RowBackward">
/// The fused step's own path for one row, layer by layer from the output, each layer's kernel handing the layer below
/// its δ: empty unless every layer runs its one-row kernel and every hidden activation's derivative is a function of a.
/// </param>
internal sealed record TrainingPlan(
    int RowBlock,
    long ScratchLength,
    string Pass,
    EquatableArray<TrainingForwardStep> Forward,
    LossStep Loss,
    EquatableArray<TrainingBackwardStep> Backward,
    EquatableArray<RowBackwardStep> RowBackward);

/// <summary>A region of the scratch array: <see cref="Width"/> floats per row, for a block of rows from <see cref="Offset"/>.</summary>
internal sealed record Region(long Offset, int Width);

internal enum TrainingForwardKind
{
    /// <summary>The generated one-row kernel, once per row of the block (small layers: their weights stay in L1).</summary>
    RepeatRowKernel,

    /// <summary>The runtime's block kernel, which loads each weight once for up to four rows.</summary>
    RuntimeBlock,

    /// <summary>The runtime's block kernel keeping the pre-activations too, for derivatives and losses that need them.</summary>
    RuntimeBlockKeepingPreActivations,
}

/// <summary>One layer's forward pass while training.</summary>
/// <param name="Input">The layer's input: null for the network's input rows.</param>
/// <param name="Output">Where the kernel writes (a, or z for Softmax and Maxout, whose row-wise step follows).</param>
/// <param name="PreActivations">Where the pre-activations go too (RuntimeBlockKeepingPreActivations only).</param>
/// <param name="Activation">The activation the kernel applies, as a runtime struct value (runtime kinds).</param>
/// <param name="After">Softmax or Maxout from z to a, or null.</param>
/// <param name="OneRowKernel">Whether a single row runs the layer's generated one-row kernel instead (it computes the same output).</param>
internal sealed record TrainingForwardStep(
    string Comment,
    LayerPlan Layer,
    TrainingForwardKind Kind,
    Region? Input,
    Region Output,
    Region? PreActivations,
    ActivationKind ActivationKind,
    string Activation,
    TrainingRowWise? After,
    bool OneRowKernel);

/// <summary>Softmax or Maxout over each row of a block, from z to a.</summary>
internal sealed record TrainingRowWise(RowWiseKind Kind, Region Source, Region Target, int Units);

/// <summary>The loss over the block and its gradient: <c>Losses.Function(arguments…, gradient, scale, width)</c>.</summary>
internal sealed record LossStep(string Comment, string Function, EquatableArray<LossArgument> Arguments, Region Gradient, int Width);

/// <summary>A scratch region, or the targets where <see cref="Scratch"/> is null.</summary>
internal sealed record LossArgument(Region? Scratch);

/// <summary>
/// One layer's backward pass: the activation's derivative turns dL/da into dL/dz (unless the loss gave dz, or the
/// activation is the identity), then the kernel adds dW and db and writes the input gradient.
/// </summary>
/// <param name="Derivative">The derivative call, or null.</param>
/// <param name="Input">The layer's input: null for the network's input rows.</param>
/// <param name="InputGradient">Where dL/dx goes: the previous layer's dL/da, or null for the first layer.</param>
internal sealed record TrainingBackwardStep(
    string Comment,
    LayerPlan Layer,
    DerivativeStep? Derivative,
    Region? Input,
    Region Delta,
    Region? InputGradient);

/// <summary><c>Activations.Function(values, da, dz[, Alpha])</c>, or for Softmax and Maxout with the row width last.</summary>
/// <param name="Values">The stored values the derivative is a function of (a or z); null for Step, which has none.</param>
internal sealed record DerivativeStep(string Function, Region? Values, Region Upstream, Region Result, string? Extra);

/// <summary>
/// One layer's backward pass in the one-row fused step: <c>DenseKernels.BackwardRow</c>, or <c>BackwardRowWeightsOnly</c>
/// for the first layer (<see cref="InputDelta"/> null).
/// </summary>
/// <param name="Input">The layer's input: null for the network's input row.</param>
/// <param name="Delta">The layer's δ, from the loss (and the output's derivative) or from the layer above.</param>
/// <param name="InputDelta">Where the layer below's δ goes.</param>
/// <param name="Below">The layer below's activation struct, whose derivative the kernel applies.</param>
internal sealed record RowBackwardStep(string Comment, LayerPlan Layer, Region? Input, Region Delta, Region? InputDelta, string? Below);
