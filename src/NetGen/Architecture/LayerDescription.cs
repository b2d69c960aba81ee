using System;
using System.Globalization;

namespace NetGen;

/// <summary>
/// One layer of a network: what it computes and how many inputs and outputs it has. Weight files name and shape
/// their tensors from it, and error messages describe layers with it.
/// </summary>
public sealed class LayerDescription : IEquatable<LayerDescription>
{
    private LayerDescription(LayerKind kind, int inputs, int units, int pieces, Activation activation, float alpha)
    {
        if (inputs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "A layer needs at least one input.");
        }

        if (units <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, "A layer needs at least one unit.");
        }

        Kind = kind;
        Inputs = inputs;
        Units = units;
        Pieces = pieces;
        Activation = activation;
        Alpha = alpha;
    }

    /// <summary>Dense or Maxout.</summary>
    public LayerKind Kind { get; }

    /// <summary>The number of values the layer reads: the previous layer's units, or the network's inputs.</summary>
    public int Inputs { get; }

    /// <summary>The number of values the layer outputs.</summary>
    public int Units { get; }

    /// <summary>The affine maps per unit: 1 for a Dense layer.</summary>
    public int Pieces { get; }

    /// <summary>The activation of a Dense layer (Identity for Maxout).</summary>
    public Activation Activation { get; }

    /// <summary>The slope of LeakyReLU or the α of ELU; 0 for the other activations.</summary>
    public float Alpha { get; }

    /// <summary>The rows of the weight matrix, one per unit and piece (PyTorch's <c>out_features</c>).</summary>
    public int AffineOutputs => Units * Pieces;

    /// <summary>Weights and biases of the layer.</summary>
    public long ParameterCount => ((long)AffineOutputs * Inputs) + AffineOutputs;

    /// <summary>A Dense layer. <paramref name="alpha"/> applies to LeakyReLU (default 0.01) and ELU (default 1).</summary>
    public static LayerDescription Dense(int inputs, int units, Activation activation = Activation.Identity, float? alpha = null)
    {
        if (!Enum.IsDefined(typeof(Activation), activation))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Not a defined activation.");
        }

        var usesAlpha = activation is Activation.LeakyReLU or Activation.ELU;
        if (alpha is not null && !usesAlpha)
        {
            throw new ArgumentException($"{activation} has no Alpha; only LeakyReLU and ELU do.", nameof(alpha));
        }

        var value = usesAlpha ? alpha ?? (activation == Activation.LeakyReLU ? 0.01f : 1f) : 0f;
        return new LayerDescription(LayerKind.Dense, inputs, units, 1, activation, value);
    }

    /// <summary>A Maxout layer of <paramref name="units"/> units, each the maximum of <paramref name="pieces"/> affine maps.</summary>
    public static LayerDescription Maxout(int inputs, int units, int pieces)
    {
        if (pieces < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(pieces), pieces, "A Maxout layer needs at least two pieces.");
        }

        return new LayerDescription(LayerKind.Maxout, inputs, units, pieces, Activation.Identity, 0f);
    }

    /// <summary>"Dense 784 → 128, ReLU" or "Maxout 7 → 17 × 3 pieces".</summary>
    public override string ToString() => Kind == LayerKind.Maxout
        ? $"Maxout {Inputs} → {Units} × {Pieces} pieces"
        : Activation is Activation.LeakyReLU or Activation.ELU
            ? $"Dense {Inputs} → {Units}, {Activation} (α = {Alpha.ToString(CultureInfo.InvariantCulture)})"
            : $"Dense {Inputs} → {Units}, {Activation}";

    /// <inheritdoc/>
    public bool Equals(LayerDescription? other) =>
        other is not null && Kind == other.Kind && Inputs == other.Inputs && Units == other.Units
        && Pieces == other.Pieces && Activation == other.Activation && Alpha.Equals(other.Alpha);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LayerDescription);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Inputs, Units, Pieces, Activation, Alpha);
}
