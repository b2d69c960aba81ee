using NetGen;

namespace NetGen.Samples.Perceptron;

// Step has derivative 0, so NetGen warns (NG0015) that backpropagation cannot train it.
// This sample trains it with the perceptron learning rule instead, so the warning is expected here.
#pragma warning disable NG0015
/// <summary>Rosenblatt's perceptron: one unit, y = step(w·x + b).</summary>
[Network(inputs: 2, Loss = Loss.MeanSquaredError)]
[Dense(1, Activation.Step)]
public partial class StepPerceptron;
#pragma warning restore NG0015

/// <summary>One sigmoid unit (logistic regression), trained by backpropagation with binary cross-entropy.</summary>
[Network(inputs: 2, Loss = Loss.BinaryCrossEntropy)]
[Dense(1, Activation.Sigmoid)]
public partial class SigmoidPerceptron;

/// <summary>2-4-1: one small tanh hidden layer, then a sigmoid output.</summary>
[Network(inputs: 2, Loss = Loss.BinaryCrossEntropy)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorNetwork;
