using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>Emits the constants, constructors and parameter storage.</summary>
internal static class StorageEmitter
{
    public static void Emit(SourceWriter writer, NetworkSpec spec)
    {
        var name = spec.Type.Type.Name;
        writer.Line($"/// <summary>The number of input features of one sample.</summary>");
        writer.Line($"public const int InputSize = {spec.Inputs};");
        writer.Line();
        writer.Line($"/// <summary>The number of outputs of one sample.</summary>");
        writer.Line($"public const int OutputSize = {spec.Outputs};");
        writer.Line();
        writer.Line($"/// <summary>The number of weights and biases: {Describe(spec)}.</summary>");
        writer.Line($"public const int ParameterCount = {Literals.Int(spec.ParameterCount)};");
        writer.Line();
        writer.Line("private readonly float[] _parameters = new float[ParameterCount];");
        writer.Line("private readonly float[] _gradients = new float[ParameterCount];");
        writer.Line();
        writer.Line("// Each layer's values and gradients during Backward, for a block of rows.");
        writer.Line($"private readonly float[] _scratch = new float[{Literals.Int(new ScratchLayout(spec).Length)}];");
        writer.Line();
        Weights.EmbeddedWeightsHook.WriteParameterlessConstructor(writer, spec);
        writer.Line();
        writer.Line("/// <summary>Creates the network with parameters initialised from <paramref name=\"seed\"/>.</summary>");
        using (writer.Block($"public {name}(int seed)"))
        {
            writer.Line("InitializeParameters(seed);");
        }

        writer.Line();
        writer.Line("/// <summary>Every weight and bias, layer by layer: weight [out, in] row-major, then bias [out].</summary>");
        writer.Line($"public {Code.Span} Parameters => _parameters;");
        writer.Line();
        writer.Line("/// <summary>The gradient of the loss with respect to <see cref=\"Parameters\"/>, in the same layout.</summary>");
        writer.Line($"public {Code.Span} Gradients => _gradients;");
        writer.Line();
        writer.Line("int global::NetGen.INetwork.InputSize => InputSize;");
        writer.Line();
        writer.Line("int global::NetGen.INetwork.OutputSize => OutputSize;");
        writer.Line();
        writer.Line("int global::NetGen.INetwork.ParameterCount => ParameterCount;");
        writer.Line();
        writer.Line($"global::NetGen.Loss global::NetGen.INetwork.Loss => global::NetGen.Loss.{spec.Loss};");
    }

    private static string Describe(NetworkSpec spec)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (var layer in spec.Layers)
        {
            parts.Add($"layer {layer.Number} {layer.AffineOutputs}×{layer.Inputs} + {layer.AffineOutputs}");
        }

        return string.Join(", ", parts);
    }
}
