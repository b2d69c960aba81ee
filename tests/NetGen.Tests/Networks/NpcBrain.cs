namespace NetGen.Tests.Networks;

[Network(inputs: 4)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(2)]
public partial class NpcBrain;
