using System.Buffers.Binary;
using System.Globalization;

namespace NetGen.Safetensors;

/// <summary>The first 8 bytes of a safetensors file: the length N of the JSON header, little-endian.</summary>
internal static class HeaderLength
{
    public const int Size = 8;

    /// <summary>The reference implementation's limit: a longer header is taken as damage.</summary>
    public const long Max = 100_000_000;

    /// <summary>
    /// Reads N and checks 0 &lt; N ≤ 100,000,000 and, when the file's length is known, N + 8 ≤ its length.
    /// Nothing is allocated for N before these checks pass.
    /// </summary>
    public static int Read(byte[] prefix, long? fileLength, WeightFileErrors errors)
    {
        var length = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (length == 0)
        {
            throw errors.Damaged("the header length (the file's first 8 bytes) is 0, but a safetensors header is a JSON object of at least 2 bytes");
        }

        if (length > Max)
        {
            throw errors.Damaged($"the header length (the file's first 8 bytes) is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes, past the safetensors limit of {WeightFileErrors.Bytes(Max)}; the file is damaged or not a safetensors file");
        }

        if (fileLength is { } total && (long)length > total - Size)
        {
            throw errors.Damaged($"the header length is {WeightFileErrors.Bytes((long)length)} bytes, but the file holds only {WeightFileErrors.Bytes(total - Size)} bytes after it; the file is truncated or not a safetensors file");
        }

        return (int)length;
    }

    /// <summary>The message for a file that ends inside its first 8 bytes.</summary>
    public static WeightFileException TooShort(long fileLength, WeightFileErrors errors) =>
        errors.Damaged($"the file is {WeightFileErrors.Bytes(fileLength)} bytes long, shorter than the 8-byte header length every safetensors file starts with");
}
