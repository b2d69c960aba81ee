using System;
using System.IO;
using System.Linq;
using NetGen.Tests.Numerics;

namespace NetGen.Tests.Weights;

/// <summary>Save then load gives back every parameter bit for bit, for every activation family and Maxout.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("netgen-weights-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(TestShapeCatalog.Names), MemberType = typeof(TestShapeCatalog))]
    public void FileRoundTripIsBitExact(string shape)
    {
        var (saved, _) = TestShapeCatalog.Create(shape, seed: 11);
        var path = Path.Combine(_folder, shape + ".safetensors");
        saved.SaveParameters(path);

        var (loaded, _) = TestShapeCatalog.Create(shape, seed: 12);
        Assert.NotEqual(WeightFileBytes.Bits(saved.Parameters), WeightFileBytes.Bits(loaded.Parameters));
        loaded.LoadParameters(path);

        Assert.Equal(WeightFileBytes.Bits(saved.Parameters), WeightFileBytes.Bits(loaded.Parameters));
        var input = Enumerable.Range(0, saved.InputSize).Select(i => (float)Math.Sin(i + 1)).ToArray();
        var expected = new float[saved.OutputSize];
        var actual = new float[saved.OutputSize];
        saved.Forward(input, expected);
        loaded.Forward(input, actual);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(TestShapeCatalog.Names), MemberType = typeof(TestShapeCatalog))]
    public void IndependentReaderSeesTheParametersInPyTorchLayout(string shape)
    {
        var (network, reference) = TestShapeCatalog.Create(shape, seed: 3);
        var file = SpecReader.Read(WeightFileBytes.Saved(network));

        Assert.Equal(0, file.HeaderLength % 8);
        Assert.Equal(network.Architecture.ToString(), file.Metadata["netgen.architecture"]);
        Assert.Equal(2 * reference.Layers.Count, file.Tensors.Count);
        var parameters = network.Parameters.ToArray();
        var offset = 0;
        long dataOffset = 0;
        for (var i = 0; i < reference.Layers.Count; i++)
        {
            var layer = reference.Layers[i];
            long[] weightShape = layer.Pieces > 1 ? [layer.Pieces, layer.Units, layer.Inputs] : [layer.Units, layer.Inputs];
            long[] biasShape = layer.Pieces > 1 ? [layer.Pieces, layer.Units] : [layer.Units];
            foreach (var (name, tensorShape) in new[] { ($"layers.{i}.weight", weightShape), ($"layers.{i}.bias", biasShape) })
            {
                var tensor = file.Tensors[name];
                Assert.Equal(tensorShape, tensor.Shape);
                Assert.Equal(dataOffset, tensor.Begin);
                Assert.Equal(WeightFileBytes.Bits(parameters.AsSpan(offset, tensor.Values.Length)), WeightFileBytes.Bits(tensor.Values));
                offset += tensor.Values.Length;
                dataOffset = tensor.End;
            }
        }

        Assert.Equal(parameters.Length, offset);
    }

    [Fact]
    public void SavingOverAnExistingFileReplacesIt()
    {
        var path = Path.Combine(_folder, "brain.safetensors");
        File.WriteAllText(path, "an older, longer file that is not a weight file at all, so that a partial overwrite would show");
        var first = new TinyNetwork(seed: 1);
        first.SaveParameters(path);
        var second = new TinyNetwork(seed: 2);
        second.SaveParameters(path);

        var loaded = new TinyNetwork(seed: 3);
        loaded.LoadParameters(path);
        Assert.Equal(WeightFileBytes.Bits(second.Parameters), WeightFileBytes.Bits(loaded.Parameters));
        Assert.Equal(WeightFileBytes.Saved(second), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void SavingTwiceWritesTheSameBytes()
    {
        var network = new DigitShape(seed: 5);
        Assert.Equal(WeightFileBytes.Saved(network), WeightFileBytes.Saved(network));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void TheFileHoldsTheRequestedSelfCheckVectors(int count)
    {
        var network = new TinyNetwork(seed: 4);
        var metadata = SpecReader.Read(WeightFileBytes.Saved(network, count)).Metadata;

        Assert.Equal(count, metadata.Keys.Count(k => k.EndsWith(".input", StringComparison.Ordinal)));
        for (var i = 0; i < count; i++)
        {
            var input = metadata[$"netgen.check.{i}.input"].Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var stored = metadata[$"netgen.check.{i}.output"].Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var output = new float[TinyNetwork.OutputSize];
            network.Forward(input, output);
            Assert.Equal(output, stored);
        }
    }

    [Fact]
    public void StreamsRoundTripFromTheirPosition()
    {
        var network = new TorchLinearTanh(seed: 8);
        using var stream = new MemoryStream();
        stream.Write([1, 2, 3]);
        network.SaveParameters(stream);
        stream.Position = 3;

        var loaded = new TorchLinearTanh(seed: 9);
        loaded.LoadParameters(stream);
        Assert.Equal(WeightFileBytes.Bits(network.Parameters), WeightFileBytes.Bits(loaded.Parameters));
    }

    [Fact]
    public void ArchitectureStringsNameEveryLayer()
    {
        Assert.Equal("784-Dense128ReLU-Dense10Softmax", Architecture(new DigitShape()));
        Assert.Equal("7-Maxout17x3-Maxout3x2-Dense1Identity", Architecture(new NetGen.Tests.Networks.MaxoutHidden()));
        Assert.Equal("7-Dense33LeakyReLU(0.2)-Dense17LeakyReLU(0.2)-Dense3LeakyReLU(0.2)-Dense1LeakyReLU(0.2)", Architecture(new NetGen.Tests.Networks.LeakyReLUWide()));
        Assert.Equal("5-Dense9Tanh-Dense9Swish-Dense9ELU-Dense9Mish-Dense9LeakyReLU-Dense3Identity", Architecture(new NetGen.Tests.Networks.DeepSixLayers()));
    }

    [Fact]
    public void ANetworkWrittenByHandCannotBeSaved()
    {
        var network = new NetGen.Tests.Training.TestNetworks.LinearRegression(2, 1);
        var exception = Assert.Throws<NotSupportedException>(() => network.SaveParameters(new MemoryStream()));
        Assert.Equal("LinearRegression does not describe its layers (INetwork.Architecture), so its parameters cannot be saved or loaded; networks NetGen generates do.", exception.Message);
    }

    private static string Architecture(INetwork network) => network.Architecture.ToString();
}
