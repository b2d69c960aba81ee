using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.Safetensors;

namespace NetGen.Tests.Weights;

/// <summary>
/// Files as <c>safetensors.torch.save_file</c> writes a renamed <c>state_dict</c> of
/// <c>nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))</c>, built here byte by byte from the format's
/// specification (not by NetGen's writer): every value lands where PyTorch's layout puts it, and the outputs are
/// PyTorch's y = W₂·tanh(W₁x + b₁) + b₂.
/// </summary>
public sealed class PyTorchInteropTests
{
    // Known values, exact in F16 and BF16 too: W1[o, i] = (o + 1)/4 − i/2, b1 = (0.5, −0.5, 0.25, −0.25),
    // W2[o, i] = (o − i)/8, b2 = (1, −2).
    private static readonly float[,] W1 = Matrix(4, 3, (o, i) => ((o + 1) / 4f) - (i / 2f));
    private static readonly float[] B1 = [0.5f, -0.5f, 0.25f, -0.25f];
    private static readonly float[,] W2 = Matrix(2, 4, (o, i) => (o - i) / 8f);
    private static readonly float[] B2 = [1f, -2f];

    public static TheoryData<string> DTypes => new() { "F32", "F64", "F16", "BF16" };

    [Theory]
    [MemberData(nameof(DTypes))]
    public void StateDictFileLoadsEveryValueInPlace(string dtype)
    {
        var network = new TorchLinearTanh(seed: 1);
        network.LoadParameters(new MemoryStream(TorchFile(dtype)));

        var parameters = network.Parameters.ToArray();
        Assert.Equal(26, parameters.Length);
        for (var o = 0; o < 4; o++)
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(W1[o, i], parameters[(o * 3) + i]);
            }

            Assert.Equal(B1[o], parameters[12 + o]);
        }

        for (var o = 0; o < 2; o++)
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(W2[o, i], parameters[16 + (o * 4) + i]);
            }

            Assert.Equal(B2[o], parameters[24 + o]);
        }

        float[] x = [0.3f, -1.2f, 2f];
        var output = new float[2];
        network.Forward(x, output);
        var hidden = Enumerable.Range(0, 4).Select(o => Math.Tanh(B1[o] + Enumerable.Range(0, 3).Sum(i => (double)W1[o, i] * x[i]))).ToArray();
        for (var o = 0; o < 2; o++)
        {
            var expected = B2[o] + Enumerable.Range(0, 4).Sum(i => W2[o, i] * hidden[i]);
            Assert.Equal(expected, output[o], 1e-5);
        }
    }

    [Fact]
    public void TheHandBuiltFileIsWhatTheSpecificationDescribes()
    {
        var file = TorchFile("F32");
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
        var header = Encoding.UTF8.GetString(file, 8, headerLength);
        Assert.Equal(0, headerLength % 8);
        Assert.StartsWith("{\"__metadata__\":{\"format\":\"pt\"},\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}", header);
        Assert.Equal(8 + headerLength + 104, file.Length);
        Assert.Equal(0x3F000000, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8 + headerLength))); // b1[0] = 0.5
    }

    [Fact]
    public void AWeightSavedWithoutRenamingGetsAHint()
    {
        var file = TorchFile("F32", prefix: "");
        var exception = Assert.Throws<WeightFileException>(() => new TorchLinearTanh().LoadParameters(new MemoryStream(file)));
        Assert.Contains("The file's tensors are 0.bias, 0.weight, 2.bias, 2.weight: name them layers.{i}.weight and layers.{i}.bias", exception.Message);
    }

    /// <summary>Every binary16 value converts as .NET's System.Half does.</summary>
    [Fact]
    public void EveryHalfConvertsExactly()
    {
        for (var bits = 0; bits <= ushort.MaxValue; bits++)
        {
            var expected = (float)BitConverter.UInt16BitsToHalf((ushort)bits);
            var actual = TensorDecoding.FromHalf((ushort)bits);
            Assert.True(
                BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual) || (float.IsNaN(expected) && float.IsNaN(actual)),
                $"0x{bits:X4}: expected {expected}, got {actual}");
        }
    }

    /// <summary>
    /// The file save_file writes for the renamed state_dict: tensors sorted by dtype then name (so biases first),
    /// laid end to end; metadata {"format": "pt"}; the header padded with spaces to a multiple of 8.
    /// </summary>
    private static byte[] TorchFile(string dtype, string prefix = "layers.")
    {
        var size = dtype switch { "F64" => 8, "F32" => 4, _ => 2 };
        var names = prefix.Length > 0 ? new[] { "layers.0", "layers.1" } : new[] { "0", "2" };
        (string Name, long[] Shape, float[] Values)[] tensors =
        [
            ($"{names[0]}.bias", [4], B1),
            ($"{names[0]}.weight", [4, 3], Flatten(W1)),
            ($"{names[1]}.bias", [2], B2),
            ($"{names[1]}.weight", [2, 4], Flatten(W2)),
        ];

        var header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        var data = new MemoryStream();
        foreach (var (name, shape, values) in tensors)
        {
            var begin = data.Length;
            foreach (var value in values)
            {
                data.Write(Encode(value, dtype));
            }

            header.Append($",\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{begin},{data.Length}]}}");
            Assert.Equal(values.Length * size, data.Length - begin);
        }

        header.Append('}');
        while (header.Length % 8 != 0)
        {
            header.Append(' ');
        }

        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        return length.Concat(Encoding.ASCII.GetBytes(header.ToString())).Concat(data.ToArray()).ToArray();
    }

    private static byte[] Encode(float value, string dtype)
    {
        var bytes = new byte[dtype switch { "F64" => 8, "F32" => 4, _ => 2 }];
        switch (dtype)
        {
            case "F64": BinaryPrimitives.WriteDoubleLittleEndian(bytes, value); break;
            case "F32": BinaryPrimitives.WriteSingleLittleEndian(bytes, value); break;
            case "F16": BinaryPrimitives.WriteHalfLittleEndian(bytes, (Half)value); break;
            default: BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)(BitConverter.SingleToUInt32Bits(value) >> 16)); break;
        }

        return bytes;
    }

    private static float[,] Matrix(int rows, int columns, Func<int, int, float> value)
    {
        var matrix = new float[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                matrix[r, c] = value(r, c);
            }
        }

        return matrix;
    }

    private static float[] Flatten(float[,] matrix) => matrix.Cast<float>().ToArray();
}
