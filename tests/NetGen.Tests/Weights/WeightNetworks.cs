namespace NetGen.Tests.Weights;

// Small networks whose weight files can be written by hand in a test.

/// <summary>2 → 3 (Tanh) → 1: four tensors, 13 parameters, 52 bytes of data.</summary>
[Network(inputs: 2)]
[Dense(3, Activation.Tanh)]
[Dense(1)]
public partial class TinyNetwork;

/// <summary>The same shapes with ReLU: its weight files fit TinyNetwork's shapes but not its architecture.</summary>
[Network(inputs: 2)]
[Dense(3, Activation.ReLU)]
[Dense(1)]
public partial class TinyReLUNetwork;

/// <summary>nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2)), as a PyTorch user would declare it.</summary>
[Network(inputs: 3)]
[Dense(4, Activation.Tanh)]
[Dense(2)]
public partial class TorchLinearTanh;

/// <summary>The Digits sample's shape, for the messages the issue quotes.</summary>
[Network(inputs: 784, Loss = Loss.CrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitShape;
