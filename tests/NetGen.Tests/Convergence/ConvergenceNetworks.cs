using NetGen;

namespace NetGen.Tests.Convergence;

/// <summary>2-4-1 for XOR, as in samples/Perceptron.</summary>
[Network(inputs: 2, Loss = Loss.BinaryCrossEntropy)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorNetwork;

/// <summary>1-32-1 ReLU for sin(x), as in samples/UniversalApproximation.</summary>
[Network(inputs: 1, Loss = Loss.MeanSquaredError)]
[Dense(32, Activation.ReLU)]
[Dense(1)]
public partial class SineNetwork;

/// <summary>784-128-10, as in samples/Digits.</summary>
[Network(inputs: 784, Loss = Loss.CrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitNetwork;
