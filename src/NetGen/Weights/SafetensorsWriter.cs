using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using NetGen.Safetensors;

namespace NetGen.Weights;

/// <summary>
/// Writes a parameter block as a safetensors file: the header length, a compact JSON header padded with spaces to
/// a multiple of 8 bytes (as the reference writer pads it, so the data stays aligned), then every tensor as
/// little-endian F32 in layer order, which is the parameter block's own order.
/// </summary>
internal static class SafetensorsWriter
{
    public static void Write(Stream stream, ParameterLayout layout, ReadOnlySpan<float> parameters, IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        var header = Header(layout, metadata);
        if (header.Length > HeaderLength.Max)
        {
            throw new ArgumentException($"The header would be {WeightFileErrors.Bytes(header.Length)} bytes, past the safetensors limit of {WeightFileErrors.Bytes(HeaderLength.Max)}; store fewer self-check vectors.");
        }

        Span<byte> length = stackalloc byte[HeaderLength.Size];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        WriteFloats(stream, parameters);
    }

    private static byte[] Header(ParameterLayout layout, IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        var json = new StringBuilder();
        json.Append('{');
        if (metadata.Count > 0)
        {
            AppendString(json, SafetensorsHeader.MetadataKey).Append(":{");
            for (var i = 0; i < metadata.Count; i++)
            {
                AppendString(json.Append(i == 0 ? "" : ","), metadata[i].Key).Append(':');
                AppendString(json, metadata[i].Value);
            }

            json.Append('}');
        }

        long offset = 0;
        foreach (var tensor in layout.Tensors)
        {
            var end = offset + (tensor.ElementCount * sizeof(float));
            AppendString(json.Append(json.Length > 1 ? "," : ""), tensor.Name)
                .Append(":{\"dtype\":\"F32\",\"shape\":[")
                .Append(string.Join(",", Format(tensor.Shape)))
                .Append("],\"data_offsets\":[")
                .Append(offset.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(end.ToString(CultureInfo.InvariantCulture)).Append("]}");
            offset = end;
        }

        json.Append('}');
        var padding = (8 - (Encoding.UTF8.GetByteCount(json.ToString()) % 8)) % 8;
        json.Append(' ', padding);
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static IEnumerable<string> Format(IReadOnlyList<long> shape)
    {
        foreach (var dimension in shape)
        {
            yield return dimension.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.</summary>
    private static StringBuilder AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case < ' ': json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }

        return json.Append('"');
    }

    private static void WriteFloats(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        var buffer = new byte[4096];
        for (var start = 0; start < values.Length; start += buffer.Length / 4)
        {
            var count = Math.Min(buffer.Length / 4, values.Length - start);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * 4), values[start + i]);
            }

            stream.Write(buffer, 0, count * 4);
        }
    }
}
