using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Kernels;
using NetGen.Safetensors;

namespace NetGen;

/// <summary>
/// The layers of a network, in order: what weight files store and check. Generated networks provide theirs
/// through <see cref="INetwork.Architecture"/>; its <see cref="ToString"/> is the architecture string a weight
/// file records, e.g. <c>784-Dense128ReLU-Dense10Softmax</c>.
/// </summary>
public sealed class NetworkArchitecture
{
    private readonly LayerDescription[] _layers;
    private ForwardBatchLayout? _batchLayout;

    /// <summary>Describes a network of <paramref name="inputs"/> inputs and the given layers, each reading the previous one's units.</summary>
    /// <exception cref="ArgumentException">A layer's inputs differ from the units before it.</exception>
    public NetworkArchitecture(int inputs, params LayerDescription[] layers)
    {
        if (inputs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "A network needs at least one input.");
        }

        ArgumentNullException.ThrowIfNull(layers);
        _layers = (LayerDescription[])layers.Clone();
        var width = inputs;
        for (var i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i] ?? throw new ArgumentException($"Layer {i + 1} is null.", nameof(layers));
            if (layer.Inputs != width)
            {
                throw new ArgumentException($"Layer {i + 1} ({layer}) reads {layer.Inputs} values, but {(i == 0 ? "the network has" : $"layer {i} outputs")} {width}.", nameof(layers));
            }

            width = layer.Units;
        }

        Inputs = inputs;
        Layout = CreateLayout(inputs, _layers);
    }

    /// <summary>The number of input features of one sample.</summary>
    public int Inputs { get; }

    /// <summary>The number of outputs: the last layer's units.</summary>
    public int Outputs => _layers.Length == 0 ? Inputs : _layers[^1].Units;

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<LayerDescription> Layers => _layers;

    /// <summary>Every weight and bias of every layer.</summary>
    public long ParameterCount => Layout.ParameterCount;

    /// <summary>The tensors a weight file holds for this architecture.</summary>
    internal ParameterLayout Layout { get; }

    /// <summary>How ForwardBatch runs these layers, decided on first use (a race only decides it twice, the same way).</summary>
    internal ForwardBatchLayout BatchLayout => _batchLayout ??= ForwardBatchLayout.For(this);

    /// <summary>The architecture string weight files record: <c>784-Dense128ReLU-Dense10Softmax</c>, <c>7-Maxout17x3-Dense1Identity</c>.</summary>
    public override string ToString() => Layout.Architecture;

    private static ParameterLayout CreateLayout(int inputs, LayerDescription[] layers)
    {
        var tensorLayers = new List<TensorLayer>();
        long offset = 0;
        foreach (var (layer, index) in layers.Select((layer, index) => (layer, index)))
        {
            var tensorLayer = new TensorLayer(index, layer.Kind == LayerKind.Maxout, layer.Inputs, layer.Units, layer.Pieces, layer.Activation.ToString(), layer.Alpha, offset);
            tensorLayers.Add(tensorLayer);
            offset += tensorLayer.ParameterCount;
        }

        return new ParameterLayout(inputs, tensorLayers);
    }
}
