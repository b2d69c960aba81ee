using System.Globalization;

namespace NetGen.Safetensors;

/// <summary>The <c>__metadata__</c> entries NetGen writes and reads.</summary>
internal static class MetadataKeys
{
    /// <summary>The saving network's architecture, e.g. <c>784-Dense128ReLU-Dense10Softmax</c>.</summary>
    public const string Architecture = "netgen.architecture";

    /// <summary>The version of NetGen that wrote the file.</summary>
    public const string Version = "netgen.version";

    /// <summary>Self-check vector <paramref name="index"/>'s inputs, comma-separated.</summary>
    public static string CheckInput(int index) => $"netgen.check.{index.ToString(CultureInfo.InvariantCulture)}.input";

    /// <summary>The outputs the saving network computed for <see cref="CheckInput"/>, comma-separated.</summary>
    public static string CheckOutput(int index) => $"netgen.check.{index.ToString(CultureInfo.InvariantCulture)}.output";
}
