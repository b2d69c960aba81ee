using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generator.Weights;

/// <summary>
/// A weight file as the build hands it to the compiler. Roslyn reads AdditionalFiles as decoded text, which no
/// binary file survives; NetGen.Weights.targets therefore writes each weight file as base64 under obj/ and adds
/// that as an AdditionalFile whose <c>NetGenWeightsSource</c> metadata is the original's path.
/// </summary>
/// <param name="SourcePath">The original file's full path, which <c>Weights = "…"</c> is matched against.</param>
/// <param name="Content">The original file's bytes, or null when the base64 text is damaged.</param>
internal sealed record EmbeddedWeightFile(string SourcePath, ContentBytes? Content)
{
    /// <summary>The metadata NetGen.Weights.targets sets on the base64 file, as the compiler passes it to analyzers.</summary>
    public const string SourceMetadata = "build_metadata.AdditionalFiles.NetGenWeightsSource";

    /// <summary>The weight file <paramref name="text"/> carries, or null when it is another kind of AdditionalFile.</summary>
    public static EmbeddedWeightFile? TryRead(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!options.GetOptions(text).TryGetValue(SourceMetadata, out var source) || string.IsNullOrWhiteSpace(source))
        {
            return null;
        }

        var content = text.GetText(cancellationToken)?.ToString();
        try
        {
            return new EmbeddedWeightFile(source, content is null ? null : new ContentBytes(Convert.FromBase64String(content)));
        }
        catch (FormatException)
        {
            return new EmbeddedWeightFile(source, null);
        }
    }
}
