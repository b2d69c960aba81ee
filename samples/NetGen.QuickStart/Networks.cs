using NetGen;

namespace NetGen.QuickStart;

/// <summary>A game character's brain: 4 senses in, 2 actions out.</summary>
[Network(inputs: 4)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(2)]
public partial class NpcBrain;

/// <summary>A digit classifier for 28×28 images: 784 pixels in, 10 class probabilities out.</summary>
[Network(inputs: 784, Loss = Loss.CrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitClassifier;
