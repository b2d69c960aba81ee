namespace NetGen;

/// <summary>The function a layer applies to each of its units.</summary>
public enum Activation
{
    /// <summary>f(x) = x: a linear layer.</summary>
    Identity,

    /// <summary>The perceptron's threshold: 1 for x ≥ 0, else 0. Its derivative is taken as 0, so it cannot be trained.</summary>
    Step,

    /// <summary>The logistic function 1 / (1 + e^−x).</summary>
    Sigmoid,

    /// <summary>The hyperbolic tangent.</summary>
    Tanh,

    /// <summary>max(0, x).</summary>
    ReLU,

    /// <summary>x for x ≥ 0, else α·x, with α = <see cref="DenseAttribute.Alpha"/> (0.01 by default).</summary>
    LeakyReLU,

    /// <summary>x for x ≥ 0, else α·(e^x − 1), with α = <see cref="DenseAttribute.Alpha"/> (1 by default).</summary>
    ELU,

    /// <summary>min(max(0, x), 6).</summary>
    ReLU6,

    /// <summary>x · sigmoid(x) (also called SiLU).</summary>
    Swish,

    /// <summary>x · tanh(softplus(x)).</summary>
    Mish,

    /// <summary>e^xᵢ / Σⱼ e^xⱼ over the layer's units; allowed on the last layer only.</summary>
    Softmax,
}
