namespace NetGen.Tests.Parallelism;

/// <summary>An abstract network, used through a derived class: NetGen cannot create replicas of it.</summary>
[Network(inputs: 3)]
[Dense(2)]
public abstract partial class AbstractBrain;

public sealed class ConcreteBrain : AbstractBrain;
