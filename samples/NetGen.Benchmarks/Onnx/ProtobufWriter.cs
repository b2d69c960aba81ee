using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace NetGen.Benchmarks.Onnx;

/// <summary>
/// The few pieces of the protocol-buffers wire format that an ONNX model needs: varint and length-delimited
/// fields. A nested message is written into its own writer first and added as bytes (models here are small).
/// </summary>
internal sealed class ProtobufWriter
{
    private const int Varint = 0;
    private const int LengthDelimited = 2;

    private readonly MemoryStream _stream = new();

    public ProtobufWriter Int64(int field, long value)
    {
        Tag(field, Varint);
        WriteVarint(unchecked((ulong)value));
        return this;
    }

    public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtobufWriter Message(int field, ProtobufWriter message) => Bytes(field, message.ToArray());

    /// <summary>Floats as little-endian bytes (ONNX's raw_data).</summary>
    public ProtobufWriter Floats(int field, ReadOnlySpan<float> values)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("raw_data is little-endian; this writer copies the floats' bytes as they are.");
        }

        return Bytes(field, MemoryMarshal.AsBytes(values));
    }

    public ProtobufWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthDelimited);
        WriteVarint((ulong)value.Length);
        _stream.Write(value);
        return this;
    }

    public byte[] ToArray() => _stream.ToArray();

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _stream.WriteByte((byte)value);
    }
}
