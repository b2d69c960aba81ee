using System;

namespace NetGen.Generator.Weights;

/// <summary>How a <c>Weights = "…"</c> name finds its file: the file's full path, its name, or the end of its path.</summary>
internal static class WeightsPath
{
    public static bool Matches(string path, string name)
    {
        var wanted = Normalize(name);
        while (wanted.StartsWith("./", StringComparison.Ordinal))
        {
            wanted = wanted.Substring(2);
        }

        if (wanted.Length == 0)
        {
            return false;
        }

        var normalized = Normalize(path);
        return string.Equals(normalized, wanted, StringComparison.OrdinalIgnoreCase)
            || normalized.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string path) => path.Replace('\\', '/').Replace("/./", "/");
}
