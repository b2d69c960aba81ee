using System;
using System.Collections.Generic;

namespace NetGen.Benchmarks;

/// <summary>N1: 4-16-16-2, tanh, tanh, identity output, mean squared error.</summary>
[Network(inputs: 4, Loss = Loss.MeanSquaredError)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(2)]
public partial class N1;

/// <summary>N2: 32-64-64-8, ReLU, ReLU, softmax output, cross-entropy.</summary>
[Network(inputs: 32, Loss = Loss.CrossEntropy)]
[Dense(64, Activation.ReLU)]
[Dense(64, Activation.ReLU)]
[Dense(8, Activation.Softmax)]
public partial class N2;

/// <summary>N3: 784-128-10, ReLU, softmax output, cross-entropy (MNIST-shaped).</summary>
[Network(inputs: 784, Loss = Loss.CrossEntropy)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class N3;

/// <summary>N4: 256-512-512-256, ReLU, ReLU, identity output, mean squared error.</summary>
[Network(inputs: 256, Loss = Loss.MeanSquaredError)]
[Dense(512, Activation.ReLU)]
[Dense(512, Activation.ReLU)]
[Dense(256)]
public partial class N4;

/// <summary>D16: a single Dense 16×16 layer, identity activation (RTNeural's smallest published case).</summary>
[Network(inputs: 16, Loss = Loss.MeanSquaredError)]
[Dense(16)]
public partial class D16;

/// <summary>The benchmark networks' shapes for the baselines and the work accounting, by network name.</summary>
public static class Shapes
{
    public static readonly Shape N1 = new(4, Loss.MeanSquaredError, (16, Act.Tanh), (16, Act.Tanh), (2, Act.Identity));
    public static readonly Shape N2 = new(32, Loss.CrossEntropy, (64, Act.ReLU), (64, Act.ReLU), (8, Act.Softmax));
    public static readonly Shape N3 = new(784, Loss.CrossEntropy, (128, Act.ReLU), (10, Act.Softmax));
    public static readonly Shape N4 = new(256, Loss.MeanSquaredError, (512, Act.ReLU), (512, Act.ReLU), (256, Act.Identity));
    public static readonly Shape D16 = new(16, Loss.MeanSquaredError, (16, Act.Identity));

    /// <summary>Every network in the order of the tables.</summary>
    public static readonly IReadOnlyList<(string Name, Shape Shape)> All =
        [("N1", N1), ("N2", N2), ("N3", N3), ("N4", N4), ("D16", D16)];

    public static Shape ByName(string name)
    {
        foreach (var (n, shape) in All)
        {
            if (n == name) return shape;
        }

        throw new ArgumentException($"No benchmark network is called '{name}'.", nameof(name));
    }
}
