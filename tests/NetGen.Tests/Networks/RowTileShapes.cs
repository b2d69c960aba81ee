namespace NetGen.Tests.Networks;

// One-layer networks whose ForwardBatch at Vector256 runs through row tiles (outputs a multiple of 8, at most 2,048
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

/// <summary>16 → 8, identity: only the tile of the last 8 outputs.</summary>
[Network(inputs: 16)]
[Dense(8)]
public partial class RowTileEight;

/// <summary>5 → 24, sigmoid: a group of 16 outputs and the tile of the last 8.</summary>
[Network(inputs: 5)]
[Dense(24, Activation.Sigmoid)]
public partial class RowTileTwentyFour;
