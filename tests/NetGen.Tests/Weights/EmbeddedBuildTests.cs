using System;
using System.IO;
using System.Linq;

namespace NetGen.Tests.Weights;

/// <summary>TinyNetwork's shape with Weights: built through NetGen.Weights.targets like any user project.</summary>
[Network(inputs: 2, Weights = "Weights/data/tiny.safetensors")]
[Dense(3, Activation.Tanh)]
[Dense(1)]
public partial class EmbeddedTiny;

/// <summary>
/// A weight file embedded by a real build (the targets turn it into base64, the generator checks and embeds it):
/// the network starts from the file's values with no file access and RestoreEmbeddedParameters returns to them.
/// </summary>
public sealed class EmbeddedBuildTests
{
    private static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "Weights", "data", "tiny.safetensors");

    [Fact]
    public void ANewNetworkStartsFromTheEmbeddedFile()
    {
        var embedded = new EmbeddedTiny();
        Assert.Equal(WeightFileBytes.Bits(WeightFileBytes.TinyValues), WeightFileBytes.Bits(embedded.Parameters));

        var loaded = new EmbeddedTiny(seed: 4);
        loaded.LoadParameters(FilePath);
        Assert.Equal(WeightFileBytes.Bits(loaded.Parameters), WeightFileBytes.Bits(embedded.Parameters));

        // The file's self-check vector: 0.75, -1.25 → 0.7537810802459717 (computed by hand from the values).
        var output = new float[1];
        embedded.Forward([0.75f, -1.25f], output);
        Assert.Equal(0.7537811f, output[0], 1e-5f);
    }

    [Fact]
    public void RestoreEmbeddedParametersUndoesTrainingAndAllocatesNothing()
    {
        var network = new EmbeddedTiny();
        network.InitializeParameters(9);
        Assert.NotEqual(WeightFileBytes.Bits(WeightFileBytes.TinyValues), WeightFileBytes.Bits(network.Parameters));

        network.RestoreEmbeddedParameters();
        var allocated = Allocations.LeastPerRound(network.RestoreEmbeddedParameters);

        Assert.Equal(WeightFileBytes.Bits(WeightFileBytes.TinyValues), WeightFileBytes.Bits(network.Parameters));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TheSeededConstructorStillStartsFromTheSeed() =>
        Assert.Equal(WeightFileBytes.Bits(new TinyNetwork(seed: 3).Parameters), WeightFileBytes.Bits(new EmbeddedTiny(seed: 3).Parameters));
}
