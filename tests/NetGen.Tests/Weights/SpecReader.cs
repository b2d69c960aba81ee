using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NetGen.Tests.Weights;

/// <summary>
/// An independent safetensors reader written from the format's description (8-byte little-endian header length,
/// a JSON header of name → dtype, shape, data_offsets plus an optional __metadata__ of strings, then the data),
/// on System.Text.Json rather than NetGen's own parser. It reads F32 tensors only, which is what NetGen writes.
/// </summary>
public sealed class SpecReader
{
    private SpecReader(int headerLength, Dictionary<string, (long[] Shape, long Begin, long End, float[] Values)> tensors, Dictionary<string, string> metadata)
    {
        HeaderLength = headerLength;
        Tensors = tensors;
        Metadata = metadata;
    }

    public int HeaderLength { get; }

    public Dictionary<string, (long[] Shape, long Begin, long End, float[] Values)> Tensors { get; }

    public Dictionary<string, string> Metadata { get; }

    public static SpecReader Read(byte[] file)
    {
        var headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(file));
        var headerText = Encoding.UTF8.GetString(file, 8, headerLength);
        using var document = JsonDocument.Parse(headerText);
        var data = file.AsSpan(8 + headerLength);
        var tensors = new Dictionary<string, (long[], long, long, float[])>();
        var metadata = new Dictionary<string, string>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == "__metadata__")
            {
                foreach (var entry in property.Value.EnumerateObject())
                {
                    metadata.Add(entry.Name, entry.Value.GetString()!);
                }

                continue;
            }

            Assert.Equal("F32", property.Value.GetProperty("dtype").GetString());
            var shape = property.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = property.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var count = shape.Aggregate(1L, (a, b) => a * b);
            Assert.Equal(count * 4, offsets[1] - offsets[0]);
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(data.Slice((int)offsets[0] + (i * 4)));
            }

            tensors.Add(property.Name, (shape, offsets[0], offsets[1], values));
        }

        return new SpecReader(headerLength, tensors, metadata);
    }
}
