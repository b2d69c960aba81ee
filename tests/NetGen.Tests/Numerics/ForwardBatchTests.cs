using System;

namespace NetGen.Tests.Numerics;

/// <summary>
/// ForwardBatch against the double-precision reference for every batch size from 1 to 70: whole panels, a padded last
/// panel and the rows too few for a panel that go one by one, on whichever SIMD path this process runs.
/// </summary>
public class ForwardBatchTests
{
    private const int MaxRows = 70;

    [Theory]
    [MemberData(nameof(TestShapeCatalog.Names), MemberType = typeof(TestShapeCatalog))]
    public void ForwardBatchMatchesTheReferenceForEveryBatchSize(string shape)
    {
        var (network, reference) = TestShapeCatalog.Create(shape);
        var random = new Random(11);
        var inputs = ForwardTests.RandomVector(random, MaxRows * network.InputSize, 3.0);
        var expected = new double[MaxRows][];
        for (var row = 0; row < MaxRows; row++)
        {
            expected[row] = reference.Forward(network.Parameters, inputs.AsSpan(row * network.InputSize, network.InputSize));
        }

        for (var rows = 1; rows <= MaxRows; rows++)
        {
            // One slot past the batch, to show that ForwardBatch writes only its own rows.
            var outputs = new float[(rows + 1) * network.OutputSize];
            outputs.AsSpan(rows * network.OutputSize).Fill(float.NaN);
            network.ForwardBatch(inputs.AsSpan(0, rows * network.InputSize), outputs.AsSpan(0, rows * network.OutputSize));
            for (var row = 0; row < rows; row++)
            {
                ForwardTests.AssertClose(expected[row], outputs.AsSpan(row * network.OutputSize, network.OutputSize), $"{shape}, batch {rows}, row {row}");
            }

            Assert.All(outputs[(rows * network.OutputSize)..], value => Assert.True(float.IsNaN(value), $"{shape}, batch {rows}: a value past the batch was written"));
        }
    }

    public static TheoryData<string> RowTileShapes() => ["RowTileIdentity", "RowTileTanh", "RowTileWidest", "PastRowTileWeights"];

    /// <summary>The one-layer networks of row tiles (and one past them) for every batch size from 1 to 70.</summary>
    [Theory]
    [MemberData(nameof(RowTileShapes))]
    public void ForwardBatchOfAOneLayerNetworkMatchesTheReferenceForEveryBatchSize(string shape)
    {
        var (network, layer) = shape switch
        {
            "RowTileIdentity" => ((INetwork)new Networks.RowTileIdentity(3), ReferenceLayer.Dense(16, 16, Activation.Identity)),
            "RowTileTanh" => (new Networks.RowTileTanh(3), ReferenceLayer.Dense(7, 32, Activation.Tanh)),
            "RowTileWidest" => (new Networks.RowTileWidest(3), ReferenceLayer.Dense(32, 64, Activation.ReLU)),
            _ => (new Networks.PastRowTileWeights(3), ReferenceLayer.Dense(33, 64, Activation.LeakyReLU, 0.2)),
        };
        var reference = new ReferenceNetwork([layer], Loss.MeanSquaredError);
        var random = new Random(19);
        var inputs = ForwardTests.RandomVector(random, MaxRows * network.InputSize, 3.0);
        for (var rows = 1; rows <= MaxRows; rows++)
        {
            var outputs = new float[(rows + 1) * network.OutputSize];
            outputs.AsSpan(rows * network.OutputSize).Fill(float.NaN);
            network.ForwardBatch(inputs.AsSpan(0, rows * network.InputSize), outputs.AsSpan(0, rows * network.OutputSize));
            for (var row = 0; row < rows; row++)
            {
                var expected = reference.Forward(network.Parameters, inputs.AsSpan(row * network.InputSize, network.InputSize));
                ForwardTests.AssertClose(expected, outputs.AsSpan(row * network.OutputSize, network.OutputSize), $"{shape}, batch {rows}, row {row}");
            }

            Assert.All(outputs[(rows * network.OutputSize)..], value => Assert.True(float.IsNaN(value), $"{shape}, batch {rows}: a value past the batch was written"));
        }
    }

    public static TheoryData<string> BenchmarkShapes() => ["DigitClassifier", "N2Network", "N4Network"];

    /// <summary>The benchmark networks: inputs far past one transposed 8 × 8 block, outputs in tiles of every size the kernel splits them into.</summary>
    [Theory]
    [MemberData(nameof(BenchmarkShapes))]
    public void ForwardBatchOfABenchmarkNetworkMatchesTheReference(string shape)
    {
        var (network, reference) = shape switch
        {
            "DigitClassifier" => ((INetwork)new Networks.DigitClassifier(), new ReferenceNetwork([ReferenceLayer.Dense(784, 128, Activation.ReLU), ReferenceLayer.Dense(128, 10, Activation.Softmax)], Loss.CrossEntropy)),
            "N2Network" => (new Networks.N2Network(), new ReferenceNetwork([ReferenceLayer.Dense(32, 64, Activation.ReLU), ReferenceLayer.Dense(64, 64, Activation.ReLU), ReferenceLayer.Dense(64, 8, Activation.Softmax)], Loss.CrossEntropy)),
            _ => (new Networks.N4Network(), new ReferenceNetwork([ReferenceLayer.Dense(256, 512, Activation.ReLU), ReferenceLayer.Dense(512, 512, Activation.ReLU), ReferenceLayer.Dense(512, 256, Activation.Identity)], Loss.MeanSquaredError)),
        };
        network.InitializeParameters(5);
        var parameters = Array.ConvertAll(network.Parameters.ToArray(), p => (double)p);
        var random = new Random(13);
        foreach (var rows in new[] { 5, 6, 16, 37, 64 })
        {
            var inputs = ForwardTests.RandomVector(random, rows * network.InputSize, 1.0);
            var outputs = new float[rows * network.OutputSize];
            network.ForwardBatch(inputs, outputs);
            for (var row = 0; row < rows; row++)
            {
                var input = Array.ConvertAll(inputs[(row * network.InputSize)..((row + 1) * network.InputSize)], x => (double)x);
                ForwardTests.AssertClose(reference.Forward(parameters, input), outputs.AsSpan(row * network.OutputSize, network.OutputSize), $"{shape}, batch {rows}, row {row}");
            }
        }
    }
}
