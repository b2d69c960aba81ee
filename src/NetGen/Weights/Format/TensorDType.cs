using System.Collections.Generic;

namespace NetGen.Safetensors;

/// <summary>A safetensors element type: its name in the header, its width in bits, and whether NetGen reads it.</summary>
internal sealed class TensorDType
{
    public static readonly TensorDType F32 = new("F32", 32, readable: true);
    public static readonly TensorDType F64 = new("F64", 64, readable: true);
    public static readonly TensorDType F16 = new("F16", 16, readable: true);
    public static readonly TensorDType BF16 = new("BF16", 16, readable: true);

    /// <summary>Every dtype of the safetensors format (its Rust crate's <c>Dtype</c>), by header name.</summary>
    private static readonly Dictionary<string, TensorDType> ByName = Index(
        F32,
        F64,
        F16,
        BF16,
        new("BOOL", 8),
        new("F4", 4),
        new("F6_E2M3", 6),
        new("F6_E3M2", 6),
        new("U8", 8),
        new("I8", 8),
        new("F8_E5M2", 8),
        new("F8_E4M3", 8),
        new("F8_E8M0", 8),
        new("I16", 16),
        new("U16", 16),
        new("I32", 32),
        new("U32", 32),
        new("C64", 64),
        new("I64", 64),
        new("U64", 64));

    private TensorDType(string name, int bits, bool readable = false)
    {
        Name = name;
        Bits = bits;
        IsReadable = readable;
    }

    /// <summary>The name as the header spells it: F32, BF16, I8.</summary>
    public string Name { get; }

    /// <summary>The width of one element in bits (F4 and the F6 types are narrower than a byte).</summary>
    public int Bits { get; }

    /// <summary>Whether NetGen converts this type to float exactly: F32, F64 (rounded to nearest), F16 and BF16.</summary>
    public bool IsReadable { get; }

    public static bool TryParse(string name, out TensorDType dtype) => ByName.TryGetValue(name, out dtype!);

    public override string ToString() => Name;

    private static Dictionary<string, TensorDType> Index(params TensorDType[] dtypes)
    {
        var index = new Dictionary<string, TensorDType>(System.StringComparer.Ordinal);
        foreach (var dtype in dtypes)
        {
            index.Add(dtype.Name, dtype);
        }

        return index;
    }
}
