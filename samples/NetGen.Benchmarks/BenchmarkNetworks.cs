namespace NetGen.Benchmarks;

// The networks every benchmark runs, declared for the generator; their shapes for the baselines are in Networks.cs.
// tools/forward-probe compiles this file too, so both time the same declarations.

/// <summary>N1: 4-16-16-2, tanh, tanh, identity output, mean squared error.</summary>
[Network(inputs: 4, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(2)]
public partial class N1;

/// <summary>N2: 32-64-64-8, ReLU, ReLU, softmax output, cross-entropy.</summary>
[Network(inputs: 32, Loss = Loss.CrossEntropy)]
[Dense(64, Activation.ReLU)]
[Dense(64, Activation.ReLU)]
[Dense(8, Activation.Softmax)]
public partial class N2;

/// <summary>N3: 784-128-10, ReLU, softmax output, cross-entropy (MNIST-shaped).</summary>
[Network(inputs: 784, Loss = Loss.CrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class N3;

/// <summary>N4: 256-512-512-256, ReLU, ReLU, identity output, mean squared error.</summary>
[Network(inputs: 256, Loss = Loss.MeanSquaredError)]
[Dense(512, Activation.ReLU)]
[Dense(512, Activation.ReLU)]
[Dense(256)]
public partial class N4;

/// <summary>D16: a single Dense 16×16 layer, identity activation (RTNeural's smallest published case).</summary>
[Network(inputs: 16, Loss = Loss.MeanSquaredError)]
[Dense(16)]
public partial class D16;
