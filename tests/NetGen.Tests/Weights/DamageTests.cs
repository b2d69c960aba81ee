using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace NetGen.Tests.Weights;

/// <summary>
/// Every kind of damaged or mismatched file throws <see cref="WeightFileException"/> naming the file, the tensor,
/// what was expected and what was found, and leaves the network's parameters bit for bit as they were.
/// </summary>
public sealed class DamageTests : IDisposable
{
    private static readonly byte[] TinyData = WeightFileBytes.F32(WeightFileBytes.TinyValues);

    private readonly string _folder = Directory.CreateTempSubdirectory("netgen-damage-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Tiny(string tensors, byte[]? data = null, string metadata = "") =>
        WeightFileBytes.Build("{" + (metadata.Length > 0 ? metadata + "," : "") + tensors + "}", data ?? TinyData);

    [Fact]
    public void TheHandWrittenTinyFileLoads()
    {
        var network = new TinyNetwork(seed: 1);
        network.LoadParameters(new MemoryStream(Tiny(WeightFileBytes.TinyTensors())));
        Assert.Equal(WeightFileBytes.Bits(WeightFileBytes.TinyValues), WeightFileBytes.Bits(network.Parameters));
    }

    public static TheoryData<int> PrefixLengths => new() { 0, 1, 4, 7 };

    [Theory]
    [MemberData(nameof(PrefixLengths))]
    public void TruncatedInsideTheHeaderLength(int length)
    {
        var file = Tiny(WeightFileBytes.TinyTensors()).AsSpan(0, length).ToArray();
        Rejected(file, $"the file is {length} bytes long, shorter than the 8-byte header length every safetensors file starts with", null);
    }

    [Fact]
    public void TruncatedInsideTheHeader()
    {
        var whole = Tiny(WeightFileBytes.TinyTensors());
        var headerLength = BitConverter.ToInt32(whole, 0);
        var file = whole.AsSpan(0, 8 + (headerLength / 2)).ToArray();
        Rejected(file, $"the header length is {headerLength} bytes, but the file holds only {headerLength / 2} bytes after it; the file is truncated or not a safetensors file", null);
        RejectedFromStream(file, $"the file ends after {headerLength / 2} of the header's {headerLength} bytes; the file is truncated");
    }

    /// <summary>At the end of the header, at every tensor boundary and inside every tensor.</summary>
    public static TheoryData<int, string> DataCuts => new()
    {
        { 0, "layers.0.weight" }, { 1, "layers.0.weight" }, { 23, "layers.0.weight" }, { 24, "layers.0.bias" },
        { 30, "layers.0.bias" }, { 36, "layers.1.weight" }, { 47, "layers.1.weight" }, { 48, "layers.1.bias" }, { 51, "layers.1.bias" },
    };

    [Theory]
    [MemberData(nameof(DataCuts))]
    public void TruncatedInTheData(int kept, string tensor)
    {
        var whole = Tiny(WeightFileBytes.TinyTensors());
        var file = whole.AsSpan(0, whole.Length - 52 + kept).ToArray();
        var message = $"the file ends inside tensor {tensor}: the data after the header is {kept} bytes, but the header's tensors need 52; the file is truncated";
        Rejected(file, message, tensor);
        RejectedFromStream(file, message);
    }

    [Fact]
    public void HeaderLengthZero() =>
        Rejected(WeightFileBytes.Build("", TinyData, pad: false), "the header length (the file's first 8 bytes) is 0, but a safetensors header is a JSON object of at least 2 bytes", null);

    [Fact]
    public void HeaderLengthBeyondTheFile()
    {
        var file = WeightFileBytes.Build("{" + WeightFileBytes.TinyTensors() + "}", TinyData, declaredLength: 1000);
        Rejected(file, $"the header length is 1,000 bytes, but the file holds only {file.Length - 8} bytes after it; the file is truncated or not a safetensors file", null);
    }

    [Theory]
    [InlineData(100_000_001UL, "100,000,001")]
    [InlineData(ulong.MaxValue, "18,446,744,073,709,551,615")]
    public void HeaderLengthOver100MB(ulong length, string shown)
    {
        var file = WeightFileBytes.Build("{" + WeightFileBytes.TinyTensors() + "}", TinyData, declaredLength: length);
        Rejected(file, $"the header length (the file's first 8 bytes) is {shown} bytes, past the safetensors limit of 100,000,000; the file is damaged or not a safetensors file", null);
    }

    [Fact]
    public void AHeaderOf100MBOverAShortStreamAllocatesLittle()
    {
        var file = WeightFileBytes.Build("{" + WeightFileBytes.TinyTensors() + "}", TinyData, declaredLength: 100_000_000);
        var network = new TinyNetwork(seed: 1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var exception = Assert.Throws<WeightFileException>(() => network.LoadParameters(new NonSeekableStream(file, chunk: 4096)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("the file ends after", exception.Message);
        Assert.True(allocated < 8_000_000, $"allocated {allocated:N0} bytes for a header the stream does not hold");
    }

    public static TheoryData<byte[], int> InvalidUtf8 => new()
    {
        { [0xFF], 0 },
        { [0xC0, 0xAF], 0 },            // overlong '/'
        { [0xED, 0xA0, 0x80], 0 },      // an encoded surrogate
        { [0xF4, 0x90, 0x80, 0x80], 0 }, // past U+10FFFF
        { [0x41, 0xE2, 0x82], 1 },      // a sequence cut short
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void InvalidUtf8InTheHeader(byte[] bytes, int offsetInName)
    {
        var header = Encoding.UTF8.GetBytes("{\"layers.0.weigh").Concat(bytes).Concat(Encoding.UTF8.GetBytes("\":{}}")).ToArray();
        var file = WeightFileBytes.Build(header, TinyData);
        var offset = "{\"layers.0.weigh".Length + offsetInName;
        Rejected(file, $"the header is not valid UTF-8: byte 0x{bytes[offsetInName]:X2} at offset {offset} of the header does not start a valid sequence", null);
    }

    [Theory]
    [InlineData("[1, 2]", "the header is an array, but a safetensors header is a JSON object of tensors")]
    [InlineData("\"layers\"", "the header is a string, but a safetensors header is a JSON object of tensors")]
    [InlineData("{\"layers.0.weight\":", "the header is not valid JSON: the text ends where a value should start (at byte 24 of the header)")]
    [InlineData("{\"a\":{}} {}", "the header is not valid JSON: unexpected '{' after the end of the JSON value (at byte 9 of the header)")]
    [InlineData("{'a':1}", "the header is not valid JSON: expected a name in quotes, found ''' (at byte 1 of the header)")]
    [InlineData("{\"a\":01}", "the header is not valid JSON: a number has a leading zero or a second decimal point (at byte 5 of the header)")]
    [InlineData("{\"a\":\"\\ud800\"}", "the header is not valid JSON: \\uD800 is a high surrogate without a low surrogate after it (at byte 6 of the header)")]
    public void HeaderThatIsNotAJsonObject(string header, string message) =>
        Rejected(WeightFileBytes.Build(header, TinyData), message, null);

    [Fact]
    public void DuplicateTensorName()
    {
        var tensors = WeightFileBytes.TinyTensors() + "," + WeightFileBytes.Tensor("layers.0.weight", "F32", [3, 2], 0, 24);
        Rejected(Tiny(tensors), "the header is not valid JSON: the name \"layers.0.weight\" appears twice in one object (at byte 276 of the header)", null);
    }

    [Fact]
    public void DuplicateFieldInATensor()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("\"layers.1.bias\":{\"dtype\":\"F32\"", "\"layers.1.bias\":{\"dtype\":\"F32\",\"dtype\":\"F16\"");
        Rejected(Tiny(tensors), "appears twice in one object", null, exact: false);
    }

    [Fact]
    public void GapBetweenTensors()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("[24,36]", "[28,40]").Replace("[36,48]", "[40,52]").Replace("[48,52]", "[52,56]");
        Rejected(Tiny(tensors, TinyData.Concat(new byte[4]).ToArray()), "there is a gap of 4 bytes before tensor layers.0.bias: it starts at byte 28 of the data, but layers.0.weight ends at byte 24", "layers.0.bias");
    }

    [Fact]
    public void GapAtTheStartOfTheData()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("[0,24]", "[4,28]").Replace("[24,36]", "[28,40]").Replace("[36,48]", "[40,52]").Replace("[48,52]", "[52,56]");
        Rejected(Tiny(tensors, new byte[4].Concat(TinyData).ToArray()), "there is a gap of 4 bytes before tensor layers.0.weight: it starts at byte 4 of the data, but the data section starts at byte 0", "layers.0.weight");
    }

    [Fact]
    public void OverlappingTensors()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("[24,36]", "[20,32]");
        Rejected(Tiny(tensors), "tensor layers.0.bias (data bytes 20–32) overlaps layers.0.weight (data bytes 0–24)", "layers.0.bias");
    }

    [Fact]
    public void OffsetsThatEndBeforeTheyBegin()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("[48,52]", "[48,44]");
        Rejected(Tiny(tensors), "tensor layers.1.bias's data_offsets [48, 44] end before they begin", "layers.1.bias");
    }

    [Fact]
    public void TrailingBytes()
    {
        var file = Tiny(WeightFileBytes.TinyTensors(), TinyData.Concat(new byte[] { 1, 2, 3, 4 }).ToArray());
        const string message = "the file has 4 bytes after its last tensor, which the header does not describe (its tensors end at data byte 52)";
        Rejected(file, message, null);
        RejectedFromStream(file, message);
    }

    [Fact]
    public void DTypeNetGenDoesNotRead()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("\"layers.1.bias\":{\"dtype\":\"F32\"", "\"layers.1.bias\":{\"dtype\":\"I32\"");
        Rejected(Tiny(tensors), "layers.1.bias is I32, which NetGen does not read; save it as F32 (NetGen also reads F64, F16 and BF16)", "layers.1.bias");
    }

    [Fact]
    public void UnknownDType()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("\"layers.1.bias\":{\"dtype\":\"F32\"", "\"layers.1.bias\":{\"dtype\":\"Q4\"");
        Rejected(Tiny(tensors), "tensor layers.1.bias has dtype \"Q4\", which is not a safetensors dtype; NetGen reads F32, F64, F16 and BF16", "layers.1.bias");
    }

    [Fact]
    public void ShapeWhoseSizeOverflows()
    {
        var tensors = WeightFileBytes.TinyTensors() + "," + WeightFileBytes.Tensor("huge", "F32", [4294967296, 4294967296], 52, 52);
        Rejected(Tiny(tensors), "tensor huge has shape [4294967296, 4294967296], whose size in bytes overflows 64 bits", "huge");
    }

    [Fact]
    public void DimensionPast64Bits()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("\"shape\":[1],", "\"shape\":[99999999999999999999],");
        Rejected(Tiny(tensors), "tensor layers.1.bias's shape holds 99999999999999999999, which is not an integer from 0 to 9223372036854775807", "layers.1.bias");
    }

    [Theory]
    [InlineData("[-1]", "holds -1, which is not an integer")]
    [InlineData("[1.0]", "holds 1.0, which is not an integer")]
    [InlineData("[\"1\"]", "holds a string, but it must hold non-negative integers")]
    [InlineData("7", "is a number, but it must be an array of non-negative integers")]
    public void ShapeThatIsNotNonNegativeIntegers(string shape, string message)
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("\"shape\":[1],", $"\"shape\":{shape},");
        Rejected(Tiny(tensors), "tensor layers.1.bias's shape " + message, "layers.1.bias", exact: false);
    }

    [Fact]
    public void FieldSafetensorsDoesNotDefine()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("\"layers.1.bias\":{", "\"layers.1.bias\":{\"offsets\":[48,52],");
        Rejected(Tiny(tensors), "tensor layers.1.bias has a field \"offsets\" that safetensors does not define (a tensor has dtype, shape, data_offsets)", "layers.1.bias");
    }

    [Fact]
    public void WrongShapeNamesTheLayerAndBothShapes()
    {
        long[][] shapes = [[128, 784], [128], [128, 784], [10]];
        var (header, size) = Header(["layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias"], shapes);
        var network = new DigitShape(seed: 1);
        Rejected(WeightFileBytes.Build(header, new byte[size]), "layers.1.weight has shape [128, 784], but layer 2 (Dense 128 → 10) needs [10, 128]", "layers.1.weight", network);
    }

    [Fact]
    public void TransposedWeightIsCalledSo()
    {
        var tensors = WeightFileBytes.TinyTensors(WeightFileBytes.Tensor("layers.1.weight", "F32", [3, 1], 36, 48));
        Rejected(Tiny(tensors), "layers.1.weight has shape [3, 1], but layer 2 (Dense 3 → 1) needs [1, 3]; the file holds it transposed (NetGen, like PyTorch's nn.Linear, stores a weight as [out, in])", "layers.1.weight");
    }

    [Fact]
    public void MissingTensor()
    {
        var tensors = string.Join(",", WeightFileBytes.TinyTensors().Split(",\"layers.1.bias\"")[0]);
        Rejected(Tiny(tensors, TinyData.AsSpan(0, 48).ToArray()), "layers.1.bias is missing; layer 2 (Dense 3 → 1) needs it with shape [1]", "layers.1.bias");
    }

    [Fact]
    public void PyTorchNamesGetAHint()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("layers.0.", "0.").Replace("layers.1.", "2.");
        Rejected(Tiny(tensors), "layers.0.weight is missing; layer 1 (Dense 2 → 3) needs it with shape [3, 2]. The file's tensors are 0.weight, 0.bias, 2.weight, 2.bias: name them layers.{i}.weight and layers.{i}.bias, i from 0 in layer order (docs/pytorch.md shows how)", "layers.0.weight");
    }

    [Fact]
    public void ExtraTensorIsAnErrorUnlessIgnored()
    {
        var tensors = WeightFileBytes.TinyTensors() + "," + WeightFileBytes.Tensor("optimizer.step", "I64", [1], 52, 60);
        var file = Tiny(tensors, TinyData.Concat(new byte[8]).ToArray());
        Rejected(file, "the file has a tensor optimizer.step that the network does not have (2-Dense3Tanh-Dense1Identity has layers.0.weight, layers.0.bias, layers.1.weight, layers.1.bias); pass new WeightLoadOptions { IgnoreUnexpectedTensors = true } to skip it", "optimizer.step");

        var network = new TinyNetwork(seed: 1);
        network.LoadParameters(new MemoryStream(file), new WeightLoadOptions { IgnoreUnexpectedTensors = true });
        Assert.Equal(WeightFileBytes.Bits(WeightFileBytes.TinyValues), WeightFileBytes.Bits(network.Parameters));
    }

    [Theory]
    [InlineData("\"__metadata__\":{\"epoch\":3}", "the header's __metadata__ entry \"epoch\" is a number, but metadata values must be strings")]
    [InlineData("\"__metadata__\":{\"ok\":\"yes\",\"nested\":{}}", "the header's __metadata__ entry \"nested\" is an object, but metadata values must be strings")]
    [InlineData("\"__metadata__\":[\"format\",\"pt\"]", "the header's __metadata__ is an array, but it must be an object of strings")]
    public void MetadataThatIsNotStrings(string metadata, string message) =>
        Rejected(Tiny(WeightFileBytes.TinyTensors(), metadata: metadata), message, null);

    [Fact]
    public void ArchitectureMismatch()
    {
        var file = WeightFileBytes.Saved(new TinyReLUNetwork(seed: 1));
        Rejected(file, "the file was saved from a 2-Dense3ReLU-Dense1Identity network, but this network is 2-Dense3Tanh-Dense1Identity; the tensors' shapes fit, but the layers compute something else", null);
    }

    [Fact]
    public void FailingSelfCheckRestoresTheParameters()
    {
        // A file whose self-check vector was computed by a ReLU network, without an architecture to give it away.
        var relu = new TinyReLUNetwork(seed: 1);
        WeightFileBytes.TinyValues.CopyTo(relu.Parameters);
        float[] input = [-1.5f, 2f];
        var output = new float[1];
        relu.Forward(input, output);
        var metadata = $"\"__metadata__\":{{\"netgen.check.0.input\":\"-1.5,2\",\"netgen.check.0.output\":\"{output[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}\"}}";
        var file = Tiny(WeightFileBytes.TinyTensors(), metadata: metadata);

        var exception = Rejected(file, "self-check vector 0 fails: with the file's parameters, output 0 is", null, exact: false);
        Assert.Contains("is a weight transposed, or does a layer's activation differ from the one it was trained with?", exception.Message);

        var tanh = new TinyNetwork(seed: 1);
        WeightFileBytes.TinyValues.CopyTo(tanh.Parameters);
        tanh.Forward(input, output);
        var honest = $"\"__metadata__\":{{\"netgen.check.0.input\":\"-1.5,2\",\"netgen.check.0.output\":\"{output[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}\"}}";
        var loaded = new TinyNetwork(seed: 2);
        loaded.LoadParameters(new MemoryStream(Tiny(WeightFileBytes.TinyTensors(), metadata: honest)));
        Assert.Equal(WeightFileBytes.Bits(WeightFileBytes.TinyValues), WeightFileBytes.Bits(loaded.Parameters));
    }

    [Theory]
    [InlineData("\"netgen.check.0.input\":\"1,2,3\",\"netgen.check.0.output\":\"0\"", "the metadata's netgen.check.0.input holds 3 values, but the network has 2 inputs")]
    [InlineData("\"netgen.check.0.input\":\"1,x\",\"netgen.check.0.output\":\"0\"", "the metadata's netgen.check.0.input holds \"x\", which is not a finite number")]
    [InlineData("\"netgen.check.0.input\":\"1,2\"", "the metadata has netgen.check.0.input but no netgen.check.0.output")]
    public void DamagedSelfCheckVector(string entries, string message) =>
        Rejected(Tiny(WeightFileBytes.TinyTensors(), metadata: "\"__metadata__\":{" + entries + "}"), message, null);

    [Fact]
    public void F64BeyondFloatRange()
    {
        var tensors = WeightFileBytes.TinyTensors().Replace("\"layers.1.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[48,52]}", "\"layers.1.bias\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[48,56]}");
        var data = TinyData.AsSpan(0, 48).ToArray().Concat(BitConverter.GetBytes(1e300)).ToArray();
        Rejected(Tiny(tensors, data), "layers.1.bias holds 1E+300 at element 0, beyond the range of float", "layers.1.bias");
    }

    [Fact]
    public void AFileThatDoesNotExist()
    {
        var path = Path.Combine(_folder, "missing.safetensors");
        var exception = Assert.Throws<WeightFileException>(() => new TinyNetwork().LoadParameters(path));
        Assert.StartsWith($"{path}: cannot be opened: ", exception.Message);
    }

    /// <summary>Loads <paramref name="file"/> from a file and checks the exception and that nothing changed.</summary>
    private WeightFileException Rejected(byte[] file, string message, string? tensor, INetwork? network = null, bool exact = true)
    {
        network ??= new TinyNetwork(seed: 7);
        var before = WeightFileBytes.Bits(network.Parameters);
        var path = Path.Combine(_folder, "brain.safetensors");
        File.WriteAllBytes(path, file);

        var target = network;
        var exception = Assert.Throws<WeightFileException>(() => target.LoadParameters(path));
        if (exact)
        {
            Assert.Equal($"{path}: {message}", exception.Message);
        }
        else
        {
            Assert.StartsWith($"{path}: ", exception.Message);
            Assert.Contains(message, exception.Message);
        }

        if (exact || tensor is not null)
        {
            Assert.Equal(tensor, exception.TensorName);
        }

        Assert.Equal(before, WeightFileBytes.Bits(network.Parameters));
        return exception;
    }

    /// <summary>The same file through a stream that cannot seek, which learns the file's length only at its end.</summary>
    private static void RejectedFromStream(byte[] file, string message)
    {
        var network = new TinyNetwork(seed: 7);
        var before = WeightFileBytes.Bits(network.Parameters);
        var exception = Assert.Throws<WeightFileException>(() => network.LoadParameters(new NonSeekableStream(file)));
        Assert.Equal("the weight stream: " + message, exception.Message);
        Assert.Equal(before, WeightFileBytes.Bits(network.Parameters));
    }

    /// <summary>A header of F32 tensors laid end to end, and the size of their data.</summary>
    private static (string Header, long Size) Header(string[] names, long[][] shapes)
    {
        var entries = new List<string>();
        long offset = 0;
        for (var i = 0; i < names.Length; i++)
        {
            var end = offset + (shapes[i].Aggregate(1L, (a, b) => a * b) * 4);
            entries.Add(WeightFileBytes.Tensor(names[i], "F32", shapes[i], offset, end));
            offset = end;
        }

        return ("{" + string.Join(",", entries) + "}", offset);
    }
}
