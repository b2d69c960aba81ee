using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.Intrinsics;
using NetGen;
using NetGen.Samples.Digits;
using Xunit.Abstractions;

namespace NetGen.Tests.Convergence;

/// <summary>
/// Training converges on the samples' problems (issue 3): XOR, sin(x) and the MNIST digits. Each run is seeded, so
/// the outcome is reproducible on one SIMD path; the thresholds leave room for the rounding differences between paths.
/// </summary>
public sealed class ConvergenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Xor_with_one_hidden_layer_reaches_a_loss_below_0_02()
    {
        var xor = Dataset.FromRows([[0f, 0f], [0f, 1f], [1f, 0f], [1f, 1f]], [[0f], [1f], [1f], [0f]]);
        var network = new XorNetwork(seed: 1);

        new Trainer(network, new Adam(0.05f)) { MaxEpochs = 2000, BatchSize = 4 }.Train(xor);

        var evaluation = Metrics.Evaluate(network, xor);
        output.WriteLine($"XOR loss {evaluation.Loss:G4}, accuracy {evaluation.Accuracy:P0} ({Simd()})");
        Assert.True(evaluation.Loss < 0.02, $"XOR loss {evaluation.Loss} is not below 0.02 ({Simd()}).");
        Assert.Equal(1.0, evaluation.Accuracy);
    }

    [Fact]
    public void Sine_with_32_hidden_relu_units_reaches_an_mse_below_0_01()
    {
        var network = new SineNetwork(seed: 1);

        new Trainer(network, new Adam(0.01f)) { MaxEpochs = 1500, BatchSize = 32, Seed = 1 }.Train(Sine(256));

        // Measured on a denser grid than the training points: the fit must hold between them too.
        double mse = Metrics.Evaluate(network, Sine(1001)).Loss;
        output.WriteLine($"sin(x) MSE {mse:G4} ({Simd()})");
        Assert.True(mse < 0.01, $"sin(x) MSE {mse} is not below 0.01 ({Simd()}).");
    }

    [Fact]
    public void Digits_784_128_10_reaches_94_percent_test_accuracy_on_a_short_run()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "data", MnistReader.FileName);
        var (train, test) = MnistReader.Load(path).Split(testFraction: 0.2, seed: 42);
        var network = new DigitNetwork(seed: 1);
        var clock = Stopwatch.StartNew();

        var history = new Trainer(network, new Adam()) { MaxEpochs = 8, BatchSize = 32, Seed = 1 }.Train(train);

        var evaluation = Metrics.Evaluate(network, test);
        output.WriteLine($"digits: {train.Count} training rows, {history.Epochs.Count} epochs in {clock.Elapsed.TotalSeconds:F1} s; " +
                         $"test accuracy {evaluation.Accuracy:P2}, loss {evaluation.Loss:F4} ({Simd()})");
        Assert.True(evaluation.Accuracy >= 0.94, $"test accuracy {evaluation.Accuracy:P2} is below 94 % ({Simd()}).");
    }

    private static Dataset Sine(int count)
    {
        var xs = new float[count];
        var ys = new float[count];
        for (int i = 0; i < count; i++)
        {
            double x = -Math.PI + 2 * Math.PI * i / (count - 1);
            xs[i] = (float)x;
            ys[i] = (float)Math.Sin(x);
        }

        return new Dataset(xs, ys, 1, 1);
    }

    private static string Simd() =>
        $"Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector128 {Vector128.IsHardwareAccelerated}";
}
