using System.Linq;
using NetGen.Generator.Emit;
using NetGen.Generator.Parsing;
using NetGen.Generator.Planning;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Diagnostics;

/// <summary>NG0022 appears exactly when the emitted source passes the limit, whatever the emitters currently produce.</summary>
public sealed class GeneratedSizeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData(3, 1, 4)]
    [InlineData(784, 1, 128)]
    [InlineData(3, 16, 7)]
    [InlineData(3, 40, 7)]
    [InlineData(3, 64, 7)]
    public void LargeGeneratedCodeIsReportedExactlyWhenTheSourcePassesTheLimit(int inputs, int hiddenLayers, int width)
    {
        var layers = string.Concat(Enumerable.Repeat($"[Dense({width}, Activation.Tanh)]\n", hiddenLayers));
        var compilation = CompilationFactory.Create($"using NetGen;\n[Network({inputs})]\n{layers}[Dense(1)]\npublic partial class Deep;\n");
        var type = compilation.GetTypeByMetadataName("Deep")!;
        var spec = NetworkParser.Parse(type, null, default).Spec!;
        var size = NetworkWriter.Write(NetworkPlanner.Plan(spec, TargetFeatures.Of(compilation)), default).Length;

        var (diagnostics, exceptions) = CompilationFactory.Analyze(compilation);
        output.WriteLine($"{hiddenLayers} × {width} after {inputs} inputs: {size:N0} characters");

        Assert.Empty(exceptions);
        var reported = diagnostics.Where(d => d.Id == "NG0022").ToList();
        Assert.Equal(size > NetworkLimits.LargeGeneratedSource, reported.Count == 1);
        Assert.All(reported, d => Assert.Equal("Deep", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
    }
}
