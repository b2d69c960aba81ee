using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.Intrinsics;
using NetGen;
using NetGen.Samples.AotBrain;

// A steering brain trained to imitate a hand-written controller, then asked for decisions. Published with
// NativeAOT (dotnet publish -c Release) it prints the same numbers as under the JIT (dotnet run -c Release),
// to float rounding: only the "runtime" and "time" lines may differ.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string mode = JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "NativeAOT";
string simd = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : "scalar";
Console.WriteLine($"runtime: {mode}, SIMD path {simd}");

var brain = new SteeringBrain(seed: 42);
Console.WriteLine($"parameters: {SteeringBrain.ParameterCount}, sum {Sum(brain.Parameters)}");

var (train, validation) = Controller.Demonstrations(count: 2048, seed: 7).Split(testFraction: 0.25, seed: 1);
var history = new Trainer(brain, new Adam(brain, learningRate: 0.01)) { MaxEpochs = 30, BatchSize = 32, Seed = 3 }
    .Train(train, validation);
foreach (var epoch in history.Epochs.Where(e => e.Epoch is 1 or 10 or 30))
{
    Console.WriteLine($"epoch {epoch.Epoch}: train loss {epoch.TrainLoss:G6}, validation loss {epoch.ValidationLoss:G6}");
}

float[][] situations =
[
    [0.5f, 0f, 0f, 0f],      // target ahead on x, standing still
    [0f, -0.8f, 0f, 0.5f],   // target below while moving up
    [0.1f, 0.1f, 0.6f, 0.6f], // nearly there, moving fast: brake
];
Span<float> decision = stackalloc float[SteeringBrain.OutputSize];
Span<float> wanted = stackalloc float[2];
foreach (var state in situations)
{
    brain.Forward(state, decision);
    Controller.Steer(state, wanted);
    Console.WriteLine($"steer [{Join(state, "F2")}]: network [{Join(decision, "F6")}], controller [{Join(wanted, "F6")}]");
}

Console.WriteLine($"time: {NanosecondsPerForward(brain, situations[0]):F1} ns per Forward");

static string Join(ReadOnlySpan<float> values, string format)
{
    var parts = new string[values.Length];
    for (int i = 0; i < values.Length; i++)
    {
        parts[i] = values[i].ToString(format);
    }

    return string.Join(", ", parts);
}

static double Sum(ReadOnlySpan<float> values)
{
    double sum = 0;
    foreach (var value in values)
    {
        sum += value;
    }

    return Math.Round(sum, 6);
}

static double NanosecondsPerForward(SteeringBrain brain, float[] state)
{
    const int calls = 200_000;
    var output = new float[SteeringBrain.OutputSize];
    for (int i = 0; i < calls; i++)
    {
        brain.Forward(state, output); // warm-up: lets the JIT reach optimised code
    }

    var watch = Stopwatch.StartNew();
    for (int i = 0; i < calls; i++)
    {
        brain.Forward(state, output);
    }

    return watch.Elapsed.TotalNanoseconds / calls;
}
