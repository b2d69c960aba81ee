using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>Writes the constants, the parameter and scratch storage, the constructors and the INetwork properties.</summary>
internal static class StorageWriter
{
    public static void Write(SourceWriter writer, NetworkPlan plan)
    {
        var generated = Code.GeneratedCode(plan.Version);
        var name = plan.Type.Type.Name;
        Member(writer, generated, "The number of input features of one sample.", $"public const int InputSize = {plan.Inputs};");
        Member(writer, generated, "The number of outputs of one sample.", $"public const int OutputSize = {plan.Outputs};");
        Member(writer, generated, $"The number of weights and biases: {plan.ParameterBreakdown}.", $"public const int ParameterCount = {Literals.Int(plan.ParameterCount)};");
        writer.Line("private readonly float[] _parameters = global::NetGen.Kernels.CacheLineArrays.Allocate(ParameterCount);");
        writer.Line();
        writer.Line("private readonly float[] _gradients = global::NetGen.Kernels.CacheLineArrays.Allocate(ParameterCount);");
        writer.Line();
        writer.Line("// Each layer's values and gradients during Backward, for a block of rows.");
        writer.Line($"private readonly float[] _scratch = global::NetGen.Kernels.CacheLineArrays.Allocate({Literals.Int(plan.Training.ScratchLength)});");
        writer.Line();
        WriteParameterlessConstructor(writer, generated, plan);
        writer.Line();
        Member(writer, generated, "Creates the network with parameters initialised from <paramref name=\"seed\"/>.", $"public {name}(int seed) => InitializeParameters(seed);");
        Member(writer, generated, "Every weight and bias, layer by layer: weight [out, in] row-major, then bias [out].", $"public {Code.Span} Parameters => _parameters;");
        Member(writer, generated, "The gradient of the loss with respect to <see cref=\"Parameters\"/>, in the same layout.", $"public {Code.Span} Gradients => _gradients;");
        Member(writer, generated, null, "int global::NetGen.INetwork.InputSize => InputSize;");
        Member(writer, generated, null, "int global::NetGen.INetwork.OutputSize => OutputSize;");
        Member(writer, generated, null, "int global::NetGen.INetwork.ParameterCount => ParameterCount;");
        writer.Line(generated);
        writer.Line($"global::NetGen.Loss global::NetGen.INetwork.Loss => global::NetGen.Loss.{plan.Loss};");
    }

    /// <summary>The parameterless constructor: from seed 0, or from the embedded weights where the network has them.</summary>
    private static void WriteParameterlessConstructor(SourceWriter writer, string generated, NetworkPlan plan)
    {
        var name = plan.Type.Type.Name;
        if (plan.EmbeddedWeightsFile is not { } file)
        {
            writer.Line("/// <summary>Creates the network with parameters initialised from seed 0.</summary>");
            writer.Line(generated);
            writer.Line($"public {name}()");
            writer.Line("    : this(0)");
            writer.Line("{");
            writer.Line("}");
            return;
        }

        writer.Line($"/// <summary>Creates the network with the parameters embedded from {Literals.XmlText(file)} at compile time.</summary>");
        writer.Line(generated);
        using (writer.Block($"public {name}()"))
        {
            writer.Line("RestoreEmbeddedParameters();");
        }
    }

    private static void Member(SourceWriter writer, string generated, string? summary, string declaration)
    {
        if (summary is not null)
        {
            writer.Line($"/// <summary>{summary}</summary>");
        }

        writer.Line(generated);
        writer.Line(declaration);
        writer.Line();
    }
}
