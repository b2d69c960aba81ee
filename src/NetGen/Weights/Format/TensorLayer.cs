using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Safetensors;

/// <summary>
/// One layer as a weight file sees it: its two tensors, their names and shapes, and how messages and the
/// architecture string describe it. Both the runtime and the generator describe their layers this way, so
/// that they read files by the same rules and word their errors the same.
/// </summary>
internal sealed class TensorLayer
{
    private const string LeakyReLU = "LeakyReLU";
    private const string ELU = "ELU";

    public TensorLayer(int index, bool isMaxout, int inputs, int units, int pieces, string activation, float alpha, long parameterOffset)
    {
        Index = index;
        IsMaxout = isMaxout;
        Inputs = inputs;
        Units = units;
        Pieces = isMaxout ? pieces : 1;
        Activation = isMaxout ? "Identity" : activation;
        Alpha = alpha;
        ParameterOffset = parameterOffset;
    }

    /// <summary>The 0-based position, as in the tensor names.</summary>
    public int Index { get; }

    /// <summary>The 1-based number messages use.</summary>
    public int Number => Index + 1;

    public bool IsMaxout { get; }

    public int Inputs { get; }

    public int Units { get; }

    public int Pieces { get; }

    public string Activation { get; }

    /// <summary>The slope of LeakyReLU or the α of ELU; unused by other activations.</summary>
    public float Alpha { get; }

    /// <summary>Where the layer's weights start in the parameter block.</summary>
    public long ParameterOffset { get; }

    public long WeightCount => (long)Pieces * Units * Inputs;

    public long BiasCount => (long)Pieces * Units;

    public long ParameterCount => WeightCount + BiasCount;

    public string WeightName => $"layers.{Index}.weight";

    public string BiasName => $"layers.{Index}.bias";

    /// <summary>PyTorch's nn.Linear layout, [out, in]; Maxout [pieces, out, in].</summary>
    public long[] WeightShape => IsMaxout ? new long[] { Pieces, Units, Inputs } : new long[] { Units, Inputs };

    public long[] BiasShape => IsMaxout ? new long[] { Pieces, Units } : new long[] { Units };

    /// <summary>"Dense 128 → 10" or "Maxout 7 → 17 × 3 pieces".</summary>
    public string Description => IsMaxout
        ? $"Maxout {Inputs} → {Units} × {Pieces} pieces"
        : $"Dense {Inputs} → {Units}";

    /// <summary>"Dense128ReLU", "Dense16LeakyReLU(0.2)" (α only when it is not the default), "Maxout17x3".</summary>
    public string Token
    {
        get
        {
            if (IsMaxout)
            {
                return $"Maxout{Units}x{Pieces}";
            }

            var token = "Dense" + Units.ToString(CultureInfo.InvariantCulture) + Activation;
            return UsesAlpha && !Alpha.Equals(DefaultAlpha(Activation)) ? $"{token}({FloatText.Format(Alpha)})" : token;
        }
    }

    public bool UsesAlpha => Activation is LeakyReLU or ELU;

    /// <summary>The Alpha a layer has when the declaration leaves it out: 0.01 for LeakyReLU, 1 for ELU.</summary>
    public static float DefaultAlpha(string activation) => activation == LeakyReLU ? 0.01f : 1f;

    /// <summary>The layer's weight and bias tensors, in parameter order.</summary>
    public IEnumerable<ExpectedTensor> Tensors()
    {
        yield return new ExpectedTensor(this, WeightName, WeightShape, ParameterOffset);
        yield return new ExpectedTensor(this, BiasName, BiasShape, ParameterOffset + WeightCount);
    }
}

/// <summary>A tensor the network needs: its name, shape and place in the parameter block.</summary>
internal sealed class ExpectedTensor
{
    public ExpectedTensor(TensorLayer layer, string name, long[] shape, long parameterOffset)
    {
        Layer = layer;
        Name = name;
        Shape = shape;
        ParameterOffset = parameterOffset;
    }

    public TensorLayer Layer { get; }

    public string Name { get; }

    public IReadOnlyList<long> Shape { get; }

    public long ParameterOffset { get; }

    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (var dimension in Shape)
            {
                count *= dimension;
            }

            return count;
        }
    }
}
