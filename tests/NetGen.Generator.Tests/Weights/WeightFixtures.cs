using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Snapshots;

namespace NetGen.Generator.Tests.Weights;

/// <summary>
/// A weight file as the build passes it to the compiler: the original among the AdditionalFiles, and the base64
/// copy NetGen.Weights.targets writes under obj/ with the original's path as NetGenWeightsSource metadata.
/// </summary>
internal sealed class PreparedWeightFile
{
    public PreparedWeightFile(string originalPath, byte[] bytes)
    {
        OriginalPath = originalPath;
        Original = new InMemoryAdditionalText(originalPath, string.Empty);
        Encoded = new InMemoryAdditionalText($"/project/obj/NetGen.Weights/{Path.GetFileName(originalPath)}.{(uint)originalPath.GetHashCode():x8}.base64", Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks));
    }

    public string OriginalPath { get; }

    public AdditionalText Original { get; }

    public AdditionalText Encoded { get; }

    public IEnumerable<AdditionalText> AdditionalFiles => [Original, Encoded];

    public static MetadataOptions Options(params PreparedWeightFile[] files) =>
        new(files.ToDictionary(f => f.Encoded.Path, f => f.OriginalPath));
}

/// <summary>Options that give chosen AdditionalFiles the NetGenWeightsSource metadata, as the compiler would from the build's editorconfig.</summary>
internal sealed class MetadataOptions(Dictionary<string, string> sources) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions => Empty.Instance;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty.Instance;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        sources.TryGetValue(textFile.Path, out var source) ? new Source(source) : Empty.Instance;

    private sealed class Source(string path) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = key == "build_metadata.AdditionalFiles.NetGenWeightsSource" ? path : null;
            return value is not null;
        }
    }

    private sealed class Empty : AnalyzerConfigOptions
    {
        public static readonly Empty Instance = new();

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }
    }
}

/// <summary>Safetensors files built in the test from the format's description.</summary>
internal static class SafetensorsFiles
{
    public static byte[] Build(IEnumerable<(string Name, string DType, long[] Shape, byte[] Data)> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new StringBuilder("{");
        if (metadata is not null)
        {
            header.Append("\"__metadata__\":{").Append(string.Join(",", metadata.Select(m => $"\"{m.Key}\":\"{m.Value}\""))).Append("},");
        }

        var data = new MemoryStream();
        foreach (var (name, dtype, shape, bytes) in tensors)
        {
            header.Append($"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{data.Length},{data.Length + bytes.Length}]}},");
            data.Write(bytes);
        }

        header.Length--;
        header.Append('}');
        while (header.Length % 8 != 0)
        {
            header.Append(' ');
        }

        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        return length.Concat(Encoding.UTF8.GetBytes(header.ToString())).Concat(data.ToArray()).ToArray();
    }

    public static byte[] F32(IEnumerable<float> values) => values.SelectMany(v => BitConverter.GetBytes(v)).ToArray();

    /// <summary>A file for Dense layers of the given widths, every value from <paramref name="value"/>(parameter index).</summary>
    public static byte[] Dense(int[] widths, Func<int, float> value, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var tensors = new List<(string, string, long[], byte[])>();
        var index = 0;
        for (var layer = 0; layer + 1 < widths.Length; layer++)
        {
            var weights = widths[layer + 1] * widths[layer];
            tensors.Add(($"layers.{layer}.weight", "F32", [widths[layer + 1], widths[layer]], F32(Enumerable.Range(index, weights).Select(value))));
            index += weights;
            tensors.Add(($"layers.{layer}.bias", "F32", [widths[layer + 1]], F32(Enumerable.Range(index, widths[layer + 1]).Select(value))));
            index += widths[layer + 1];
        }

        return Build(tensors, metadata);
    }
}

/// <summary>Compiles a source with NetGen's generator, emits it and loads the assembly, so that tests can run its networks.</summary>
internal static class CompiledNetworks
{
    public static (Assembly Assembly, GeneratorRun Run) Compile(string source, params PreparedWeightFile[] files)
    {
        var compilation = GeneratorHarness.Compile(source);
        GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new NetGenGenerator().AsSourceGenerator() },
            files.SelectMany(f => f.AdditionalFiles),
            GeneratorHarness.ParseOptions,
            PreparedWeightFile.Options(files));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        var run = new GeneratorRun(result.GeneratedSources, result.Exception, diagnostics, output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray(), output);
        Assert.True(run.Exception is null && run.OutputDiagnostics.IsEmpty, run.Describe());
        return (Assembly.Load(GeneratorHarness.EmitImage(output)), run);
    }

    public static INetwork Create(Assembly assembly, string typeName, params object[] arguments) =>
        (INetwork)Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true)!, arguments)!;
}

/// <summary>Runs NetGen's analyzer with weight files and their metadata.</summary>
internal static class WeightDiagnostics
{
    public static ImmutableArray<Diagnostic> Analyze(string source, params PreparedWeightFile[] files)
    {
        var compilation = CompilationFactory.Create(source);
        var (diagnostics, exceptions) = CompilationFactory.Analyze(compilation, files.SelectMany(f => f.AdditionalFiles), PreparedWeightFile.Options(files));
        Assert.Empty(exceptions);
        return diagnostics;
    }

    /// <summary>The one diagnostic reported, which must be <paramref name="id"/> on the Weights argument.</summary>
    public static Diagnostic Single(string id, string source, params PreparedWeightFile[] files)
    {
        var diagnostic = Assert.Single(Analyze(source, files), d => d.Id.StartsWith("NG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, diagnostic.Id);
        var span = diagnostic.Location.SourceSpan;
        Assert.StartsWith("Weights = \"", diagnostic.Location.SourceTree!.GetText().ToString(span), StringComparison.Ordinal);
        return diagnostic;
    }
}
