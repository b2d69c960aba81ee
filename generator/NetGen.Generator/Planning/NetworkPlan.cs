using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// Every decision about one network's generated code, made once by <see cref="NetworkPlanner"/>: the writers in
/// <c>Emit/</c> only print it. Plain values and equatable arrays, so the incremental cache can compare plans.
/// </summary>
/// <param name="Type">Where the network class sits and how its declarations are re-declared.</param>
/// <param name="KernelsClass">
/// The internal class of <c>NetGen.Generated</c>, named after the network's full name, that holds its kernels.
/// </param>
/// <param name="Version">NetGen's version, for <c>[GeneratedCode]</c>.</param>
/// <param name="FusedMultiplyAdd">Whether multiply-adds are fused (the target framework has the API).</param>
/// <param name="Summary">The lines of the class's XML summary: what the network is and what it costs.</param>
/// <param name="ParameterBreakdown">The parameter count, layer by layer, for the constant's documentation.</param>
/// <param name="Aliases">The using aliases the kernels class needs, each a complete directive.</param>
/// <param name="RowInRegisters">The one-row forward in one method with the layers' values in registers, where every layer fits, or null.</param>
/// <param name="KeptInRegisters">
/// Where the one-row fused step's forward in registers stores each layer's a in scratch, one offset per layer; empty
/// where that step runs the layers' one-row kernels (no forward in registers, or no one-row fused step).
/// </param>
/// <param name="RowForward">The file-local struct through which the runtime's ForwardBatch runs rows one by one.</param>
/// <param name="Architecture">The layers as weight files describe them.</param>
/// <param name="EmbeddedWeightsFile">The <c>Weights</c> file the parameterless constructor starts from, or null for seed 0.</param>
internal sealed record NetworkPlan(
    TypeHierarchy Type,
    string KernelsClass,
    string Version,
    bool FusedMultiplyAdd,
    int Inputs,
    int Outputs,
    long ParameterCount,
    LossKind Loss,
    EquatableArray<string> Summary,
    string ParameterBreakdown,
    EquatableArray<string> Aliases,
    EquatableArray<LayerPlan> Layers,
    RowChainPlan Row,
    RegisterRowPlan? RowInRegisters,
    EquatableArray<long> KeptInRegisters,
    string RowForward,
    TrainingPlan Training,
    ArchitecturePlan Architecture,
    string? EmbeddedWeightsFile);

/// <summary>One layer: where its parameters sit and how its one-row kernel is generated.</summary>
/// <param name="Description">"Dense 4 → 16, Tanh", for comments.</param>
/// <param name="Outputs">Rows of the weight matrix (units × pieces).</param>
/// <param name="Kernel">The name of the generated one-row kernel.</param>
/// <param name="KernelFormula">What the kernel computes, for its summary: "a = Tanh(W·x + b)".</param>
/// <param name="Activation">The activation the kernels apply, as a value of the runtime's activation structs.</param>
/// <param name="Inline">The call that applies it in registers in the generated kernel, or null for none.</param>
/// <param name="Paths">The kernel's vector paths, widest first; the runtime fallback follows them.</param>
internal sealed record LayerPlan(
    int Number,
    string Description,
    int Inputs,
    int Outputs,
    int Units,
    long WeightOffset,
    long WeightCount,
    long BiasOffset,
    string Kernel,
    string KernelFormula,
    string Activation,
    InlineActivation? Inline,
    EquatableArray<RowPath> Paths,
    InitializationPlan Initialization);

/// <summary>A runtime function applied to a value in the generated kernel: <c>Function(value)</c> or <c>Function(value, Alpha)</c>.</summary>
internal sealed record InlineActivation(string Function, string? Alpha);

/// <summary>How a layer's weights are drawn: N(0, σ²) by <see cref="Rule"/>, biases 0.</summary>
internal sealed record InitializationPlan(string Rule, string Sigma);

/// <summary>
/// One vector path of a one-row kernel. Each output is a dot product of a weight row with the input, in chunks of
/// <see cref="Width"/> inputs; a tile of outputs keeps one accumulator per output, each chunk one call of the
/// runtime's <c>RowMath</c> steps for the tile's rows, and is reduced to one vector of outputs (or, for tiles under
/// four, output by output).
/// </summary>
/// <param name="Width">Lanes of the accumulators (16, 8 or 4).</param>
/// <param name="Vector">The vector class of that width.</param>
/// <param name="Packed">Rows of 4 or 8 inputs, several to a vector, multiplied by the input repeated (<see cref="Repeats"/>).</param>
/// <param name="Repeats">Widths of the repeated input, from twice the row up to <see cref="Width"/> (packed only).</param>
/// <param name="Tile">Outputs per tile.</param>
/// <param name="LoopedTiles">Tiles computed by a loop over the first outputs (0 when every tile is written out).</param>
/// <param name="Tiles">First outputs of the tiles written out (the last may overlap the one before).</param>
/// <param name="Chunks">Whole chunks of inputs.</param>
/// <param name="ChunkLoop">Whether the chunks are a loop rather than written out.</param>
/// <param name="TailChunk">Where the overlapping last chunk starts, or null when the chunks cover the row.</param>
/// <param name="TailMask">The last chunk's lanes as float literals: 0 for those the chunk before has counted.</param>
/// <param name="RowsPerStep">Accumulators one runtime step takes (a tile of 16 is two steps of 8 a chunk).</param>
/// <param name="Guard">The vector class whose <c>IsHardwareAccelerated</c> selects the path.</param>
internal sealed record RowPath(
    int Width,
    string Vector,
    bool Packed,
    EquatableArray<int> Repeats,
    int Tile,
    int LoopedTiles,
    EquatableArray<int> Tiles,
    int Chunks,
    bool ChunkLoop,
    int? TailChunk,
    string? TailMask,
    int RowsPerStep,
    string Guard)
{
    /// <summary>Whether a tile's outputs come out as one vector (tiles of 4 or more) rather than one by one.</summary>
    public bool Reduced => Tile >= 4;

    /// <summary>The runtime's class of kernel steps on the accumulators' vectors (<c>RowMath256</c>).</summary>
    public string Math => RowKernelPlanner.MathClass(Width);
}

/// <summary>
/// Forward for one row: each layer's kernel into a stack buffer (or the output), hidden layers alternating between
/// two halves of one buffer so stack use does not grow with depth.
/// </summary>
/// <param name="HiddenLength">Floats of the hidden-activation buffer (0 without hidden layers).</param>
/// <param name="PiecesLength">Floats of the buffer for Maxout's affine maps (0 without Maxout).</param>
internal sealed record RowChainPlan(int HiddenLength, int PiecesLength, EquatableArray<RowStep> Steps);

/// <summary>
/// Forward for one row in one method, wherever Vector256 is accelerated (<c>Vector256.IsHardwareAccelerated</c>, which
/// the JIT folds): each layer's input and output are one or two vectors of 8 in registers, so nothing goes through
/// memory between layers and no layer is a call. Only for networks of small layers (see <see cref="RowKernelPlanner"/>).
/// With 16 registers (AVX2) the JIT spills some of its values, and it still runs 0.83–0.94× the chain of kernels on
/// Zen 3.
/// </summary>
/// <param name="InputVectors">The vectors of 8 the input is loaded into first (empty when the first layer is packed).</param>
internal sealed record RegisterRowPlan(EquatableArray<string> InputVectors, EquatableArray<RegisterLayerPlan> Layers);

/// <summary>One layer of <see cref="RegisterRowPlan"/>: the same operations as its kernel's 8-lane path, on vectors.</summary>
/// <param name="Comment">"Layer 1: Dense 4 → 16, Tanh."</param>
/// <param name="Packed">Rows of 4 inputs, two to a vector: group sums of the input repeated, as the kernel's packed path.</param>
/// <param name="Input">The vectors of 8 inputs that hold the layer's input (empty when <see cref="Packed"/>: it loads the input itself).</param>
/// <param name="Output">The vectors of 8 outputs the layer writes, or empty for the last layer, which stores to <c>output</c>.</param>
/// <param name="Joined">
/// The vector of 16 that holds a hidden layer's two tiles for its activation, applied once on it (each lane the same
/// operations as on a vector of 8, so the same bits), then split into <see cref="Output"/>, where Vector512 is
/// accelerated (the runtime's <c>RowMath512.Activate</c> and <c>ActivateStoring</c> decide; each tile on its own
/// elsewhere); null to activate each tile.
/// </param>
/// <param name="Activation">The activation as a value of the runtime's activation structs, for <see cref="Joined"/>.</param>
internal sealed record RegisterLayerPlan(
    string Comment,
    long WeightOffset,
    long BiasOffset,
    int Inputs,
    int Outputs,
    bool Packed,
    InlineActivation? Inline,
    EquatableArray<string> Input,
    EquatableArray<string> Output,
    string? Joined,
    string Activation);

/// <summary>A place in one of the chains' buffers.</summary>
/// <param name="Buffer">The buffer's name in the generated method.</param>
/// <param name="Offset">The first element.</param>
/// <param name="Length">Elements per row.</param>
internal sealed record BufferRef(string Buffer, long Offset, int Length);

/// <summary>One layer of the one-row chain: its kernel, then Softmax or Maxout where the layer has one.</summary>
internal sealed record RowStep(string Comment, string Kernel, long WeightOffset, BufferRef Input, BufferRef Output, RowWiseStep? After);

/// <summary>An activation over a whole row, after the kernel: Softmax in place, or Maxout from the pieces to the units.</summary>
internal sealed record RowWiseStep(RowWiseKind Kind, BufferRef Source, BufferRef Target, int Units);

internal enum RowWiseKind
{
    Softmax,
    Maxout,
}
