using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Tests.Diagnostics;

/// <summary>Every descriptor has a help link to its own section of docs/diagnostics.md and a release-tracking row.</summary>
public sealed class DocumentationTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void EveryDescriptorLinksToItsSectionWithABadAndAFixedExample()
    {
        var markdown = File.ReadAllText(Path.Combine(Root, "docs", "diagnostics.md"));
        var sections = Regex.Split(markdown, @"^## ", RegexOptions.Multiline).Skip(1)
            .ToDictionary(s => DiagnosticDescriptors.Anchor(s.Substring(0, s.IndexOf('\n')).Trim()), s => s);

        Assert.Equal(sections.Count, DiagnosticDescriptors.All.Length);
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var fragment = descriptor.HelpLinkUri.Substring(descriptor.HelpLinkUri.IndexOf('#') + 1);
            Assert.True(sections.TryGetValue(fragment, out var section), $"{descriptor.Id}: no heading has the anchor #{fragment}");
            Assert.StartsWith($"{descriptor.Id}: {descriptor.Title}", section, StringComparison.Ordinal);
            Assert.True(Regex.Matches(section, "```csharp").Count >= 1 && (section.Contains("// Bad") || section.Contains("// Reported")), $"{descriptor.Id}: no bad example");
            Assert.True(section.Contains("// Fixed") || section.Contains("// Not reported"), $"{descriptor.Id}: no fixed example");
        }
    }

    [Fact]
    public void EveryHelpLinkPointsAtTheDiagnosticsPageOfTheRepository()
    {
        var page = BuildInfo.RepositoryUrl + "/blob/" + BuildInfo.RepositoryBranch + "/docs/diagnostics.md#";
        Assert.StartsWith("https://", page, StringComparison.Ordinal);
        Assert.All(DiagnosticDescriptors.All, descriptor => Assert.StartsWith(page, descriptor.HelpLinkUri, StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratorVersionIsTheAssemblyVersionSetInDirectoryBuildProps()
    {
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Build.props"));
        var version = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        var informational = typeof(NetGenGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(BuildInfo.Version, version);
        Assert.Equal(version, informational);
    }

    [Fact]
    public void AnchorsFollowGitHub()
    {
        Assert.Equal("ng0001-network-class-must-be-partial", DiagnosticDescriptors.Anchor("NG0001: Network class must be partial"));
        Assert.Equal("ng0004-network-is-only-supported-on-classes", DiagnosticDescriptors.Anchor("NG0004: [Network] is only supported on classes"));
        Assert.Equal("ng0017-leakyrelu-alpha-outside-0-1", DiagnosticDescriptors.Anchor("NG0017: LeakyReLU Alpha outside (0, 1)"));
    }

    [Fact]
    public void EveryDescriptorIsInTheReleaseTracking()
    {
        var unshipped = File.ReadAllText(Path.Combine(Root, "generator", "NetGen.Generator", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var severity = descriptor.DefaultSeverity == DiagnosticSeverity.Info ? "Info" : descriptor.DefaultSeverity.ToString();
            Assert.Contains($"{descriptor.Id} | NetGen | {severity} |", unshipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnalyzerSupportsEveryDescriptor() =>
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id), new NetworkAnalyzer().SupportedDiagnostics.Select(d => d.Id));

    private static string FindRoot()
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
}
