using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>The runtime's names for each activation: its <c>VectorMath</c> function, its activation struct and its derivative.</summary>
internal static class ActivationNames
{
    /// <summary>The name the runtime gives an activation's functions ("Relu", "LeakyRelu", …).</summary>
    public static string Of(ActivationKind activation) => activation switch
    {
        ActivationKind.ReLU => "Relu",
        ActivationKind.LeakyReLU => "LeakyRelu",
        ActivationKind.ELU => "Elu",
        ActivationKind.ReLU6 => "Relu6",
        _ => activation.ToString(),
    };

    /// <summary>Whether the activation takes the layer's α.</summary>
    public static bool TakesAlpha(ActivationKind activation) => activation is ActivationKind.LeakyReLU or ActivationKind.ELU;

    /// <summary>The runtime struct that applies an activation in the shared kernels: <c>TanhFunction</c>.</summary>
    public static string StructName(ActivationKind activation) => Of(activation) + "Function";

    /// <summary>A value of the runtime struct that applies <paramref name="activation"/>: <c>default(TanhFunction)</c>, <c>new EluFunction(1f)</c>.</summary>
    public static string Struct(ActivationKind activation, float alpha) => TakesAlpha(activation)
        ? $"new {StructName(activation)}({Literals.Float(alpha)})"
        : $"default({StructName(activation)})";
}
