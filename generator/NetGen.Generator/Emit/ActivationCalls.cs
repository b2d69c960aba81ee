using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>How each layer's activation is applied: inline in the forward kernel, or by a row-wise runtime call.</summary>
internal static class ActivationCalls
{
    /// <summary>
    /// The runtime call for an activation that works on whole rows — Softmax, or Maxout's maximum over its pieces —
    /// or null when the forward kernel applies the activation itself (element-wise ones) or there is none (Identity).
    /// </summary>
    public static string? RowWise(LayerSpec layer, string affine, string activations) =>
        layer.IsMaxout ? $"{Code.Activations}.Maxout({affine}, {activations}, {layer.Units});"
        : layer.Activation == ActivationKind.Softmax ? $"{Code.Activations}.Softmax({activations}, {layer.Units});"
        : null;

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
