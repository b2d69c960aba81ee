using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Safetensors;

/// <summary>A network's layers as a weight file stores them: every tensor with its place in the parameter block.</summary>
internal sealed class ParameterLayout
{
    public ParameterLayout(int inputs, IReadOnlyList<TensorLayer> layers)
    {
        Inputs = inputs;
        Layers = layers;
        Tensors = layers.SelectMany(layer => layer.Tensors()).ToList();
        ParameterCount = layers.Sum(layer => layer.ParameterCount);
    }

    public int Inputs { get; }

    public int Outputs => Layers.Count == 0 ? Inputs : Layers[Layers.Count - 1].Units;

    public IReadOnlyList<TensorLayer> Layers { get; }

    /// <summary>Every tensor, layer by layer, weight before bias: the order of the parameter block.</summary>
    public IReadOnlyList<ExpectedTensor> Tensors { get; }

    public long ParameterCount { get; }

    /// <summary>"784-Dense128ReLU-Dense10Softmax": the inputs, then each layer's token.</summary>
    public string Architecture =>
        string.Join("-", new[] { Inputs.ToString(CultureInfo.InvariantCulture) }.Concat(Layers.Select(layer => layer.Token)));

    public ExpectedTensor? Find(string name) => Tensors.FirstOrDefault(t => t.Name == name);
}
