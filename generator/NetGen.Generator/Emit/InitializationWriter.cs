using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>Writes <c>InitializeParameters</c>: weights from N(0, σ²) with He's or Glorot's σ, biases 0.</summary>
internal static class InitializationWriter
{
    public static void Write(SourceWriter writer, NetworkPlan plan)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Draws every weight from N(0, σ²) with He's σ = √(2 / fan-in) for the ReLU family and Glorot's");
        writer.Line("/// σ = √(2 / (fan-in + fan-out)) for the rest, and sets every bias to 0. The same seed gives the same parameters.");
        writer.Line("/// </summary>");
        writer.Line(Code.GeneratedCode(plan.Version));
        using (writer.Block("public void InitializeParameters(int seed)"))
        {
            writer.Line("var random = new global::NetGen.Kernels.NormalSampler(seed);");
            writer.Line($"{Code.Span} parameters = _parameters;");
            foreach (var layer in plan.Layers)
            {
                writer.Line($"// Layer {layer.Number}, {layer.Description}: {layer.Initialization.Rule}.");
                writer.Line($"random.Fill(parameters.Slice({Literals.Int(layer.WeightOffset)}, {Literals.Int(layer.WeightCount)}), {layer.Initialization.Sigma});");
                writer.Line($"parameters.Slice({Literals.Int(layer.BiasOffset)}, {layer.Outputs}).Clear();");
            }
        }
    }
}
