using NetGen;

/// <summary>
/// Small one-layer networks (`one-layer`): ForwardBatch of 64 rows against 64 calls of the same network's Forward,
/// interleaved round by round on the thread's CPU clock — whether a batch pays for a layer this small.
/// </summary>
internal static class OneLayers
{
    private const int Rows = 64;

    public static void Run()
    {
        // Each row loop is written against the network's own class, so its Forward calls are direct: through
        // INetwork from shared generic code they would pay for interface dispatch.
        Compare(new Layer8x8(1), (n, x, y) => { for (var r = 0; r < Rows; r++) n.Forward(x.AsSpan(r * 8, 8), y.AsSpan(r * 8, 8)); });
        Compare(new Layer16x8(1), (n, x, y) => { for (var r = 0; r < Rows; r++) n.Forward(x.AsSpan(r * 16, 16), y.AsSpan(r * 8, 8)); });
        Compare(new Layer32x8(1), (n, x, y) => { for (var r = 0; r < Rows; r++) n.Forward(x.AsSpan(r * 32, 32), y.AsSpan(r * 8, 8)); });
        Compare(new Layer8x24(1), (n, x, y) => { for (var r = 0; r < Rows; r++) n.Forward(x.AsSpan(r * 8, 8), y.AsSpan(r * 24, 24)); });
        Compare(new Layer16x16(1), (n, x, y) => { for (var r = 0; r < Rows; r++) n.Forward(x.AsSpan(r * 16, 16), y.AsSpan(r * 16, 16)); });
        Compare(new Layer16x4(1), (n, x, y) => { for (var r = 0; r < Rows; r++) n.Forward(x.AsSpan(r * 16, 16), y.AsSpan(r * 4, 4)); });
        Compare(new Layer4x4(1), (n, x, y) => { for (var r = 0; r < Rows; r++) n.Forward(x.AsSpan(r * 4, 4), y.AsSpan(r * 4, 4)); });
        Compare(new Layer16x2(1), (n, x, y) => { for (var r = 0; r < Rows; r++) n.Forward(x.AsSpan(r * 16, 16), y.AsSpan(r * 2, 2)); });
        Compare(new Layer4x1(1), (n, x, y) => { for (var r = 0; r < Rows; r++) n.Forward(x.AsSpan(r * 4, 4), y.AsSpan(r, 1)); });
        Compare(new Layer64x1(1), (n, x, y) => { for (var r = 0; r < Rows; r++) n.Forward(x.AsSpan(r * 64, 64), y.AsSpan(r, 1)); });
    }

    private static void Compare<T>(T network, Action<T, float[], float[]> rowByRow)
        where T : INetwork
    {
        var inputs = Probe.Values(Rows * network.InputSize);
        var batch = new float[Rows * network.OutputSize];
        var rows = new float[Rows * network.OutputSize];
        network.ForwardBatch(inputs, batch);
        rowByRow(network, inputs, rows);
        var largest = batch.Zip(rows, (a, b) => Math.Abs(a - b)).Max();
        var samples = Probe.InterleavedSamples([() => network.ForwardBatch(inputs, batch), () => rowByRow(network, inputs, rows)], 16);
        var ratio = samples[0].Zip(samples[1], (a, b) => a / b).Order().ElementAt(samples[0].Length / 2);
        Console.WriteLine($"{typeof(T).Name,-10} ForwardBatch {Median(samples[0]),8:F1} ns  64 × Forward {Median(samples[1]),8:F1} ns  ratio {ratio:F3}  (outputs within {largest:G2})");
    }

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);
}

[Network(inputs: 8)]
[Dense(8, Activation.Tanh)]
internal partial class Layer8x8;

[Network(inputs: 16)]
[Dense(8)]
internal partial class Layer16x8;

[Network(inputs: 32)]
[Dense(8, Activation.ReLU)]
internal partial class Layer32x8;

[Network(inputs: 8)]
[Dense(24)]
internal partial class Layer8x24;

[Network(inputs: 16)]
[Dense(16)]
internal partial class Layer16x16;

[Network(inputs: 16)]
[Dense(4)]
internal partial class Layer16x4;

[Network(inputs: 4)]
[Dense(4, Activation.Tanh)]
internal partial class Layer4x4;

[Network(inputs: 16)]
[Dense(2)]
internal partial class Layer16x2;

[Network(inputs: 4, Loss = Loss.BinaryCrossEntropy)]
[Dense(1, Activation.Sigmoid)]
internal partial class Layer4x1;

[Network(inputs: 64, Loss = Loss.BinaryCrossEntropy)]
[Dense(1, Activation.Sigmoid)]
internal partial class Layer64x1;
