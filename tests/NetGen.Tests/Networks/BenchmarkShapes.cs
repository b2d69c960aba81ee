namespace NetGen.Tests.Networks;

[Network(inputs: 784, Loss = Loss.CrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitClassifier;

[Network(inputs: 32, Loss = Loss.CrossEntropy)]
[Dense(64, Activation.ReLU)]
[Dense(64, Activation.ReLU)]
[Dense(8, Activation.Softmax)]
public partial class N2Network;

[Network(inputs: 256)]
[Dense(512, Activation.ReLU)]
[Dense(512, Activation.ReLU)]
[Dense(256)]
public partial class N4Network;
