using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NetGen.Generator.Tests.Weights;

/// <summary>
/// Each reason a weight file cannot be embedded is its own diagnostic on the Weights argument, with the message
/// LoadParameters gives for the same file at run time.
/// </summary>
public sealed class EmbeddedWeightsDiagnosticTests
{
    private const string Tiny = """
        using NetGen;
        namespace Lab;
        [Network(2, Weights = "brain.safetensors")]
        [Dense(3, Activation.Tanh)]
        [Dense(1)]
        public partial class Tiny;
        """;

    private static readonly string Seeded = Tiny.Replace(", Weights = \"brain.safetensors\"", string.Empty);

    private static readonly byte[] Valid = SafetensorsFiles.Dense([2, 3, 1], i => (i % 5) / 4f);

    [Fact]
    public void AValidFileHasNoDiagnostic() =>
        Assert.DoesNotContain(WeightDiagnostics.Analyze(Tiny, File(Valid)), d => d.Id.StartsWith("NG", System.StringComparison.Ordinal));

    [Fact]
    public void NG0035_DamagedFile()
    {
        var truncated = Valid.AsSpan(0, Valid.Length - 10).ToArray();
        var diagnostic = WeightDiagnostics.Single("NG0035", Tiny, File(truncated));
        Assert.Equal("brain.safetensors: the file ends inside tensor layers.1.weight: the data after the header is 42 bytes, but the header's tensors need 52; the file is truncated", diagnostic.GetMessage());
        AssertSameAsLoader(diagnostic, truncated);
    }

    [Fact]
    public void NG0035_InvalidJson()
    {
        var file = Valid.ToArray();
        file[8] = (byte)'[';
        var diagnostic = WeightDiagnostics.Single("NG0035", Tiny, File(file));
        Assert.StartsWith("brain.safetensors: the header is not valid JSON: ", diagnostic.GetMessage());
        AssertSameAsLoader(diagnostic, file);
    }

    [Fact]
    public void NG0035_TwoFilesOfTheSameName()
    {
        var diagnostic = WeightDiagnostics.Single("NG0035", Tiny, new PreparedWeightFile("/project/a/brain.safetensors", Valid), new PreparedWeightFile("/project/b/brain.safetensors", Valid));
        Assert.Equal("Weights = \"brain.safetensors\" matches 2 AdditionalFiles (/project/a/brain.safetensors, /project/b/brain.safetensors); give enough of the path to name one", diagnostic.GetMessage());
        Assert.Empty(WeightDiagnostics.Analyze(Tiny.Replace("\"brain.safetensors\"", "\"b/brain.safetensors\""), new PreparedWeightFile("/project/a/brain.safetensors", Valid), new PreparedWeightFile("/project/b/brain.safetensors", Valid)).Where(d => d.Id.StartsWith("NG", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void NG0036_MissingTensor()
    {
        var file = SafetensorsFiles.Build([("layers.0.weight", "F32", [3, 2], new byte[24]), ("layers.0.bias", "F32", [3], new byte[12]), ("layers.1.weight", "F32", [1, 3], new byte[12])]);
        var diagnostic = WeightDiagnostics.Single("NG0036", Tiny, File(file));
        Assert.Equal("brain.safetensors: layers.1.bias is missing; layer 2 (Dense 3 → 1) needs it with shape [1]", diagnostic.GetMessage());
        AssertSameAsLoader(diagnostic, file);
    }

    [Fact]
    public void NG0037_UnexpectedTensor()
    {
        var file = SafetensorsFiles.Build(Tensors().Append(("layers.2.weight", "F32", [1, 1], new byte[4])));
        var diagnostic = WeightDiagnostics.Single("NG0037", Tiny, File(file));
        Assert.Equal("brain.safetensors: the file has a tensor layers.2.weight that the network does not have (2-Dense3Tanh-Dense1Identity has layers.0.weight, layers.0.bias, layers.1.weight, layers.1.bias)", diagnostic.GetMessage());
    }

    [Fact]
    public void NG0038_WrongShape()
    {
        var file = SafetensorsFiles.Build(Tensors().Select(t => t.Name == "layers.1.weight" ? (t.Name, t.DType, new long[] { 3, 1 }, t.Data) : t));
        var diagnostic = WeightDiagnostics.Single("NG0038", Tiny, File(file));
        Assert.Equal("brain.safetensors: layers.1.weight has shape [3, 1], but layer 2 (Dense 3 → 1) needs [1, 3]; the file holds it transposed (NetGen, like PyTorch's nn.Linear, stores a weight as [out, in])", diagnostic.GetMessage());
        AssertSameAsLoader(diagnostic, file);
    }

    [Fact]
    public void NG0039_FailingSelfCheck()
    {
        // The outputs of a ReLU network with these parameters, which Tanh does not reproduce.
        var metadata = new Dictionary<string, string> { ["netgen.check.0.input"] = "-1,2", ["netgen.check.0.output"] = ReluOutput(-1, 2) };
        var file = SafetensorsFiles.Build(Tensors(), metadata);
        var diagnostic = WeightDiagnostics.Single("NG0039", Tiny, File(file));
        Assert.StartsWith("brain.safetensors: self-check vector 0 fails: with the file's parameters, output 0 is ", diagnostic.GetMessage());

        var network = LoaderNetwork();
        var exception = Assert.Throws<WeightFileException>(() => network.LoadParameters(new MemoryStream(file)));
        Assert.StartsWith("the weight stream: self-check vector 0 fails", exception.Message);

        var honest = new Dictionary<string, string> { ["netgen.check.0.input"] = "-1,2", ["netgen.check.0.output"] = TanhOutput(-1, 2) };
        Assert.DoesNotContain(WeightDiagnostics.Analyze(Tiny, File(SafetensorsFiles.Build(Tensors(), honest))), d => d.Id.StartsWith("NG", System.StringComparison.Ordinal));
    }

    [Fact]
    public void NG0040_ArchitectureMismatch()
    {
        var file = SafetensorsFiles.Build(Tensors(), new Dictionary<string, string> { ["netgen.architecture"] = "2-Dense3ReLU-Dense1Identity" });
        var diagnostic = WeightDiagnostics.Single("NG0040", Tiny, File(file));
        Assert.Equal("brain.safetensors: the file was saved from a 2-Dense3ReLU-Dense1Identity network, but this network is 2-Dense3Tanh-Dense1Identity; the tensors' shapes fit, but the layers compute something else", diagnostic.GetMessage());
        AssertSameAsLoader(diagnostic, file);
    }

    [Fact]
    public void NG0041_NotPrepared()
    {
        var prepared = File(Valid);
        var compilation = Infrastructure.CompilationFactory.Create(Tiny);
        var (diagnostics, _) = Infrastructure.CompilationFactory.Analyze(compilation, [prepared.Original]);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "NG0041");
        Assert.StartsWith("brain.safetensors is among the AdditionalFiles, but was not prepared for embedding", diagnostic.GetMessage());
        Assert.Equal("Weights = \"brain.safetensors\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void NG0042_TooLargeToEmbed()
    {
        const string big = "using NetGen;\n[Network(4000, Weights = \"big.safetensors\")]\n[Dense(4001)]\npublic partial class Big;\n";
        var diagnostic = WeightDiagnostics.Single("NG0042", big, new PreparedWeightFile("/project/big.safetensors", Valid));
        Assert.Equal("big.safetensors: the network has 16,008,001 parameters, more than the 16,000,000 NetGen embeds (64 MB); leave Weights unset and call LoadParameters at run time", diagnostic.GetMessage());
    }

    private static PreparedWeightFile File(byte[] bytes) => new("/project/brain.safetensors", bytes);

    private static IEnumerable<(string Name, string DType, long[] Shape, byte[] Data)> Tensors() =>
    [
        ("layers.0.weight", "F32", [3, 2], SafetensorsFiles.F32([0.5f, -1f, 1f, 0.25f, -0.5f, 2f])),
        ("layers.0.bias", "F32", [3], SafetensorsFiles.F32([0.1f, -0.2f, 0.3f])),
        ("layers.1.weight", "F32", [1, 3], SafetensorsFiles.F32([1f, -1f, 0.5f])),
        ("layers.1.bias", "F32", [1], SafetensorsFiles.F32([0.25f])),
    ];

    private static string ReluOutput(float x0, float x1) => Output(x0, x1, z => System.Math.Max(0, z));

    private static string TanhOutput(float x0, float x1) => Output(x0, x1, System.Math.Tanh);

    private static string Output(float x0, float x1, System.Func<double, double> activation)
    {
        double[,] w = { { 0.5, -1 }, { 1, 0.25 }, { -0.5, 2 } };
        double[] b = [0.1, -0.2, 0.3], v = [1, -1, 0.5];
        var y = 0.25 + Enumerable.Range(0, 3).Sum(j => v[j] * activation(b[j] + (w[j, 0] * x0) + (w[j, 1] * x1)));
        return ((float)y).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static INetwork LoaderNetwork()
    {
        var (assembly, _) = CompiledNetworks.Compile(Seeded);
        return CompiledNetworks.Create(assembly, "Lab.Tiny", 1);
    }

    /// <summary>The diagnostic's message is the runtime loader's for the same bytes, but for how each names the file.</summary>
    private static void AssertSameAsLoader(Microsoft.CodeAnalysis.Diagnostic diagnostic, byte[] file)
    {
        var network = LoaderNetwork();
        var exception = Assert.Throws<WeightFileException>(() => network.LoadParameters(new MemoryStream(file)));
        Assert.Equal(diagnostic.GetMessage().Substring("brain.safetensors: ".Length), exception.Message.Substring("the weight stream: ".Length));
    }
}
