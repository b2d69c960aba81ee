using System;
using System.Collections.Generic;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Numerics;

/// <summary>Each test network with its independent reference description.</summary>
public static class TestShapeCatalog
{
    public static readonly Dictionary<string, (Func<INetwork> Create, ReferenceLayer[] Layers, Loss Loss)> Shapes = new()
    {
        ["IdentityWide"] = (() => new IdentityWide(), [ReferenceLayer.Dense(7, 33, Activation.Identity), ReferenceLayer.Dense(33, 17, Activation.Identity), ReferenceLayer.Dense(17, 3, Activation.Identity), ReferenceLayer.Dense(3, 1, Activation.Identity)], Loss.MeanSquaredError),
        ["IdentityNarrow"] = (() => new IdentityNarrow(), [ReferenceLayer.Dense(1, 3, Activation.Identity), ReferenceLayer.Dense(3, 7, Activation.Identity), ReferenceLayer.Dense(7, 33, Activation.Identity), ReferenceLayer.Dense(33, 17, Activation.Identity)], Loss.MeanSquaredError),
        ["IdentitySingle"] = (() => new IdentitySingle(), [ReferenceLayer.Dense(1, 3, Activation.Identity)], Loss.MeanSquaredError),
        ["StepWide"] = (() => new StepWide(), [ReferenceLayer.Dense(7, 33, Activation.Step), ReferenceLayer.Dense(33, 17, Activation.Step), ReferenceLayer.Dense(17, 3, Activation.Step), ReferenceLayer.Dense(3, 1, Activation.Step)], Loss.MeanSquaredError),
        ["StepNarrow"] = (() => new StepNarrow(), [ReferenceLayer.Dense(1, 3, Activation.Step), ReferenceLayer.Dense(3, 7, Activation.Step), ReferenceLayer.Dense(7, 33, Activation.Step), ReferenceLayer.Dense(33, 17, Activation.Identity)], Loss.MeanSquaredError),
        ["StepSingle"] = (() => new StepSingle(), [ReferenceLayer.Dense(1, 3, Activation.Step)], Loss.MeanSquaredError),
        ["SigmoidWide"] = (() => new SigmoidWide(), [ReferenceLayer.Dense(7, 33, Activation.Sigmoid), ReferenceLayer.Dense(33, 17, Activation.Sigmoid), ReferenceLayer.Dense(17, 3, Activation.Sigmoid), ReferenceLayer.Dense(3, 1, Activation.Sigmoid)], Loss.MeanSquaredError),
        ["SigmoidNarrow"] = (() => new SigmoidNarrow(), [ReferenceLayer.Dense(1, 3, Activation.Sigmoid), ReferenceLayer.Dense(3, 7, Activation.Sigmoid), ReferenceLayer.Dense(7, 33, Activation.Sigmoid), ReferenceLayer.Dense(33, 17, Activation.Identity)], Loss.MeanSquaredError),
        ["SigmoidSingle"] = (() => new SigmoidSingle(), [ReferenceLayer.Dense(1, 3, Activation.Sigmoid)], Loss.MeanSquaredError),
        ["FourInputsOddUnits"] = (() => new FourInputsOddUnits(), [ReferenceLayer.Dense(4, 13, Activation.Tanh), ReferenceLayer.Dense(13, 3, Activation.Identity)], Loss.MeanSquaredError),
        ["TanhWide"] = (() => new TanhWide(), [ReferenceLayer.Dense(7, 33, Activation.Tanh), ReferenceLayer.Dense(33, 17, Activation.Tanh), ReferenceLayer.Dense(17, 3, Activation.Tanh), ReferenceLayer.Dense(3, 1, Activation.Tanh)], Loss.MeanSquaredError),
        ["TanhNarrow"] = (() => new TanhNarrow(), [ReferenceLayer.Dense(1, 3, Activation.Tanh), ReferenceLayer.Dense(3, 7, Activation.Tanh), ReferenceLayer.Dense(7, 33, Activation.Tanh), ReferenceLayer.Dense(33, 17, Activation.Identity)], Loss.MeanSquaredError),
        ["TanhSingle"] = (() => new TanhSingle(), [ReferenceLayer.Dense(1, 3, Activation.Tanh)], Loss.MeanSquaredError),
        ["ReLUWide"] = (() => new ReLUWide(), [ReferenceLayer.Dense(7, 33, Activation.ReLU), ReferenceLayer.Dense(33, 17, Activation.ReLU), ReferenceLayer.Dense(17, 3, Activation.ReLU), ReferenceLayer.Dense(3, 1, Activation.ReLU)], Loss.MeanSquaredError),
        ["ReLUNarrow"] = (() => new ReLUNarrow(), [ReferenceLayer.Dense(1, 3, Activation.ReLU), ReferenceLayer.Dense(3, 7, Activation.ReLU), ReferenceLayer.Dense(7, 33, Activation.ReLU), ReferenceLayer.Dense(33, 17, Activation.Identity)], Loss.MeanSquaredError),
        ["ReLUSingle"] = (() => new ReLUSingle(), [ReferenceLayer.Dense(1, 3, Activation.ReLU)], Loss.MeanSquaredError),
        ["LeakyReLUWide"] = (() => new LeakyReLUWide(), [ReferenceLayer.Dense(7, 33, Activation.LeakyReLU, 0.2), ReferenceLayer.Dense(33, 17, Activation.LeakyReLU, 0.2), ReferenceLayer.Dense(17, 3, Activation.LeakyReLU, 0.2), ReferenceLayer.Dense(3, 1, Activation.LeakyReLU, 0.2)], Loss.MeanSquaredError),
        ["LeakyReLUNarrow"] = (() => new LeakyReLUNarrow(), [ReferenceLayer.Dense(1, 3, Activation.LeakyReLU, 0.2), ReferenceLayer.Dense(3, 7, Activation.LeakyReLU, 0.2), ReferenceLayer.Dense(7, 33, Activation.LeakyReLU, 0.2), ReferenceLayer.Dense(33, 17, Activation.Identity)], Loss.MeanSquaredError),
        ["LeakyReLUSingle"] = (() => new LeakyReLUSingle(), [ReferenceLayer.Dense(1, 3, Activation.LeakyReLU, 0.2)], Loss.MeanSquaredError),
        ["ELUWide"] = (() => new ELUWide(), [ReferenceLayer.Dense(7, 33, Activation.ELU, 0.2), ReferenceLayer.Dense(33, 17, Activation.ELU, 0.2), ReferenceLayer.Dense(17, 3, Activation.ELU, 0.2), ReferenceLayer.Dense(3, 1, Activation.ELU, 0.2)], Loss.MeanSquaredError),
        ["ELUNarrow"] = (() => new ELUNarrow(), [ReferenceLayer.Dense(1, 3, Activation.ELU, 0.2), ReferenceLayer.Dense(3, 7, Activation.ELU, 0.2), ReferenceLayer.Dense(7, 33, Activation.ELU, 0.2), ReferenceLayer.Dense(33, 17, Activation.Identity)], Loss.MeanSquaredError),
        ["ELUSingle"] = (() => new ELUSingle(), [ReferenceLayer.Dense(1, 3, Activation.ELU, 0.2)], Loss.MeanSquaredError),
        ["ReLU6Wide"] = (() => new ReLU6Wide(), [ReferenceLayer.Dense(7, 33, Activation.ReLU6), ReferenceLayer.Dense(33, 17, Activation.ReLU6), ReferenceLayer.Dense(17, 3, Activation.ReLU6), ReferenceLayer.Dense(3, 1, Activation.ReLU6)], Loss.MeanSquaredError),
        ["ReLU6Narrow"] = (() => new ReLU6Narrow(), [ReferenceLayer.Dense(1, 3, Activation.ReLU6), ReferenceLayer.Dense(3, 7, Activation.ReLU6), ReferenceLayer.Dense(7, 33, Activation.ReLU6), ReferenceLayer.Dense(33, 17, Activation.Identity)], Loss.MeanSquaredError),
        ["ReLU6Single"] = (() => new ReLU6Single(), [ReferenceLayer.Dense(1, 3, Activation.ReLU6)], Loss.MeanSquaredError),
        ["SwishWide"] = (() => new SwishWide(), [ReferenceLayer.Dense(7, 33, Activation.Swish), ReferenceLayer.Dense(33, 17, Activation.Swish), ReferenceLayer.Dense(17, 3, Activation.Swish), ReferenceLayer.Dense(3, 1, Activation.Swish)], Loss.MeanSquaredError),
        ["SwishNarrow"] = (() => new SwishNarrow(), [ReferenceLayer.Dense(1, 3, Activation.Swish), ReferenceLayer.Dense(3, 7, Activation.Swish), ReferenceLayer.Dense(7, 33, Activation.Swish), ReferenceLayer.Dense(33, 17, Activation.Identity)], Loss.MeanSquaredError),
        ["SwishSingle"] = (() => new SwishSingle(), [ReferenceLayer.Dense(1, 3, Activation.Swish)], Loss.MeanSquaredError),
        ["MishWide"] = (() => new MishWide(), [ReferenceLayer.Dense(7, 33, Activation.Mish), ReferenceLayer.Dense(33, 17, Activation.Mish), ReferenceLayer.Dense(17, 3, Activation.Mish), ReferenceLayer.Dense(3, 1, Activation.Mish)], Loss.MeanSquaredError),
        ["MishNarrow"] = (() => new MishNarrow(), [ReferenceLayer.Dense(1, 3, Activation.Mish), ReferenceLayer.Dense(3, 7, Activation.Mish), ReferenceLayer.Dense(7, 33, Activation.Mish), ReferenceLayer.Dense(33, 17, Activation.Identity)], Loss.MeanSquaredError),
        ["MishSingle"] = (() => new MishSingle(), [ReferenceLayer.Dense(1, 3, Activation.Mish)], Loss.MeanSquaredError),
        ["SigmoidBinaryCrossEntropy"] = (() => new SigmoidBinaryCrossEntropy(), [ReferenceLayer.Dense(17, 7, Activation.Tanh), ReferenceLayer.Dense(7, 3, Activation.Sigmoid)], Loss.BinaryCrossEntropy),
        ["SoftmaxCrossEntropy"] = (() => new SoftmaxCrossEntropy(), [ReferenceLayer.Dense(33, 17, Activation.ReLU), ReferenceLayer.Dense(17, 7, Activation.Softmax)], Loss.CrossEntropy),
        ["SoftmaxMeanSquaredError"] = (() => new SoftmaxMeanSquaredError(), [ReferenceLayer.Dense(3, 17, Activation.Tanh), ReferenceLayer.Dense(17, 7, Activation.Softmax)], Loss.MeanSquaredError),
        ["SoftmaxSingle"] = (() => new SoftmaxSingle(), [ReferenceLayer.Dense(1, 33, Activation.Softmax)], Loss.MeanSquaredError),
        ["MaxoutHidden"] = (() => new MaxoutHidden(), [ReferenceLayer.Maxout(7, 17, 3), ReferenceLayer.Maxout(17, 3, 2), ReferenceLayer.Dense(3, 1, Activation.Identity)], Loss.MeanSquaredError),
        ["MaxoutOutput"] = (() => new MaxoutOutput(), [ReferenceLayer.Dense(33, 7, Activation.Swish), ReferenceLayer.Maxout(7, 1, 4)], Loss.MeanSquaredError),
        ["DeepSixLayers"] = (() => new DeepSixLayers(), [ReferenceLayer.Dense(5, 9, Activation.Tanh), ReferenceLayer.Dense(9, 9, Activation.Swish), ReferenceLayer.Dense(9, 9, Activation.ELU), ReferenceLayer.Dense(9, 9, Activation.Mish), ReferenceLayer.Dense(9, 9, Activation.LeakyReLU), ReferenceLayer.Dense(9, 3, Activation.Identity)], Loss.MeanSquaredError),
        ["VectorTails"] = (() => new VectorTails(), [ReferenceLayer.Dense(20, 12, Activation.Tanh), ReferenceLayer.Dense(12, 44, Activation.ReLU), ReferenceLayer.Dense(44, 24, Activation.Sigmoid), ReferenceLayer.Dense(24, 5, Activation.Identity)], Loss.MeanSquaredError),
    };

    public static IEnumerable<object[]> Names()
    {
        foreach (var name in Shapes.Keys)
        {
            yield return [name];
        }
    }

    public static (INetwork Network, ReferenceNetwork Reference) Create(string name, int seed = 1)
    {
        var (create, layers, loss) = Shapes[name];
        var network = create();
        network.InitializeParameters(seed);
        return (network, new ReferenceNetwork(layers, loss));
    }
}
