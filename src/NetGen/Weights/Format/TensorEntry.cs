using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Safetensors;

/// <summary>One tensor of a safetensors header: its dtype, shape and byte range in the data section.</summary>
internal sealed class TensorEntry
{
    public TensorEntry(string name, TensorDType dtype, long[] shape, long begin, long end)
    {
        Name = name;
        DType = dtype;
        Shape = shape;
        Begin = begin;
        End = end;
    }

    public string Name { get; }

    public TensorDType DType { get; }

    public IReadOnlyList<long> Shape { get; }

    /// <summary>The offset of the tensor's first byte in the data section (after the header).</summary>
    public long Begin { get; }

    /// <summary>The offset just past the tensor's last byte in the data section.</summary>
    public long End { get; }

    public long ByteLength => End - Begin;

    /// <summary>The product of the dimensions; the header validation has ruled out overflow.</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, dimension) => product * dimension);

    /// <summary>A shape as messages write it: [10, 128].</summary>
    public static string FormatShape(IEnumerable<long> shape) =>
        "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
