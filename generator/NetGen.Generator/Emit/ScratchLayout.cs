using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Where backpropagation keeps each layer's values in the instance's scratch array, for a block of
/// <see cref="BackwardEmitter.RowBlock"/> rows: pre-activations z, activations a, and the loss's gradients with
/// respect to both. A single row uses the first row of each region.
/// </summary>
internal sealed class ScratchLayout
{
    private readonly Dictionary<(int Layer, string Region), (long Offset, long Length)> _regions = new();

    public ScratchLayout(NetworkSpec spec)
    {
        const int rows = BackwardEmitter.RowBlock;
        foreach (var layer in spec.Layers)
        {
            Add(layer, "z", rows * (long)layer.AffineOutputs);
            if (!layer.IsMaxout && layer.Activation == ActivationKind.Identity)
            {
                _regions[(layer.Index, "a")] = _regions[(layer.Index, "z")];
            }
            else
            {
                Add(layer, "a", rows * (long)layer.Units);
            }

            Add(layer, "dz", rows * (long)layer.AffineOutputs);
            Add(layer, "da", rows * (long)layer.Units);
        }
    }

    public long Length { get; private set; }

    /// <summary>A span expression over one region for <paramref name="rows"/> rows.</summary>
    public string Slice(LayerSpec layer, string region, int rows)
    {
        var (offset, length) = _regions[(layer.Index, region)];
        return $"scratch.Slice({Literals.Int(offset)}, {Literals.Int(length / BackwardEmitter.RowBlock * rows)})";
    }

    public bool Shares(LayerSpec layer, string first, string second) =>
        _regions[(layer.Index, first)].Offset == _regions[(layer.Index, second)].Offset;

    private void Add(LayerSpec layer, string region, long length)
    {
        _regions[(layer.Index, region)] = (Length, length);
        Length += length;
    }
}
