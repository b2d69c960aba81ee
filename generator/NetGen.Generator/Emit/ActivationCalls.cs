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

    /// <summary>
    /// The element-wise activation applied to <paramref name="value"/> (a float or a vector of any width), or null
    /// when the kernel has nothing to apply: Identity, and Softmax and Maxout, which work on whole rows.
    /// </summary>
    public static string? Inline(LayerSpec layer, string value)
    {
        if (layer.IsMaxout)
        {
            return null;
        }

        var alpha = Literals.Float(layer.Alpha);
        return layer.Activation switch
        {
            ActivationKind.Identity or ActivationKind.Softmax => null,
            ActivationKind.LeakyReLU or ActivationKind.ELU => $"{Code.VectorMath}.{Name(layer.Activation)}({value}, {alpha})",
            _ => $"{Code.VectorMath}.{Name(layer.Activation)}({value})",
        };
    }

    /// <summary>The runtime's name for an activation's functions.</summary>
    public static string Name(ActivationKind activation) => activation switch
    {
        ActivationKind.ReLU => "Relu",
        ActivationKind.LeakyReLU => "LeakyRelu",
        ActivationKind.ELU => "Elu",
        ActivationKind.ReLU6 => "Relu6",
        _ => activation.ToString(),
    };

    /// <summary>Whether the activation is computed in place, so the affine block and the activations share a buffer.</summary>
    public static bool InPlace(LayerSpec layer) => !layer.IsMaxout;
}
