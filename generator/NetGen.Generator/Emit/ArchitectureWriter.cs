using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>Writes the network's description of its layers (<c>INetwork.Architecture</c>), which weight files are checked against.</summary>
internal static class ArchitectureWriter
{
    public static void Write(SourceWriter writer, NetworkPlan plan)
    {
        var architecture = plan.Architecture;
        writer.Line($"/// <summary>The layers as weight files store them: {architecture.Name}.</summary>");
        writer.Line("private static readonly global::NetGen.NetworkArchitecture s_architecture = new(");
        writer.Line($"    {architecture.Inputs},");
        for (var i = 0; i < architecture.Layers.Count; i++)
        {
            writer.Line($"    {Describe(architecture.Layers[i])}{(i == architecture.Layers.Count - 1 ? ");" : ",")}");
        }

        writer.Line();
        writer.Line(Code.GeneratedCode(plan.Version));
        writer.Line("global::NetGen.NetworkArchitecture global::NetGen.INetwork.Architecture => s_architecture;");
    }

    private static string Describe(LayerDescriptionPlan layer) => layer switch
    {
        { Maxout: true } => $"global::NetGen.LayerDescription.Maxout({layer.Inputs}, {layer.Units}, {layer.Pieces})",
        { Alpha: { } alpha } => $"global::NetGen.LayerDescription.Dense({layer.Inputs}, {layer.Units}, global::NetGen.Activation.{layer.Activation}, {alpha})",
        _ => $"global::NetGen.LayerDescription.Dense({layer.Inputs}, {layer.Units}, global::NetGen.Activation.{layer.Activation})",
    };
}
