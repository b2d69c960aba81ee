using System.Collections.Generic;
using System.Linq;
using NetGen.Safetensors.Json;

namespace NetGen.Safetensors;

/// <summary>
/// A parsed and validated safetensors header: the tensors in data order and the string metadata. Validation
/// follows the reference implementation: valid UTF-8, a JSON object without repeated names, known dtypes, shapes
/// whose byte size is computed with overflow checks and equals each tensor's range, and ranges that tile the data
/// section from 0 with no gap and no overlap.
/// </summary>
internal sealed class SafetensorsHeader
{
    public const string MetadataKey = "__metadata__";

    private static readonly string[] TensorFields = { "dtype", "shape", "data_offsets" };

    private readonly Dictionary<string, TensorEntry> _byName;

    private SafetensorsHeader(IReadOnlyList<TensorEntry> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Tensors = tensors;
        Metadata = metadata;
        _byName = tensors.ToDictionary(t => t.Name, System.StringComparer.Ordinal);
        DataLength = tensors.Count == 0 ? 0 : tensors[tensors.Count - 1].End;
    }

    /// <summary>Every tensor, sorted by its offset in the data section.</summary>
    public IReadOnlyList<TensorEntry> Tensors { get; }

    /// <summary>The <c>__metadata__</c> map (empty when the header has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The length the data section must have: the end of the last tensor.</summary>
    public long DataLength { get; }

    public TensorEntry? Find(string name) => _byName.TryGetValue(name, out var entry) ? entry : null;

    /// <summary>Checks that the data section after the header is exactly as long as the tensors need.</summary>
    public void CheckDataLength(long actual, WeightFileErrors errors)
    {
        if (actual < DataLength)
        {
            throw Truncated(actual, errors);
        }

        if (actual > DataLength)
        {
            throw TrailingBytes(actual - DataLength, errors);
        }
    }

    /// <summary>The error for a data section that ends after <paramref name="actual"/> bytes, inside a tensor.</summary>
    public WeightFileException Truncated(long actual, WeightFileErrors errors)
    {
        var cut = Tensors.First(t => t.End > actual);
        return errors.Damaged($"the file ends inside tensor {cut.Name}: the data after the header is {WeightFileErrors.Bytes(actual)} bytes, but the header's tensors need {WeightFileErrors.Bytes(DataLength)}; the file is truncated", cut.Name);
    }

    public WeightFileException TrailingBytes(long count, WeightFileErrors errors) =>
        errors.Damaged($"the file has {WeightFileErrors.Bytes(count)} bytes after its last tensor, which the header does not describe (its tensors end at data byte {WeightFileErrors.Bytes(DataLength)})");

    /// <summary>Parses and validates the first <paramref name="length"/> bytes of <paramref name="header"/>.</summary>
    public static SafetensorsHeader Parse(byte[] header, int length, WeightFileErrors errors)
    {
        var invalid = Utf8Validation.FindInvalidByte(header, length);
        if (invalid >= 0)
        {
            throw errors.Damaged($"the header is not valid UTF-8: byte 0x{header[invalid]:X2} at offset {invalid} of the header does not start a valid sequence");
        }

        JsonNode root;
        try
        {
            root = JsonParser.Parse(header, length);
        }
        catch (JsonSyntaxException exception)
        {
            throw errors.Damaged($"the header is not valid JSON: {exception.Message} (at byte {exception.Position} of the header)");
        }

        if (root is not JsonObject members)
        {
            throw errors.Damaged($"the header is {root.Kind}, but a safetensors header is a JSON object of tensors");
        }

        var metadata = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var tensors = new List<TensorEntry>();
        foreach (var member in members.Members)
        {
            if (member.Key == MetadataKey)
            {
                ReadMetadata(member.Value, metadata, errors);
            }
            else
            {
                tensors.Add(ReadTensor(member.Key, member.Value, errors));
            }
        }

        // Sorted by range; the sort is stable, so equal ranges (empty tensors) keep the header's order.
        var ordered = tensors.OrderBy(t => t.Begin).ThenBy(t => t.End).ToList();
        CheckTiling(ordered, errors);
        return new SafetensorsHeader(ordered, metadata);
    }

    private static void ReadMetadata(JsonNode value, Dictionary<string, string> metadata, WeightFileErrors errors)
    {
        if (value is not JsonObject entries)
        {
            throw errors.Damaged($"the header's {MetadataKey} is {value.Kind}, but it must be an object of strings");
        }

        foreach (var entry in entries.Members)
        {
            if (entry.Value is not JsonString text)
            {
                throw errors.Damaged($"the header's {MetadataKey} entry \"{entry.Key}\" is {entry.Value.Kind}, but metadata values must be strings");
            }

            metadata.Add(entry.Key, text.Value);
        }
    }

    private static TensorEntry ReadTensor(string name, JsonNode value, WeightFileErrors errors)
    {
        if (value is not JsonObject fields)
        {
            throw errors.Damaged($"tensor {name} is described by {value.Kind}, not by an object with dtype, shape and data_offsets", name);
        }

        JsonNode? dtypeNode = null, shapeNode = null, offsetsNode = null;
        foreach (var field in fields.Members)
        {
            switch (field.Key)
            {
                case "dtype": dtypeNode = field.Value; break;
                case "shape": shapeNode = field.Value; break;
                case "data_offsets": offsetsNode = field.Value; break;
                default:
                    throw errors.Damaged($"tensor {name} has a field \"{field.Key}\" that safetensors does not define (a tensor has {string.Join(", ", TensorFields)})", name);
            }
        }

        var dtype = ReadDType(name, dtypeNode ?? throw Missing(name, "dtype", errors), errors);
        var shape = ReadIntegers(name, "shape", shapeNode ?? throw Missing(name, "shape", errors), errors);
        var offsets = ReadIntegers(name, "data_offsets", offsetsNode ?? throw Missing(name, "data_offsets", errors), errors);
        if (offsets.Length != 2)
        {
            throw errors.Damaged($"tensor {name}'s data_offsets hold {offsets.Length} numbers, but they are a pair [begin, end]", name);
        }

        return new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static WeightFileException Missing(string name, string field, WeightFileErrors errors) =>
        errors.Damaged($"tensor {name} has no {field}", name);

    private static TensorDType ReadDType(string name, JsonNode node, WeightFileErrors errors)
    {
        if (node is not JsonString text)
        {
            throw errors.Damaged($"tensor {name}'s dtype is {node.Kind}, but it must be a string such as \"F32\"", name);
        }

        if (!TensorDType.TryParse(text.Value, out var dtype))
        {
            throw errors.Damaged($"tensor {name} has dtype \"{text.Value}\", which is not a safetensors dtype; NetGen reads F32, F64, F16 and BF16", name);
        }

        return dtype;
    }

    private static long[] ReadIntegers(string name, string field, JsonNode node, WeightFileErrors errors)
    {
        if (node is not JsonArray array)
        {
            throw errors.Damaged($"tensor {name}'s {field} is {node.Kind}, but it must be an array of non-negative integers", name);
        }

        var values = new long[array.Items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var item = array.Items[i];
            if (item is not JsonNumber number)
            {
                throw errors.Damaged($"tensor {name}'s {field} holds {item.Kind}, but it must hold non-negative integers", name);
            }

            if (!number.TryGetNonNegativeInteger(out values[i]))
            {
                throw errors.Damaged($"tensor {name}'s {field} holds {number.Text}, which is not an integer from 0 to {long.MaxValue}", name);
            }
        }

        return values;
    }

    /// <summary>The reference implementation's validate(): ranges from 0, each starting where the last ended, each as long as its shape and dtype say.</summary>
    private static void CheckTiling(List<TensorEntry> ordered, WeightFileErrors errors)
    {
        long end = 0;
        TensorEntry? previous = null;
        foreach (var tensor in ordered)
        {
            if (tensor.End < tensor.Begin)
            {
                throw errors.Damaged($"tensor {tensor.Name}'s data_offsets [{tensor.Begin}, {tensor.End}] end before they begin", tensor.Name);
            }

            if (tensor.Begin > end)
            {
                var after = previous is null ? "the data section starts at byte 0" : $"{previous.Name} ends at byte {end}";
                throw errors.Damaged($"there is a gap of {WeightFileErrors.Bytes(tensor.Begin - end)} bytes before tensor {tensor.Name}: it starts at byte {tensor.Begin} of the data, but {after}", tensor.Name);
            }

            if (tensor.Begin < end)
            {
                throw errors.Damaged($"tensor {tensor.Name} (data bytes {tensor.Begin}–{tensor.End}) overlaps {previous!.Name} (data bytes {previous.Begin}–{previous.End})", tensor.Name);
            }

            var bytes = ByteSize(tensor, errors);
            if (bytes != tensor.ByteLength)
            {
                throw errors.Damaged($"tensor {tensor.Name} is {tensor.DType} of shape {TensorEntry.FormatShape(tensor.Shape)}, which takes {WeightFileErrors.Bytes(bytes)} bytes, but its data_offsets [{tensor.Begin}, {tensor.End}] hold {WeightFileErrors.Bytes(tensor.ByteLength)}", tensor.Name);
            }

            end = tensor.End;
            previous = tensor;
        }
    }

    /// <summary>Elements × bits / 8, with every product checked for overflow as the reference does.</summary>
    private static long ByteSize(TensorEntry tensor, WeightFileErrors errors)
    {
        long elements = 1;
        foreach (var dimension in tensor.Shape)
        {
            if (dimension != 0 && elements > long.MaxValue / dimension)
            {
                throw Overflow(tensor, errors);
            }

            elements *= dimension;
        }

        if (elements > long.MaxValue / tensor.DType.Bits)
        {
            throw Overflow(tensor, errors);
        }

        var bits = elements * tensor.DType.Bits;
        if (bits % 8 != 0)
        {
            throw errors.Damaged($"tensor {tensor.Name} holds {elements} elements of {tensor.DType} ({tensor.DType.Bits} bits each), which do not fill whole bytes", tensor.Name);
        }

        return bits / 8;
    }

    private static WeightFileException Overflow(TensorEntry tensor, WeightFileErrors errors) =>
        errors.Damaged($"tensor {tensor.Name} has shape {TensorEntry.FormatShape(tensor.Shape)}, whose size in bytes overflows 64 bits", tensor.Name);
}
