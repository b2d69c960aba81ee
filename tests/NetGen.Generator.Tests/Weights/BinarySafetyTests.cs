using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generator.Weights;

namespace NetGen.Generator.Tests.Weights;

/// <summary>
/// NetGen.Weights.targets, run by MSBuild on a file holding every byte value, gives the generator exactly those
/// bytes, where the same file read as an AdditionalFile's text would not survive.
/// </summary>
public sealed class BinarySafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("netgen-targets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EveryByteValueSurvivesTheBuildStep()
    {
        var bytes = Enumerable.Range(0, 256).Select(b => (byte)b).Concat(Enumerable.Range(0, 256).Select(b => (byte)(255 - b))).ToArray();
        File.WriteAllBytes(Path.Combine(_folder, "every-byte.safetensors"), bytes);
        File.WriteAllBytes(Path.Combine(_folder, "other.bin"), bytes);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a weight file");
        File.WriteAllText(Path.Combine(_folder, "probe.proj"), $"""
            <Project>
              <PropertyGroup><IntermediateOutputPath>obj/</IntermediateOutputPath></PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="every-byte.safetensors" />
                <AdditionalFiles Include="other.bin" NetGenWeights="true" />
                <AdditionalFiles Include="notes.txt" />
              </ItemGroup>
              <Import Project="{Path.Combine(RepositoryRoot(), "src", "NetGen", "buildTransitive", "NetGen.Weights.targets")}" />
              <Target Name="Probe" DependsOnTargets="NetGenEncodeWeights">
                <Message Importance="high" Text="ADDITIONAL %(AdditionalFiles.FullPath)|%(AdditionalFiles.NetGenWeightsSource)" />
              </Target>
            </Project>
            """);

        var output = Run("msbuild probe.proj -t:Probe -nologo -v:m -nodeReuse:false");
        var entries = output.Split('\n').Where(l => l.Contains("ADDITIONAL ", StringComparison.Ordinal))
            .Select(l => l.Substring(l.IndexOf("ADDITIONAL ", StringComparison.Ordinal) + 11).Trim().Split('|'))
            .ToList();
        var encoded = entries.Where(e => e[1].Length > 0).ToList();
        Assert.Equal(5, entries.Count);
        Assert.Equal(2, encoded.Count);

        foreach (var entry in encoded)
        {
            Assert.StartsWith(Path.Combine(_folder, "obj", "NetGen.Weights"), entry[0], StringComparison.Ordinal);
            using var stream = File.OpenRead(entry[0]);
            var text = new FileText(entry[0], SourceText.From(stream));
            var file = EmbeddedWeightFile.TryRead(text, new MetadataOptions(new() { [entry[0]] = entry[1] }), CancellationToken.None);
            Assert.NotNull(file);
            Assert.Equal(entry[1], file!.SourcePath);
            Assert.Equal(bytes, file.Content!.Span.ToArray());
        }

        // The premise: the original read as text, as the compiler reads AdditionalFiles, does not give the bytes back.
        using var original = File.OpenRead(Path.Combine(_folder, "every-byte.safetensors"));
        Assert.NotEqual(bytes, Encoding.UTF8.GetBytes(SourceText.From(original).ToString()));
    }

    private string Run(string arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet, arguments) { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NetGen.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class FileText(string path, SourceText text) : Microsoft.CodeAnalysis.AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
