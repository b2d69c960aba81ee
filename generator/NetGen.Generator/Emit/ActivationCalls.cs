using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>The runtime calls that apply a layer's activation (or Maxout's maximum) to a block of rows.</summary>
internal static class ActivationCalls
{
    /// <summary>The statement that turns <paramref name="affine"/> into the layer's activations, or null for Identity.</summary>
    public static string? Forward(LayerSpec layer, string affine, string activations)
    {
        if (layer.IsMaxout)
        {
            return $"{Code.Activations}.Maxout({affine}, {activations}, {layer.Units});";
        }

        var alpha = Literals.Float(layer.Alpha);
        return layer.Activation switch
        {
            ActivationKind.Identity => null,
            ActivationKind.Step => $"{Code.Activations}.Step({activations});",
            ActivationKind.Sigmoid => $"{Code.Activations}.Sigmoid({activations});",
            ActivationKind.Tanh => $"{Code.Activations}.Tanh({activations});",
            ActivationKind.ReLU => $"{Code.Activations}.Relu({activations});",
            ActivationKind.LeakyReLU => $"{Code.Activations}.LeakyRelu({activations}, {alpha});",
            ActivationKind.ELU => $"{Code.Activations}.Elu({activations}, {alpha});",
            ActivationKind.ReLU6 => $"{Code.Activations}.Relu6({activations});",
            ActivationKind.Swish => $"{Code.Activations}.Swish({activations});",
            ActivationKind.Mish => $"{Code.Activations}.Mish({activations});",
            _ => $"{Code.Activations}.Softmax({activations}, {layer.Units});",
        };
    }

    /// <summary>Whether the activation is computed in place, so the affine block and the activations share a buffer.</summary>
    public static bool InPlace(LayerSpec layer) => !layer.IsMaxout;
}
