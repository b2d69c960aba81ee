using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetGen.Safetensors;

namespace NetGen.Weights;

/// <summary>
/// Reads a safetensors file from a stream into a network: the header is read and validated in full, then the
/// data tensor by tensor into a staging block, and only when all of it is read, converted and (if the file has
/// self-check vectors) verified do the network's parameters change.
/// </summary>
internal static class WeightFileLoader
{
    private const int SkipBufferSize = 1 << 16;

    public static void Load(INetwork network, Stream stream, string source, WeightLoadOptions options)
    {
        var errors = new WeightFileErrors(source);
        var layout = WeightFileLayout.Of(network);
        long? length = stream.CanSeek ? stream.Length - stream.Position : null;

        var prefix = new byte[HeaderLength.Size];
        var prefixRead = ReadUpTo(stream, prefix, prefix.Length, errors);
        if (prefixRead < prefix.Length)
        {
            throw HeaderLength.TooShort(prefixRead, errors);
        }

        var headerLength = HeaderLength.Read(prefix, length, errors);
        var header = SafetensorsHeader.Parse(ReadHeader(stream, headerLength, errors), headerLength, errors);
        if (length is { } total)
        {
            header.CheckDataLength(total - HeaderLength.Size - headerLength, errors);
        }

        var hint = "; pass new WeightLoadOptions { IgnoreUnexpectedTensors = true } to skip it";
        var matched = TensorMatcher.Match(header, layout, options.IgnoreUnexpectedTensors, hint, errors)
            .ToDictionary(m => m.Entry.Name, StringComparer.Ordinal);
        var checks = CheckVector.ReadAll(header.Metadata, network.InputSize, network.OutputSize, errors);

        var staged = new float[layout.ParameterCount];
        ReadData(stream, header, matched, staged, errors);
        Commit(network, staged, checks, errors);
    }

    private static byte[] ReadHeader(Stream stream, int length, WeightFileErrors errors)
    {
        // Grown as bytes arrive, so a damaged length over a short stream allocates no more than the stream holds.
        var header = new byte[Math.Min(length, 1 << 20)];
        var read = 0;
        while (read < length)
        {
            if (read == header.Length)
            {
                Array.Resize(ref header, (int)Math.Min(length, (long)header.Length * 2));
            }

            var count = ReadUpTo(stream, header, header.Length, errors, read);
            if (count == 0)
            {
                throw errors.Damaged($"the file ends after {WeightFileErrors.Bytes(read)} of the header's {WeightFileErrors.Bytes(length)} bytes; the file is truncated");
            }

            read += count;
        }

        return header;
    }

    /// <summary>Reads the data section in order: the tensors the network needs are converted, the rest skipped.</summary>
    private static void ReadData(Stream stream, SafetensorsHeader header, Dictionary<string, MatchedTensor> matched, float[] staged, WeightFileErrors errors)
    {
        long position = 0;
        var buffer = new byte[(int)Math.Max(SkipBufferSize, matched.Values.Select(m => m.Entry.ByteLength).DefaultIfEmpty(0).Max())];
        foreach (var tensor in header.Tensors)
        {
            var wanted = matched.TryGetValue(tensor.Name, out var match);
            var remaining = tensor.ByteLength;
            var filled = 0;
            while (remaining > 0)
            {
                var chunk = (int)Math.Min(remaining, wanted ? buffer.Length - filled : SkipBufferSize);
                var count = ReadUpTo(stream, buffer, wanted ? filled + chunk : chunk, errors, wanted ? filled : 0);
                if (count == 0)
                {
                    throw header.Truncated(position, errors);
                }

                remaining -= count;
                position += count;
                if (wanted)
                {
                    filled += count;
                }
            }

            if (wanted)
            {
                var expected = match!.Expected;
                TensorDecoding.Decode(tensor, buffer.AsSpan(0, filled), staged.AsSpan((int)expected.ParameterOffset, (int)expected.ElementCount), errors);
            }
        }

        long trailing = 0;
        int extra;
        while ((extra = ReadUpTo(stream, buffer, Math.Min(buffer.Length, SkipBufferSize), errors)) > 0)
        {
            trailing += extra;
        }

        if (trailing > 0)
        {
            throw header.TrailingBytes(trailing, errors);
        }
    }

    /// <summary>Copies the staged values in; with self-check vectors, runs them and puts the old values back if one fails.</summary>
    private static void Commit(INetwork network, float[] staged, IReadOnlyList<CheckVector> checks, WeightFileErrors errors)
    {
        var parameters = network.Parameters;
        if (checks.Count == 0)
        {
            staged.CopyTo(parameters);
            return;
        }

        var previous = parameters.ToArray();
        staged.CopyTo(parameters);
        try
        {
            var output = new float[network.OutputSize];
            foreach (var check in checks)
            {
                network.Forward(check.Input, output);
                check.Verify(output, errors);
            }
        }
        catch
        {
            previous.CopyTo(network.Parameters);
            throw;
        }
    }

    /// <summary>Reads until <paramref name="end"/> or the end of the stream; an I/O error becomes a <see cref="WeightFileException"/>.</summary>
    private static int ReadUpTo(Stream stream, byte[] buffer, int end, WeightFileErrors errors, int start = 0)
    {
        var position = start;
        try
        {
            while (position < end)
            {
                var count = stream.Read(buffer, position, end - position);
                if (count == 0)
                {
                    break;
                }

                position += count;
            }
        }
        catch (IOException exception)
        {
            throw errors.Unreadable("reading failed", exception);
        }

        return position - start;
    }
}
