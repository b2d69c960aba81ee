using NetGen;

namespace NetGen.Samples.UniversalApproximation;

/// <summary>1-2-1: two ReLU hinges.</summary>
[Network(inputs: 1, Loss = Loss.MeanSquaredError)]
[Dense(2, Activation.ReLU)]
[Dense(1)]
public partial class Hidden2;

/// <summary>1-6-1: six ReLU hinges, exactly enough to represent the six-ReLU target.</summary>
[Network(inputs: 1, Loss = Loss.MeanSquaredError)]
[Dense(6, Activation.ReLU)]
[Dense(1)]
public partial class Hidden6;

/// <summary>1-32-1: thirty-two ReLU hinges.</summary>
[Network(inputs: 1, Loss = Loss.MeanSquaredError)]
[Dense(32, Activation.ReLU)]
[Dense(1)]
public partial class Hidden32;
