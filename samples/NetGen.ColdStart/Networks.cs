namespace NetGen.ColdStart;

/// <summary>N1: 4-16-16-2, tanh, tanh, identity output (the benchmarks' N1).</summary>
[Network(inputs: 4, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(2)]
public partial class N1;

/// <summary>N3: 784-128-10, ReLU, softmax output (the benchmarks' N3).</summary>
[Network(inputs: 784, Loss = Loss.CrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class N3;
