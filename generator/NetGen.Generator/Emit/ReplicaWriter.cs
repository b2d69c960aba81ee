using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes <c>INetwork.CreateReplicaSharingParameters</c> and the private constructor behind it: a network of the same
/// class on the same parameter array, with its own gradients and scratch, for data-parallel training.
/// </summary>
internal static class ReplicaWriter
{
    public static void Write(SourceWriter writer, NetworkPlan plan)
    {
        var generated = Code.GeneratedCode(plan);
        var name = plan.Type.Type.Name;
        writer.Line("/// <summary>A network on <paramref name=\"parameters\"/>, another instance's, with its own gradients and scratch.</summary>");
        writer.Line(generated);
        writer.Line($"private {name}(float[] parameters, global::NetGen.Kernels.ParameterSharing sharing) => _parameters = parameters;");
        writer.Line();
        writer.Line(generated);
        writer.Line($"global::NetGen.INetwork global::NetGen.INetwork.CreateReplicaSharingParameters() => new {name}(_parameters, default);");
    }
}
