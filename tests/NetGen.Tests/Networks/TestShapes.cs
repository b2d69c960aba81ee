// Step networks are evaluated here, and their zero gradient is what the gradient tests check.
#pragma warning disable NG0015

namespace NetGen.Tests.Networks;

// Networks that exercise every activation, Maxout, softmax and each loss, with layer sizes that are not
// multiples of any vector width (1, 3, 7, 17, 33).

[Network(inputs: 7)]
[Dense(33, Activation.Identity)]
[Dense(17, Activation.Identity)]
[Dense(3, Activation.Identity)]
[Dense(1, Activation.Identity)]
public partial class IdentityWide;

[Network(inputs: 1)]
[Dense(3, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(33, Activation.Identity)]
[Dense(17)]
public partial class IdentityNarrow;

[Network(inputs: 1)]
[Dense(3, Activation.Identity)]
public partial class IdentitySingle;

[Network(inputs: 7)]
[Dense(33, Activation.Step)]
[Dense(17, Activation.Step)]
[Dense(3, Activation.Step)]
[Dense(1, Activation.Step)]
public partial class StepWide;

[Network(inputs: 1)]
[Dense(3, Activation.Step)]
[Dense(7, Activation.Step)]
[Dense(33, Activation.Step)]
[Dense(17)]
public partial class StepNarrow;

[Network(inputs: 1)]
[Dense(3, Activation.Step)]
public partial class StepSingle;

[Network(inputs: 7)]
[Dense(33, Activation.Sigmoid)]
[Dense(17, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
[Dense(1, Activation.Sigmoid)]
public partial class SigmoidWide;

[Network(inputs: 1)]
[Dense(3, Activation.Sigmoid)]
[Dense(7, Activation.Sigmoid)]
[Dense(33, Activation.Sigmoid)]
[Dense(17)]
public partial class SigmoidNarrow;

[Network(inputs: 1)]
[Dense(3, Activation.Sigmoid)]
public partial class SigmoidSingle;

[Network(inputs: 7)]
[Dense(33, Activation.Tanh)]
[Dense(17, Activation.Tanh)]
[Dense(3, Activation.Tanh)]
[Dense(1, Activation.Tanh)]
public partial class TanhWide;

[Network(inputs: 1)]
[Dense(3, Activation.Tanh)]
[Dense(7, Activation.Tanh)]
[Dense(33, Activation.Tanh)]
[Dense(17)]
public partial class TanhNarrow;

[Network(inputs: 1)]
[Dense(3, Activation.Tanh)]
public partial class TanhSingle;

[Network(inputs: 7)]
[Dense(33, Activation.ReLU)]
[Dense(17, Activation.ReLU)]
[Dense(3, Activation.ReLU)]
[Dense(1, Activation.ReLU)]
public partial class ReLUWide;

[Network(inputs: 1)]
[Dense(3, Activation.ReLU)]
[Dense(7, Activation.ReLU)]
[Dense(33, Activation.ReLU)]
[Dense(17)]
public partial class ReLUNarrow;

[Network(inputs: 1)]
[Dense(3, Activation.ReLU)]
public partial class ReLUSingle;

[Network(inputs: 7)]
[Dense(33, Activation.LeakyReLU, Alpha = 0.2f)]
[Dense(17, Activation.LeakyReLU, Alpha = 0.2f)]
[Dense(3, Activation.LeakyReLU, Alpha = 0.2f)]
[Dense(1, Activation.LeakyReLU, Alpha = 0.2f)]
public partial class LeakyReLUWide;

[Network(inputs: 1)]
[Dense(3, Activation.LeakyReLU, Alpha = 0.2f)]
[Dense(7, Activation.LeakyReLU, Alpha = 0.2f)]
[Dense(33, Activation.LeakyReLU, Alpha = 0.2f)]
[Dense(17)]
public partial class LeakyReLUNarrow;

[Network(inputs: 1)]
[Dense(3, Activation.LeakyReLU, Alpha = 0.2f)]
public partial class LeakyReLUSingle;

[Network(inputs: 7)]
[Dense(33, Activation.ELU, Alpha = 0.2f)]
[Dense(17, Activation.ELU, Alpha = 0.2f)]
[Dense(3, Activation.ELU, Alpha = 0.2f)]
[Dense(1, Activation.ELU, Alpha = 0.2f)]
public partial class ELUWide;

[Network(inputs: 1)]
[Dense(3, Activation.ELU, Alpha = 0.2f)]
[Dense(7, Activation.ELU, Alpha = 0.2f)]
[Dense(33, Activation.ELU, Alpha = 0.2f)]
[Dense(17)]
public partial class ELUNarrow;

[Network(inputs: 1)]
[Dense(3, Activation.ELU, Alpha = 0.2f)]
public partial class ELUSingle;

[Network(inputs: 7)]
[Dense(33, Activation.ReLU6)]
[Dense(17, Activation.ReLU6)]
[Dense(3, Activation.ReLU6)]
[Dense(1, Activation.ReLU6)]
public partial class ReLU6Wide;

[Network(inputs: 1)]
[Dense(3, Activation.ReLU6)]
[Dense(7, Activation.ReLU6)]
[Dense(33, Activation.ReLU6)]
[Dense(17)]
public partial class ReLU6Narrow;

[Network(inputs: 1)]
[Dense(3, Activation.ReLU6)]
public partial class ReLU6Single;

[Network(inputs: 7)]
[Dense(33, Activation.Swish)]
[Dense(17, Activation.Swish)]
[Dense(3, Activation.Swish)]
[Dense(1, Activation.Swish)]
public partial class SwishWide;

[Network(inputs: 1)]
[Dense(3, Activation.Swish)]
[Dense(7, Activation.Swish)]
[Dense(33, Activation.Swish)]
[Dense(17)]
public partial class SwishNarrow;

[Network(inputs: 1)]
[Dense(3, Activation.Swish)]
public partial class SwishSingle;

[Network(inputs: 7)]
[Dense(33, Activation.Mish)]
[Dense(17, Activation.Mish)]
[Dense(3, Activation.Mish)]
[Dense(1, Activation.Mish)]
public partial class MishWide;

[Network(inputs: 1)]
[Dense(3, Activation.Mish)]
[Dense(7, Activation.Mish)]
[Dense(33, Activation.Mish)]
[Dense(17)]
public partial class MishNarrow;

[Network(inputs: 1)]
[Dense(3, Activation.Mish)]
public partial class MishSingle;

[Network(inputs: 17, Loss = Loss.BinaryCrossEntropy)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public partial class SigmoidBinaryCrossEntropy;

[Network(inputs: 33, Loss = Loss.CrossEntropy)]
[Dense(17, Activation.ReLU)]
[Dense(7, Activation.Softmax)]
public partial class SoftmaxCrossEntropy;

[Network(inputs: 3, Loss = Loss.MeanSquaredError)]
[Dense(17, Activation.Tanh)]
[Dense(7, Activation.Softmax)]
public partial class SoftmaxMeanSquaredError;

[Network(inputs: 1, Loss = Loss.MeanSquaredError)]
[Dense(33, Activation.Softmax)]
public partial class SoftmaxSingle;

[Network(inputs: 7)]
[Maxout(17, 3)]
[Maxout(3, 2)]
[Dense(1)]
public partial class MaxoutHidden;

[Network(inputs: 33)]
[Dense(7, Activation.Swish)]
[Maxout(1, 4)]
public partial class MaxoutOutput;

[Network(inputs: 5)]
[Dense(9, Activation.Tanh)]
[Dense(9, Activation.Swish)]
[Dense(9, Activation.ELU)]
[Dense(9, Activation.Mish)]
[Dense(9, Activation.LeakyReLU)]
[Dense(3)]
public partial class DeepSixLayers;

[Network(inputs: 20)]
[Dense(12, Activation.Tanh)]
[Dense(44, Activation.ReLU)]
[Dense(24, Activation.Sigmoid)]
[Dense(5)]
public partial class VectorTails;

// A first layer of four inputs with an odd number of units: its one-row update pairs weight rows, ending on one.
[Network(inputs: 4)]
[Dense(13, Activation.Tanh)]
[Dense(3)]
public partial class FourInputsOddUnits;
