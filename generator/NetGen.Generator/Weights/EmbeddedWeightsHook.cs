using NetGen.Generator.Emit;
using NetGen.Generator.Model;

namespace NetGen.Generator.Weights;

/// <summary>The one place the network's own file depends on embedding: where the parameterless constructor starts.</summary>
internal static class EmbeddedWeightsHook
{
    public static void WriteParameterlessConstructor(SourceWriter writer, NetworkSpec spec)
    {
        var name = spec.Type.Type.Name;
        if (spec.WeightsFile is null)
        {
            writer.Line("/// <summary>Creates the network with parameters initialised from seed 0.</summary>");
            writer.Line($"public {name}()");
            writer.Line("    : this(0)");
            writer.Line("{");
            writer.Line("}");
            return;
        }

        writer.Line($"/// <summary>Creates the network with the parameters embedded from {spec.WeightsFile.Replace("&", "&amp;").Replace("<", "&lt;")} at compile time.</summary>");
        using (writer.Block($"public {name}()"))
        {
            writer.Line("RestoreEmbeddedParameters();");
        }
    }
}
