namespace NetGen.Tests.Networks;

// One-layer networks whose ForwardBatch at Vector256 runs through row tiles (outputs a multiple of 16, at most 2,048
// weights, no Softmax), and one just past the weights, which keeps its panels.

/// <summary>The benchmarks' D16: 16 → 16, identity.</summary>
[Network(inputs: 16)]
[Dense(16)]
public partial class RowTileIdentity;

/// <summary>7 → 32, tanh: two groups of 16 outputs, an input count no 8 × 8 block of the weights' transpose divides.</summary>
[Network(inputs: 7)]
[Dense(32, Activation.Tanh)]
public partial class RowTileTanh;

/// <summary>32 → 64, ReLU: 2,048 weights, the most row tiles take.</summary>
[Network(inputs: 32)]
[Dense(64, Activation.ReLU)]
public partial class RowTileWidest;

/// <summary>33 → 64, LeakyReLU: 2,112 weights, past row tiles, so panels.</summary>
[Network(inputs: 33)]
[Dense(64, Activation.LeakyReLU, Alpha = 0.2f)]
public partial class PastRowTileWeights;
