using System;
using System.IO;
using System.Linq;

namespace NetGen.Generator.Tests.Weights;

/// <summary>
/// Embedded weights, compiled and run: the parameterless constructor starts from exactly the values
/// LoadParameters reads from the same file, RestoreEmbeddedParameters returns to them, and a file that cannot be
/// embedded leaves a network that says why instead of starting from anything else.
/// </summary>
public sealed class EmbeddedWeightsTests
{
    private const string Layers = """
        [Dense(5, Activation.Tanh)]
        [Maxout(3, 2)]
        [Dense(4, Activation.LeakyReLU, Alpha = 0.2f)]
        [Dense(2, Activation.Softmax)]
        """;

    private static readonly string Trained = $"using NetGen;\nnamespace Lab;\n[Network(3, Loss = Loss.CrossEntropy)]\n{Layers}\npublic partial class Trained;\n";

    private static readonly string Embedded = Trained + $"[Network(3, Loss = Loss.CrossEntropy, Weights = \"brain.safetensors\")]\n{Layers}\npublic partial class Embedded;\n";

    [Fact]
    public void EmbeddedWeightsEqualLoadParametersOfTheSameFile()
    {
        var (trainedAssembly, _) = CompiledNetworks.Compile(Trained);
        var trained = CompiledNetworks.Create(trainedAssembly, "Lab.Trained", 3);
        using var file = new MemoryStream();
        trained.SaveParameters(file);

        var (assembly, run) = CompiledNetworks.Compile(Embedded, new PreparedWeightFile("/project/brain.safetensors", file.ToArray()));
        var embedded = CompiledNetworks.Create(assembly, "Lab.Embedded");
        var loaded = CompiledNetworks.Create(assembly, "Lab.Embedded", 9);
        Assert.NotEqual(Bits(trained.Parameters), Bits(loaded.Parameters));
        loaded.LoadParameters(new MemoryStream(file.ToArray()));

        Assert.Equal(Bits(loaded.Parameters), Bits(embedded.Parameters));
        Assert.Equal(Bits(trained.Parameters), Bits(embedded.Parameters));
        float[] input = [0.25f, -1.5f, 2f];
        var fromFile = new float[2];
        var fromAssembly = new float[2];
        loaded.Forward(input, fromFile);
        embedded.Forward(input, fromAssembly);
        Assert.Equal(fromFile, fromAssembly);

        embedded.InitializeParameters(5);
        Assert.NotEqual(Bits(trained.Parameters), Bits(embedded.Parameters));
        embedded.GetType().GetMethod("RestoreEmbeddedParameters")!.Invoke(embedded, null);
        Assert.Equal(Bits(trained.Parameters), Bits(embedded.Parameters));

        var weights = run.Sources.Single(s => s.HintName == "Lab.Embedded.Weights.g.cs").SourceText.ToString();
        Assert.Contains("\"u8;", weights);
        Assert.DoesNotContain("System.IO", weights);
        Assert.DoesNotContain("new ", weights.Replace("new global::NetGen.WeightFileException", string.Empty));
    }

    [Theory]
    [InlineData("F16")]
    [InlineData("BF16")]
    [InlineData("F64")]
    public void OtherDTypesAreConvertedAsLoadParametersConvertsThem(string dtype)
    {
        var source = "using NetGen;\nnamespace Lab;\n[Network(2, Weights = \"brain.safetensors\")]\n[Dense(3, Activation.Tanh)]\n[Dense(1)]\npublic partial class Small;\n";
        var values = Enumerable.Range(0, 13).Select(i => (float)Math.Sin(i * 1.7) * 3).ToArray();
        byte[] Encode(float v) => dtype switch
        {
            "F16" => BitConverter.GetBytes(BitConverter.HalfToUInt16Bits((Half)v)),
            "BF16" => BitConverter.GetBytes((ushort)(BitConverter.SingleToUInt32Bits(v) >> 16)),
            _ => BitConverter.GetBytes(Math.PI * v),
        };
        byte[] Tensor(int start, int count) => values.Skip(start).Take(count).SelectMany(Encode).ToArray();
        var file = SafetensorsFiles.Build(
        [
            ("layers.0.weight", dtype, [3, 2], Tensor(0, 6)),
            ("layers.0.bias", dtype, [3], Tensor(6, 3)),
            ("layers.1.weight", dtype, [1, 3], Tensor(9, 3)),
            ("layers.1.bias", dtype, [1], Tensor(12, 1)),
        ]);

        var (assembly, _) = CompiledNetworks.Compile(source, new PreparedWeightFile("/project/brain.safetensors", file));
        var embedded = CompiledNetworks.Create(assembly, "Lab.Small");
        var loaded = CompiledNetworks.Create(assembly, "Lab.Small", 1);
        loaded.LoadParameters(new MemoryStream(file));
        Assert.Equal(Bits(loaded.Parameters), Bits(embedded.Parameters));
        float Expected(float v) => dtype switch
        {
            "F16" => (float)(Half)v,
            "BF16" => BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(v) & 0xFFFF0000),
            _ => (float)(Math.PI * v),
        };
        Assert.Equal(Bits(values.Select(Expected).ToArray()), Bits(embedded.Parameters));
    }

    [Fact]
    public void TheEmbeddedValuesAreOneUtf8LiteralOfBase64()
    {
        var source = "using NetGen;\nnamespace Lab;\npublic partial class Outer\n{\n    [Network(2, Weights = \"models/brain.safetensors\")]\n    [Dense(3, Activation.Tanh)]\n    [Dense(1)]\n    internal partial class Small;\n}\n";
        var file = SafetensorsFiles.Dense([2, 3, 1], i => i / 4f);
        var (assembly, run) = CompiledNetworks.Compile(source, new PreparedWeightFile("/project/models/brain.safetensors", file));

        var weights = run.Sources.Single(s => s.HintName == "Lab.Outer.Small.Weights.g.cs").SourceText.ToString();
        Snapshots.SnapshotFile.Verify("Small.Weights", weights);
        var network = CompiledNetworks.Create(assembly, "Lab.Outer+Small");
        Assert.Equal(Enumerable.Range(0, 13).Select(i => i / 4f), network.Parameters.ToArray());
    }

    [Fact]
    public void AFileThatCannotBeEmbeddedFailsWithTheLoadersMessage()
    {
        var source = "using NetGen;\nnamespace Lab;\n[Network(2, Weights = \"brain.safetensors\")]\n[Dense(4, Activation.Tanh)]\n[Dense(1)]\npublic partial class Small;\n";
        var file = SafetensorsFiles.Dense([2, 3, 1], i => i);
        var (assembly, _) = CompiledNetworks.Compile(source, new PreparedWeightFile("/project/brain.safetensors", file));

        var exception = Assert.Throws<System.Reflection.TargetInvocationException>(() => CompiledNetworks.Create(assembly, "Lab.Small"));
        var thrown = Assert.IsType<WeightFileException>(exception.InnerException);
        Assert.Equal("brain.safetensors: layers.0.weight has shape [3, 2], but layer 1 (Dense 2 → 4) needs [4, 2]", thrown.Message);

        // The analyzer reports the same message as a compile-time error, and a seeded network still works.
        var diagnostic = WeightDiagnostics.Single("NG0038", source, new PreparedWeightFile("/project/brain.safetensors", file));
        Assert.Equal(thrown.Message, diagnostic.GetMessage());
        Assert.Equal(17, CompiledNetworks.Create(assembly, "Lab.Small", 1).ParameterCount);
    }

    private static int[] Bits(ReadOnlySpan<float> values) => values.ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
}
