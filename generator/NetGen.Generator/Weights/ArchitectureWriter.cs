using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Weights;

/// <summary>Emits the network's description of its layers (<c>INetwork.Architecture</c>), which weight files are checked against.</summary>
internal static class ArchitectureWriter
{
    public static void Write(SourceWriter writer, NetworkSpec spec)
    {
        writer.Line($"/// <summary>The layers as weight files store them: {WeightLayouts.From(spec).Architecture}.</summary>");
        writer.Line("private static readonly global::NetGen.NetworkArchitecture s_architecture = new(");
        writer.Line($"    {spec.Inputs},");
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            writer.Line($"    {Describe(spec.Layers[i])}{(i == spec.Layers.Count - 1 ? ");" : ",")}");
        }

        writer.Line();
        writer.Line("global::NetGen.NetworkArchitecture global::NetGen.INetwork.Architecture => s_architecture;");
    }

    private static string Describe(LayerSpec layer) => layer switch
    {
        { IsMaxout: true } => $"global::NetGen.LayerDescription.Maxout({layer.Inputs}, {layer.Units}, {layer.Pieces})",
        { Activation: ActivationKind.LeakyReLU or ActivationKind.ELU } =>
            $"global::NetGen.LayerDescription.Dense({layer.Inputs}, {layer.Units}, global::NetGen.Activation.{layer.Activation}, {Literals.Float(layer.Alpha)})",
        _ => $"global::NetGen.LayerDescription.Dense({layer.Inputs}, {layer.Units}, global::NetGen.Activation.{layer.Activation})",
    };
}
