using System;
using System.Globalization;

namespace NetGen.Safetensors;

/// <summary>Makes the exceptions for one weight file, each message starting with the file's name.</summary>
internal sealed class WeightFileErrors
{
    public WeightFileErrors(string source) => Source = source;

    /// <summary>How messages name the file: its path as the caller gave it, or a description of the stream.</summary>
    public string Source { get; }

    public WeightFileException Damaged(string message, string? tensorName = null) =>
        Problem(WeightFileProblem.Damaged, message, tensorName);

    public WeightFileException Problem(WeightFileProblem problem, string message, string? tensorName = null) =>
        new($"{Source}: {message}", tensorName) { Problem = problem };

    public WeightFileException Unreadable(string what, Exception exception) =>
        new($"{Source}: {what}: {exception.Message}", exception);

    /// <summary>A count of bytes as messages write it: 1,234,567.</summary>
    public static string Bytes(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
