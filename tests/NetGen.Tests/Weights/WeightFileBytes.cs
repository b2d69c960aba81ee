using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace NetGen.Tests.Weights;

/// <summary>Builds safetensors files byte by byte, as the format's specification describes them, for tests.</summary>
public static class WeightFileBytes
{
    /// <summary>8-byte little-endian header length, the header (padded with spaces to a multiple of 8 unless told not to), the data.</summary>
    public static byte[] Build(string header, byte[] data, bool pad = true, ulong? declaredLength = null) =>
        Build(Encoding.UTF8.GetBytes(header), data, pad, declaredLength);

    /// <inheritdoc cref="Build(string, byte[], bool, ulong?)"/>
    public static byte[] Build(byte[] header, byte[] data, bool pad = true, ulong? declaredLength = null)
    {
        var headerBytes = header.ToList();
        while (pad && headerBytes.Count % 8 != 0)
        {
            headerBytes.Add((byte)' ');
        }

        var file = new byte[8 + headerBytes.Count + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, declaredLength ?? (ulong)headerBytes.Count);
        headerBytes.CopyTo(file, 8);
        data.CopyTo(file, 8 + headerBytes.Count);
        return file;
    }

    /// <summary>Little-endian float32 bytes of the values.</summary>
    public static byte[] F32(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    /// <summary>The parameters as exact bit patterns, to compare bit for bit.</summary>
    public static int[] Bits(ReadOnlySpan<float> values) => values.ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();

    /// <summary>The bytes NetGen saves for a network.</summary>
    public static byte[] Saved(INetwork network, int checkVectors = 2)
    {
        using var stream = new MemoryStream();
        network.SaveParameters(stream, new SaveOptions { CheckVectors = checkVectors });
        return stream.ToArray();
    }

    /// <summary>A tensor entry of a header: "name":{"dtype":…,"shape":[…],"data_offsets":[b,e]}.</summary>
    public static string Tensor(string name, string dtype, IEnumerable<long> shape, long begin, long end) =>
        $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{begin},{end}]}}";

    /// <summary>TinyNetwork's four F32 tensors at their natural offsets, as header entries.</summary>
    public static string TinyTensors(string? weight1Shape = null) => string.Join(",", new[]
    {
        Tensor("layers.0.weight", "F32", [3, 2], 0, 24),
        Tensor("layers.0.bias", "F32", [3], 24, 36),
        weight1Shape ?? Tensor("layers.1.weight", "F32", [1, 3], 36, 48),
        Tensor("layers.1.bias", "F32", [1], 48, 52),
    });

    /// <summary>TinyNetwork's 13 parameters with values no initialisation produces.</summary>
    public static readonly float[] TinyValues = [0.5f, -0.25f, 1.5f, 2f, -1f, 0.125f, 0.1f, -0.2f, 0.3f, 0.75f, -0.5f, 0.25f, -0.0625f];
}
