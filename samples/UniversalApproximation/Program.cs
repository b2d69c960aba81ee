using System.Diagnostics;
using System.Globalization;
using NetGen;
using NetGen.Samples.UniversalApproximation;

// Universal approximation: one hidden layer of ReLU units is a sum of hinge functions c·ReLU(w·x + b) plus a
// constant, so with enough units it can follow any continuous function on an interval. The more units, the
// more kinks the fit may place.
//
// usage: dotnet run -c Release --project samples/UniversalApproximation [output-folder]   (default ./output)

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string outputFolder = args.Length > 0 ? args[0] : "output";
Directory.CreateDirectory(outputFolder);

var targets = new (string Name, string File, Func<double, double> Function)[]
{
    ("sin(x)", "sin.png", Math.Sin),
    ($"six ReLUs: {SixRelus.Formula}", "six-relus.png", SixRelus.Evaluate),
};

var clock = Stopwatch.StartNew();
foreach (var (name, file, function) in targets)
{
    Console.WriteLine($"Target {name} on [-π, π]: 256 training points, Adam(0.01), batch 32, 1500 epochs");
    var data = Curves.Sample(function, count: 256);
    var fits = new List<Fit>();
    foreach (INetwork network in new INetwork[] { new Hidden2(seed: 1), new Hidden6(seed: 1), new Hidden32(seed: 1) })
    {
        var trainer = new Trainer(network, new Adam(0.01f)) { MaxEpochs = 1500, BatchSize = 32, Seed = 1 };
        trainer.Train(data);
        int units = (network.ParameterCount - 1) / 3; // 1-u-1 has u weights, u biases, u weights and 1 bias
        var mse = Metrics.Evaluate(network, Curves.Sample(function, count: 1001)).Loss;
        Console.WriteLine($"  {units,2} hidden ReLU units: MSE {mse:F5}");
        fits.Add(new Fit($"{units} hidden units (MSE {mse:F4})", network));
    }

    string path = Path.Combine(outputFolder, file);
    Curves.Plot(name, function, fits, path);
    Console.WriteLine($"  plot: {Path.GetFullPath(path)}");
    Console.WriteLine();
}

Console.WriteLine($"Total time {clock.Elapsed.TotalSeconds:F1} s");
