using System;

namespace NetGen;

/// <summary>
/// Declares a neural network on a <c>partial class</c>. The layers are the <see cref="DenseAttribute"/> and
/// <see cref="MaxoutAttribute"/> attributes on the same declaration, in source order; NetGen generates the
/// network's forward and backward passes at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute : Attribute
{
    /// <param name="inputs">The number of input features.</param>
    public NetworkAttribute(int inputs) => Inputs = inputs;

    /// <summary>The number of input features.</summary>
    public int Inputs { get; }

    /// <summary>The loss the network is trained to minimise (default <see cref="NetGen.Loss.MeanSquaredError"/>).</summary>
    public Loss Loss { get; set; } = Loss.MeanSquaredError;

    /// <summary>A safetensors file among the project's AdditionalFiles whose values are embedded at compile time.</summary>
    public string? Weights { get; set; }
}
