using System;

namespace NetGen;

/// <summary>A fully connected layer: every unit is an affine map of the previous layer followed by an activation.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : Attribute
{
    /// <param name="units">The number of units (outputs) of the layer.</param>
    /// <param name="activation">The function applied to each unit.</param>
    public DenseAttribute(int units, Activation activation = Activation.Identity)
    {
        Units = units;
        Activation = activation;
    }

    /// <summary>The number of units (outputs) of the layer.</summary>
    public int Units { get; }

    /// <summary>The function applied to each unit.</summary>
    public Activation Activation { get; }

    /// <summary>
    /// The slope α of <see cref="NetGen.Activation.LeakyReLU"/> (0.01 when not set; the perceptron course's
    /// max(0.1x, x) is <c>Alpha = 0.1f</c>) and the α of <see cref="NetGen.Activation.ELU"/> (1 when not set).
    /// NetGen reads it at compile time; other activations ignore it.
    /// </summary>
    public float Alpha { get; set; }
}
