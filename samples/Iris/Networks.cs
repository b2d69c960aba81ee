using NetGen;

namespace NetGen.Samples.Iris;

/// <summary>4-16-3: the four measurements in, the probability of each species out.</summary>
[Network(inputs: 4, Loss = Loss.CrossEntropy)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class IrisClassifier;

/// <summary>2-16-3: petal length and width only, so that its decisions can be drawn in the plane.</summary>
[Network(inputs: 2, Loss = Loss.CrossEntropy)]
[Dense(16, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class PetalClassifier;
