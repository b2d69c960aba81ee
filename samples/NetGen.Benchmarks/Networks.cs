using System;
using System.Collections.Generic;

namespace NetGen.Benchmarks;

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
