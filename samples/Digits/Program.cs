using System.Diagnostics;
using System.Globalization;
using NetGen;
using NetGen.Samples.Digits;
using Spectre.Console;

// Handwritten digits: 10,000 MNIST images, 80 % to train on and 20 % held out.
//
// usage: dotnet run -c Release --project samples/Digits [--overfit] [--output DIR] [--data PATH]
//   (default)   784-128-10, ReLU then Softmax, cross-entropy, Adam(1e-3), batches of 32, 8 epochs over the
//               training digits and their one-pixel shifts (40,000 rows).
//   --overfit   784-512-512-10 on only 1,000 training digits for 40 epochs: the validation loss turns up while the
//               training loss keeps falling; then the same run with early stopping (patience 5) catches it.

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
bool overfit = args.Contains("--overfit");
string outputFolder = ValueOf("--output") ?? "output";
string dataPath = MnistReader.Locate(ValueOf("--data"));
Directory.CreateDirectory(outputFolder);

var all = MnistReader.Load(dataPath);
// The file is grouped by label; Split shuffles (with the seed) before it cuts.
var (train, test) = all.Split(testFraction: 0.2, seed: 42);
Console.WriteLine($"{all.Count} digits from {dataPath}: {train.Count} to train, {test.Count} held out.");
Console.WriteLine($"SIMD: Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}, Vector128 {System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated}");
Console.WriteLine();

if (!overfit)
{
    int epochs = int.Parse(ValueOf("--epochs") ?? "8", CultureInfo.InvariantCulture);
    int batchSize = int.Parse(ValueOf("--batch") ?? "32", CultureInfo.InvariantCulture);
    float learningRate = float.Parse(ValueOf("--lr") ?? "0.001", CultureInfo.InvariantCulture);
    var network = new DigitNetwork(seed: 1);
    var settings = new Trainer(network, new Adam()) { Epochs = epochs, BatchSize = batchSize, Seed = 1, RestoreBestParameters = false };
    var clock = Stopwatch.StartNew();
    // The held-out 20 % is only watched here (no early stopping, no choice of parameters), so it stays a fair test.
    var augmented = Augmentation.WithOnePixelShifts(train);
    Console.WriteLine($"Training on {augmented.Count} rows: the {train.Count} training digits and their one-pixel shifts.");
    var history = Training.Run($"784-128-10, Adam({learningRate}), batch {batchSize}, {epochs} epochs", network, settings, new Adam(learningRate), augmented, test);
    clock.Stop();
    var evaluation = Metrics.Evaluate(network, test);
    Console.WriteLine();
    Console.WriteLine($"Test accuracy {evaluation.Accuracy:P2} (loss {evaluation.Loss:F4}) on {test.Count} held-out digits; training took {clock.Elapsed.TotalSeconds:F1} s.");
    string path = Path.Combine(outputFolder, "digits-loss.png");
    LossPlot.Save(path, ("784-128-10: loss per epoch (validation = held-out 20 %)", history));
    Console.WriteLine($"Plot: {Path.GetFullPath(path)}");
    string weights = Path.Combine(outputFolder, "digits.safetensors");
    network.SaveParameters(weights);
    Console.WriteLine($"Weights: {Path.GetFullPath(weights)} (samples/EmbeddedDigits embeds such a file at compile time)");
}
else
{
    // Few training rows for a large network: it can memorise them. The validation rows come from the other
    // training rows, so that early stopping never sees the test set.
    var (rest, small) = train.Split(testFraction: 0.125, seed: 7);          // 1,000 rows to train on
    var (_, validation) = rest.Split(testFraction: 1000.0 / rest.Count, seed: 8); // 1,000 rows to validate on
    Console.WriteLine($"Overfitting: 784-512-512-10 ({LargeDigitNetwork.ParameterCount:N0} parameters) on {small.Count} digits, validated on {validation.Count} others.");
    Console.WriteLine();

    var runs = new List<(string, TrainingHistory)>();
    foreach (int? patience in new int?[] { null, 5 })
    {
        var network = new LargeDigitNetwork(seed: 1);
        var settings = new Trainer(network, new Adam())
        {
            Epochs = 40, BatchSize = 32, Seed = 1, Patience = patience, RestoreBestParameters = patience is not null,
        };
        string title = patience is null
            ? "784-512-512-10, 40 epochs, no early stopping"
            : $"784-512-512-10, early stopping (patience {patience}, best parameters restored)";
        var clock = Stopwatch.StartNew();
        var history = Training.Run(title, network, settings, new Adam(), small, validation);
        clock.Stop();
        var evaluation = Metrics.Evaluate(network, test);
        var best = history.Epochs[history.BestEpoch - 1];
        var last = history.Epochs[^1];
        Console.WriteLine();
        Console.WriteLine($"  lowest validation loss {best.ValidationLoss:F4} at epoch {best.Epoch}; at epoch {last.Epoch}: training loss {last.TrainLoss:F4}, validation loss {last.ValidationLoss:F4}");
        Console.WriteLine(patience is null
            ? $"  kept the last parameters (epoch {last.Epoch})"
            : $"  stopped early: {history.StoppedEarly}, after epoch {last.Epoch}; restored epoch {history.BestEpoch}");
        Console.WriteLine($"  test accuracy {evaluation.Accuracy:P2} (loss {evaluation.Loss:F4}); {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine();
        runs.Add((patience is null ? "No early stopping" : $"Early stopping, patience {patience}", history));
    }

    string path = Path.Combine(outputFolder, "digits-overfit.png");
    LossPlot.Save(path, runs.ToArray());
    Console.WriteLine($"Plot: {Path.GetFullPath(path)}");
}

string? ValueOf(string option)
{
    int i = Array.IndexOf(args, option);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
