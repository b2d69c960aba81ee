using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace NetGen.Generator.Tests.Snapshots;

/// <summary>
/// Compares generated source with a checked-in <c>Verified/*.verified.cs</c> file found beside this source file.
/// With <c>NETGEN_UPDATE_SNAPSHOTS=1</c> the verified file is rewritten instead; otherwise a mismatch writes a
/// <c>.received.cs</c> file next to it and fails with the first differing line.
/// </summary>
public static class SnapshotFile
{
    public const string UpdateVariable = "NETGEN_UPDATE_SNAPSHOTS";

    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Verified");
        var verifiedPath = Path.Combine(directory, name + ".verified.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        actual = Normalize(actual);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No verified snapshot {verifiedPath}; wrote {receivedPath}. Review it, then rename it or run with {UpdateVariable}=1."
            : $"Generated source differs from {verifiedPath}: {FirstDifference(expected, actual)}{Environment.NewLine}"
              + $"Wrote {receivedPath}; compare with `diff -u {verifiedPath} {receivedPath}`, and if the change is intended run with {UpdateVariable}=1.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var count = Math.Min(expectedLines.Length, actualLines.Length);
        var line = Enumerable.Range(0, count).FirstOrDefault(i => expectedLines[i] != actualLines[i], count);
        var expectedLine = line < expectedLines.Length ? expectedLines[line] : "<end of file>";
        var actualLine = line < actualLines.Length ? actualLines[line] : "<end of file>";
        return $"line {line + 1} ({expectedLines.Length} lines expected, {actualLines.Length} received){Environment.NewLine}"
            + $"  expected: {expectedLine.Trim()}{Environment.NewLine}"
            + $"  received: {actualLine.Trim()}";
    }
}
