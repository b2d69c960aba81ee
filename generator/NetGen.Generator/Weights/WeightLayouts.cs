using System.Linq;
using NetGen.Generator.Model;
using NetGen.Safetensors;

namespace NetGen.Generator.Weights;

internal static class WeightLayouts
{
    /// <summary>The tensors a weight file holds for <paramref name="spec"/>, described as the runtime describes them.</summary>
    public static ParameterLayout From(NetworkSpec spec) => new(
        spec.Inputs,
        spec.Layers.Select(layer => new TensorLayer(
            layer.Index,
            layer.IsMaxout,
            layer.Inputs,
            layer.Units,
            layer.Pieces,
            layer.Activation.ToString(),
            layer.Alpha,
            layer.ParameterOffset)).ToList());
}
