using System.Globalization;
using NetGen;
using NetGen.Samples.Iris;

// Iris: from a CSV file to a trained, evaluated classifier. Fisher's 150 flowers, four measurements each and the
// species as text; LoadCsv turns the species into one-hot targets and keeps their names.
//
// usage: dotnet run -c Release --project samples/Iris [output-folder]   (default ./output)

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string outputFolder = args.Length > 0 ? args[0] : "output";
string csv = Path.Combine(AppContext.BaseDirectory, "data", "iris.csv");
Directory.CreateDirectory(outputFolder);

// The classifier on all four measurements: the README's ten lines.
var iris = Dataset.LoadCsv(csv);                                             // species (text) → one-hot, names kept
var (train, test) = iris.Split(testFraction: 0.2, seed: 1, stratify: true);  // 10 of each species held out
var scaler = Standardizer.Fit(train);                                        // fitted on the training rows only
var network = new IrisClassifier(seed: 1);
var history = new Trainer(network, new Adam(network, 0.01)) { MaxEpochs = 200 }.Train(scaler.Transform(train));
Console.WriteLine($"{iris.Count} flowers from {Path.GetFileName(csv)}: features {string.Join(", ", iris.FeatureNames!)}; classes {string.Join(", ", iris.ClassNames!)}.");
Console.WriteLine(scaler);
Console.WriteLine($"Trained 4-16-3 on {train.Count} flowers for {history.Epochs.Count} epochs: training loss {history.Epochs[^1].TrainLoss:F4}.");
var evaluation = Metrics.Evaluate(network, scaler.Transform(test));
Console.WriteLine($"Test: accuracy {evaluation.Accuracy:P1}, loss {evaluation.Loss:F4} on {test.Count} flowers never seen in training.");
Console.WriteLine();
Console.WriteLine(Metrics.ConfusionMatrix(network, scaler.Transform(test)));
Console.WriteLine();

// The same recipe on petal length and width alone, whose decisions can be drawn.
var petals = Dataset.LoadCsv(csv, new CsvOptions { Ignore = ["sepal_length", "sepal_width"] });
var (petalTrain, petalTest) = petals.Split(testFraction: 0.2, seed: 1, stratify: true);
var petalScaler = Standardizer.Fit(petalTrain);
var petalNetwork = new PetalClassifier(seed: 1);
new Trainer(petalNetwork, new Adam(petalNetwork, 0.01)) { MaxEpochs = 200 }.Train(petalScaler.Transform(petalTrain));
var petalEvaluation = Metrics.Evaluate(petalNetwork, petalScaler.Transform(petalTest));
Console.WriteLine($"On petal length and width only: test accuracy {petalEvaluation.Accuracy:P1}.");

string path = Path.Combine(outputFolder, "iris-regions.png");
DecisionRegions.Save(path, petalNetwork, petalScaler, petals);
Console.WriteLine($"Plot: {Path.GetFullPath(path)}");
