using System;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>Emits <c>InitializeParameters</c>: weights from N(0, σ²) with He or Glorot's σ, biases 0.</summary>
internal static class InitializationEmitter
{
    public static void Emit(SourceWriter writer, NetworkSpec spec)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Draws every weight from N(0, σ²) with He's σ = √(2 / fan-in) for the ReLU family and Glorot's");
        writer.Line("/// σ = √(2 / (fan-in + fan-out)) for the rest, and sets every bias to 0. The same seed gives the same parameters.");
        writer.Line("/// </summary>");
        using (writer.Block("public void InitializeParameters(int seed)"))
        {
            writer.Line("var random = new global::NetGen.Kernels.NormalSampler(seed);");
            writer.Line($"{Code.Span} parameters = _parameters;");
            foreach (var layer in spec.Layers)
            {
                var (rule, sigma) = layer.UsesHeInitialization
                    ? ($"He, σ = √(2 / {layer.Inputs})", Math.Sqrt(2.0 / layer.Inputs))
                    : ($"Glorot, σ = √(2 / ({layer.Inputs} + {layer.Units}))", Math.Sqrt(2.0 / (layer.Inputs + layer.Units)));
                writer.Line($"// Layer {layer.Number}, {layer.Describe()}: {rule}.");
                writer.Line($"random.Fill(parameters.Slice({Literals.Int(layer.ParameterOffset)}, {Literals.Int(layer.WeightCount)}), {Literals.Float((float)sigma)});");
                writer.Line($"parameters.Slice({Literals.Int(layer.BiasOffset)}, {layer.AffineOutputs}).Clear();");
            }
        }
    }
}
