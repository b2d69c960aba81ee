using System.Diagnostics;
using System.Globalization;
using NetGen;
using NetGen.Samples.Digits;

// Handwritten digits: 10,000 MNIST images in three parts. The test set (20 %) is put aside first and measured once,
// at the very end; the validation set (10 % of the rest) is watched after every epoch by early stopping, which
// chooses the parameters; the network learns from the remaining training digits only.
//
// usage: dotnet run -c Release --project samples/Digits [--overfit] [--output DIR] [--data PATH]
//   (default)   784-128-10, ReLU then Softmax, cross-entropy, Adam(1e-3), batches of 32, at most 15 epochs over the
//               training digits and their one-pixel shifts, early stopping with patience 3.
//   --overfit   784-512-512-10 on only 1,000 training digits for 40 epochs: the validation loss turns up while the
//               training loss keeps falling; then the same run with early stopping (patience 5) catches it.

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
bool overfit = args.Contains("--overfit");
string outputFolder = ValueOf("--output") ?? "output";
string dataPath = MnistReader.Locate(ValueOf("--data"));
Directory.CreateDirectory(outputFolder);

var all = MnistReader.Load(dataPath);
// The file is grouped by label; Split shuffles (with the seed) before it cuts, and stratify keeps every digit's share.
var (rest, test) = all.Split(testFraction: 0.2, seed: 42, stratify: true);
var (train, validation) = rest.Split(testFraction: 0.1, seed: 7, stratify: true);
Console.WriteLine($"{all.Count} digits from {dataPath}: {train.Count} to train, {validation.Count} to validate (early stopping), {test.Count} to test at the end.");
Console.WriteLine($"SIMD: Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}, Vector128 {System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated}");
Console.WriteLine();

if (!overfit)
{
    int maxEpochs = int.Parse(ValueOf("--epochs") ?? "15", CultureInfo.InvariantCulture);
    int patience = int.Parse(ValueOf("--patience") ?? "3", CultureInfo.InvariantCulture);
    int batchSize = int.Parse(ValueOf("--batch") ?? "32", CultureInfo.InvariantCulture);
    double learningRate = double.Parse(ValueOf("--lr") ?? "0.001", CultureInfo.InvariantCulture);
    var network = new DigitNetwork(seed: 1);
    var augmented = Augmentation.WithOnePixelShifts(train);
    Console.WriteLine($"Training on {augmented.Count} rows: the {train.Count} training digits and their one-pixel shifts.");
    var clock = Stopwatch.StartNew();
    var history = Training.Run(
        $"784-128-10, Adam({learningRate}), batch {batchSize}, at most {maxEpochs} epochs, patience {patience}", augmented, validation,
        batches => new Trainer(network, new Adam(network, learningRate)) { MaxEpochs = maxEpochs, BatchSize = batchSize, Seed = 1, Patience = patience, BatchProgress = batches });
    clock.Stop();
    Console.WriteLine();
    Console.WriteLine(history.StoppedEarly
        ? $"Stopped early after epoch {history.Epochs.Count}; restored epoch {history.BestEpoch}, the lowest validation loss."
        : $"Ran all {history.Epochs.Count} epochs; restored epoch {history.BestEpoch}, the lowest validation loss.");

    // The first and only look at the test set.
    var evaluation = Metrics.Evaluate(network, test);
    Console.WriteLine($"Test accuracy {evaluation.Accuracy:P2} (loss {evaluation.Loss:F4}) on {test.Count} digits never seen in training; training took {clock.Elapsed.TotalSeconds:F1} s.");
    Console.WriteLine();
    Console.WriteLine(Metrics.ConfusionMatrix(network, test));
    string path = Path.Combine(outputFolder, "digits-loss.png");
    LossPlot.Save(path, ($"784-128-10: loss per epoch (validation: {validation.Count} digits)", history));
    Console.WriteLine($"Plot: {Path.GetFullPath(path)}");
    string weights = Path.Combine(outputFolder, "digits.safetensors");
    network.SaveParameters(weights);
    Console.WriteLine($"Weights: {Path.GetFullPath(weights)} (samples/EmbeddedDigits embeds such a file at compile time)");
}
else
{
    // Few training rows for a large network: it can memorise them.
    var (_, small) = train.Split(testFraction: 1000.0 / train.Count, seed: 8);   // 1,000 rows to train on
    Console.WriteLine($"Overfitting: 784-512-512-10 ({LargeDigitNetwork.ParameterCount:N0} parameters) on {small.Count} digits, validated on {validation.Count} others.");
    Console.WriteLine();

    var runs = new List<(string, TrainingHistory)>();
    foreach (int? patience in new int?[] { null, 5 })
    {
        var network = new LargeDigitNetwork(seed: 1);
        string title = patience is null
            ? "784-512-512-10, 40 epochs, no early stopping"
            : $"784-512-512-10, early stopping (patience {patience}, best parameters restored)";
        var clock = Stopwatch.StartNew();
        var history = Training.Run(title, small, validation,
            batches => new Trainer(network, new Adam(network)) { MaxEpochs = 40, BatchSize = 32, Seed = 1, Patience = patience, BatchProgress = batches });
        clock.Stop();
        var evaluation = Metrics.Evaluate(network, test);
        var best = history.Epochs[history.BestEpoch - 1];
        var last = history.Epochs[^1];
        Console.WriteLine();
        Console.WriteLine($"  lowest validation loss {best.ValidationLoss:F4} at epoch {best.Epoch}; at epoch {last.Epoch}: training loss {last.TrainLoss:F4}, validation loss {last.ValidationLoss:F4}");
        Console.WriteLine(history.RestoredBestEpoch
            ? $"  stopped early: {history.StoppedEarly}, after epoch {last.Epoch}; restored epoch {history.BestEpoch}"
            : $"  kept the last parameters (epoch {last.Epoch})");
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
