using NetGen;

namespace NetGen.Samples.Digits;

/// <summary>784-128-10: the main configuration.</summary>
[Network(inputs: 784, Loss = Loss.CrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitNetwork;

/// <summary>784-512-512-10: far more parameters (≈670k) than a few thousand training digits need, to show overfitting.</summary>
[Network(inputs: 784, Loss = Loss.CrossEntropy)]
[Dense(512, Activation.ReLU)]
[Dense(512, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class LargeDigitNetwork;
