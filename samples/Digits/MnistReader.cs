using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NetGen;

namespace NetGen.Samples.Digits;

/// <summary>
/// Reads <c>mnist-10k.bin.gz</c>: gzip of 10,000 records of 785 bytes (the label 0–9, then 28×28 pixels 0–255,
/// row-major). The records are grouped by label, so shuffle (e.g. with <see cref="Dataset.Split"/>) before splitting.
/// </summary>
public static class MnistReader
{
    /// <summary>Pixels per image.</summary>
    public const int PixelCount = 28 * 28;

    /// <summary>Classes (digits 0–9).</summary>
    public const int ClassCount = 10;

    private const int RecordSize = 1 + PixelCount;

    /// <summary>The file name of the data set.</summary>
    public const string FileName = "mnist-10k.bin.gz";

    /// <summary>
    /// Loads the file as a dataset: features are the pixels scaled to [0, 1], targets the one-hot labels.
    /// </summary>
    /// <exception cref="InvalidDataException">The file's length is not a whole number of records, or a label is not 0–9.</exception>
    public static Dataset Load(string path)
    {
        var (pixels, labels) = Read(path);
        var features = new float[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            features[i] = pixels[i] / 255f;
        }

        return new Dataset(features, Dataset.OneHot(labels, ClassCount), PixelCount, ClassCount);
    }

    /// <summary>Reads the raw pixels (row-major, <see cref="PixelCount"/> per image) and the labels.</summary>
    public static (byte[] Pixels, int[] Labels) Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length == 0 || bytes.Length % RecordSize != 0)
        {
            throw new InvalidDataException(
                $"{path}: {bytes.Length} bytes after gunzip is not a whole number of {RecordSize}-byte records (label + {PixelCount} pixels).");
        }

        int count = bytes.Length / RecordSize;
        var pixels = new byte[count * PixelCount];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            var record = bytes.Slice(i * RecordSize, RecordSize);
            labels[i] = record[0] < ClassCount ? record[0]
                : throw new InvalidDataException($"{path}: record {i} has label {record[0]}; labels are 0–9.");
            record[1..].CopyTo(pixels.AsSpan(i * PixelCount, PixelCount));
        }

        return (pixels, labels);
    }

    /// <summary>
    /// Finds the data file: <paramref name="explicitPath"/> if given, else next to the program, else in
    /// <c>samples/Digits/data</c> above the current directory.
    /// </summary>
    public static string Locate(string? explicitPath = null)
    {
        if (explicitPath is not null)
        {
            return explicitPath;
        }

        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "data", FileName),
            Path.Combine(AppContext.BaseDirectory, FileName),
            Path.Combine("samples", "Digits", "data", FileName),
            Path.Combine("data", FileName),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{FileName} not found; looked in: {string.Join(", ", candidates)}");
    }
}
