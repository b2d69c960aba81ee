using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes <c>INetwork.CreateReplicaSharingParameters</c> and the private constructor behind it: a network of the same
/// class on the same parameter array, with its own gradients and scratch, for data-parallel training. Nothing for a
/// class that cannot be instantiated (abstract): the interface's default then says replicas are not supported.
/// </summary>
internal static class ReplicaWriter
{
    /// <summary>Writes the members; returns whether there were any.</summary>
    public static bool Write(SourceWriter writer, NetworkPlan plan)
    {
        if (!plan.Type.Type.IsInstantiable)
        {
            return false;
        }

        var generated = Code.GeneratedCode(plan.Version);
        var name = plan.Type.Type.Name;
        writer.Line("/// <summary>A network on <paramref name=\"parameters\"/>, another instance's, with its own gradients and scratch.</summary>");
        writer.Line(generated);
        writer.Line($"private {name}(float[] parameters, global::NetGen.Kernels.ParameterSharing sharing) => _parameters = parameters;");
        writer.Line();
        writer.Line(generated);
        writer.Line($"global::NetGen.INetwork global::NetGen.INetwork.CreateReplicaSharingParameters() => new {name}(_parameters, default);");
        return true;
    }
}
