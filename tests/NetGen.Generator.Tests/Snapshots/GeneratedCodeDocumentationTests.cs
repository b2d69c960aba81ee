using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace NetGen.Generator.Tests.Snapshots;

/// <summary>
/// The excerpts of docs/generated-code.md are methods of the verified snapshots, copied verbatim. Each sits
/// between <c>&lt;!-- excerpt: Snapshot Method --&gt;</c> and <c>&lt;!-- /excerpt --&gt;</c>; with
/// <c>NETGEN_UPDATE_SNAPSHOTS=1</c> the test copies the current method in instead of comparing.
/// </summary>
public sealed class GeneratedCodeDocumentationTests
{
    private static readonly Regex Excerpt = new(
        @"<!-- excerpt: (?<snapshot>\S+) (?<method>\w+) -->\n```csharp\n(?<code>.*?)```\n<!-- /excerpt -->",
        RegexOptions.Singleline);

    [Fact]
    public void Every_excerpt_is_the_current_generated_method()
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "generated-code.md");
        var markdown = File.ReadAllText(page).Replace("\r\n", "\n");
        var excerpts = Excerpt.Matches(markdown);
        Assert.True(excerpts.Count >= 3, $"{page} has {excerpts.Count} excerpts; expected at least 3");

        var updated = Excerpt.Replace(markdown, match =>
        {
            var code = Method(match.Groups["snapshot"].Value, match.Groups["method"].Value);
            return match.Value.Replace(match.Groups["code"].Value, code);
        });

        if (Environment.GetEnvironmentVariable(SnapshotFile.UpdateVariable) == "1")
        {
            File.WriteAllText(page, updated);
            return;
        }

        foreach (Match match in excerpts)
        {
            var expected = Method(match.Groups["snapshot"].Value, match.Groups["method"].Value);
            Assert.True(
                expected == match.Groups["code"].Value,
                $"The excerpt {match.Groups["method"].Value} of {match.Groups["snapshot"].Value} in {page} is not the generated method; "
                + $"run the generator tests with {SnapshotFile.UpdateVariable}=1 to copy it in, and check the text around it still holds.");
        }
    }

    /// <summary>A method of a snapshot with its doc comment and attributes, its indentation removed.</summary>
    private static string Method(string snapshot, string method, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Verified", snapshot + ".verified.cs");
        var lines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
        var signature = Array.FindIndex(lines, line => line.Contains(" static ") && line.Contains($" {method}("));
        Assert.True(signature >= 0, $"{path} has no method {method}");

        var first = signature;
        while (first > 0 && lines[first - 1].TrimStart() is var previous && (previous.StartsWith("///") || previous.StartsWith("[")))
        {
            first--;
        }

        var indentation = lines[signature].Length - lines[signature].TrimStart().Length;
        var closing = new string(' ', indentation) + "}";
        var last = Array.FindIndex(lines, signature + 1, line => line == closing);
        Assert.True(last > signature, $"{method} in {path} has no closing brace at its indentation");

        return string.Concat(lines[first..(last + 1)].Select(line => (line.Length >= indentation ? line[indentation..] : line.TrimStart()) + "\n"));
    }

    private static string RepositoryRoot([CallerFilePath] string callerPath = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "..", ".."));
}
