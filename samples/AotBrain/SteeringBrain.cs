using NetGen;

namespace NetGen.Samples.AotBrain;

/// <summary>
/// A game agent's steering: the offset to its target and its own velocity in, an acceleration out.
/// </summary>
[Network(inputs: 4, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(2)]
public partial class SteeringBrain;
