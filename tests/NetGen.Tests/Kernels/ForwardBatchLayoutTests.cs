using System;
using System.Globalization;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>Which networks' ForwardBatch goes through row tiles rather than panels at Vector256, decided from their layers.</summary>
public sealed class ForwardBatchLayoutTests
{
    public static TheoryData<string, bool> Architectures() => new()
    {
        { "16-Dense16Identity", true },         // the benchmarks' D16
        { "8-Dense16ReLU", true },
        { "7-Dense32Tanh", true },
        { "64-Dense16Identity", true },
        { "16-Dense64Identity", true },
        { "32-Dense64ReLU", true },             // 2,048 weights: the most
        { "33-Dense64ReLU", false },            // 2,112
        { "64-Dense64Identity", false },        // 4,096: panels were faster
        { "16-Dense8Identity", true },          // the tile of the last 8 outputs alone
        { "16-Dense24Identity", true },         // a group of 16 and the last 8
        { "256-Dense8Identity", true },         // 2,048 weights
        { "257-Dense8Identity", false },
        { "16-Dense12Identity", false },        // outputs not a multiple of 8
        { "4-Dense4Identity", false },
        { "32-Dense16Softmax", false },         // Softmax is row-wise
        { "16-Maxout16x2", false },
        { "4-Dense16Tanh-Dense16Tanh-Dense2Identity", false },  // N1: two layers and more keep their panels
        { "16-Dense16Identity-Dense16Identity", false },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Row_tiles_take_one_small_dense_layer_of_whole_vectors(string architecture, bool rowTiles)
    {
        var built = Parse(architecture);
        Assert.Equal(architecture, built.ToString());
        Assert.Equal(rowTiles, ForwardBatchLayout.For(built).RowTiles);
    }

    /// <summary>An architecture from its weight-file string: <c>7-Dense32Tanh</c>, <c>16-Maxout16x2</c>.</summary>
    private static NetworkArchitecture Parse(string architecture)
    {
        var parts = architecture.Split('-');
        var inputs = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var width = inputs;
        var layers = new LayerDescription[parts.Length - 1];
        for (var index = 0; index < layers.Length; index++)
        {
            var part = parts[index + 1];
            var maxout = part.StartsWith("Maxout", StringComparison.Ordinal);
            var sizes = part[(maxout ? "Maxout" : "Dense").Length..];
            var layer = maxout
                ? LayerDescription.Maxout(width, Number(sizes.Split('x')[0]), Number(sizes.Split('x')[1]))
                : LayerDescription.Dense(width, Number(sizes.TrimEnd(Letters)), Enum.Parse<Activation>(sizes.TrimStart(Digits)));
            layers[index] = layer;
            width = layer.Units;
        }

        return new NetworkArchitecture(inputs, layers);
    }

    private static readonly char[] Digits = "0123456789".ToCharArray();

    private static readonly char[] Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".ToCharArray();

    private static int Number(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);
}
