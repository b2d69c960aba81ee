using NetGen;

namespace NetGen.Samples.EmbeddedDigits;

/// <summary>
/// The Digits sample's 784-128-10 network with its trained weights compiled in: the compiler checks
/// digits.safetensors against these layers, and <c>new DigitReader()</c> starts from its values.
/// </summary>
[Network(inputs: 784, Loss = Loss.CrossEntropy, Weights = "digits.safetensors")]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitReader;
