using NetGen;

namespace NetGen.Samples.Swarm;

/// <summary>
/// One agent's brain: what it senses of the nearest food and the nearest other agent (six numbers, see
/// <see cref="World"/>) in, a turn and a thrust in [−1, 1] out. One trained instance drives every agent.
/// </summary>
[Network(inputs: 6)]
[Dense(16, Activation.Tanh)]
[Dense(2, Activation.Tanh)]
public partial class SwarmBrain;
