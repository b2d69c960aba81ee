using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NetGen;
using NetGen.QuickStart;

// NetGen quick start: two networks declared with attributes (Networks.cs), compiled by the source generator,
// initialised from a seed, run on a few inputs, and timed.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string simd = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : "scalar";
Console.WriteLine($"NetGen quick start — .NET {Environment.Version}, {RuntimeInformationText()}, SIMD path: {simd}");
Console.WriteLine();

// ---- NpcBrain: 4-16-16-2, tanh ----
var brain = new NpcBrain(seed: 1);
Console.WriteLine($"NpcBrain {NpcBrain.InputSize}-16-16-{NpcBrain.OutputSize} (tanh), {NpcBrain.ParameterCount} parameters, seed 1");
float[][] senses =
[
    [0.0f, 0.0f, 0.0f, 0.0f],
    [1.0f, 0.5f, -0.5f, 0.2f],
    [-1.0f, 0.3f, 0.9f, -0.7f],
];
Span<float> action = stackalloc float[NpcBrain.OutputSize];
foreach (var input in senses)
{
    brain.Forward(input, action);
    Console.WriteLine($"  Forward([{Join(input)}]) = [{Join(action)}]");
}

var batchInputs = senses.SelectMany(row => row).ToArray();
var batchOutputs = new float[senses.Length * NpcBrain.OutputSize];
brain.ForwardBatch(batchInputs, batchOutputs);
Console.WriteLine($"  ForwardBatch of the {senses.Length} rows  = [{Join(batchOutputs)}]");
Console.WriteLine();

// ---- DigitClassifier: 784-128-10, ReLU + softmax ----
var digits = new DigitClassifier(seed: 7);
Console.WriteLine($"DigitClassifier {DigitClassifier.InputSize}-128-{DigitClassifier.OutputSize} (ReLU, softmax), {DigitClassifier.ParameterCount} parameters, seed 7 (untrained)");
var image = new float[DigitClassifier.InputSize];
var probabilities = new float[DigitClassifier.OutputSize];
var random = new Random(3);
for (int sample = 0; sample < 2; sample++)
{
    for (int i = 0; i < image.Length; i++)
    {
        image[i] = random.NextSingle();
    }

    digits.Forward(image, probabilities);
    int best = Array.IndexOf(probabilities, probabilities.Max());
    Console.WriteLine($"  Forward(random image {sample}) = [{Join(probabilities, "F3")}] → class {best}, Σ = {probabilities.Sum():F4}");
}

const int digitRows = 16;
var digitBatch = new float[digitRows * DigitClassifier.InputSize];
for (int i = 0; i < digitBatch.Length; i++)
{
    digitBatch[i] = random.NextSingle();
}

var digitOutputs = new float[digitRows * DigitClassifier.OutputSize];
digits.ForwardBatch(digitBatch, digitOutputs);
var classes = Enumerable.Range(0, digitRows)
    .Select(r => digitOutputs.AsSpan(r * 10, 10).ToArray())
    .Select(p => Array.IndexOf(p, p.Max()));
Console.WriteLine($"  ForwardBatch of {digitRows} random images → classes [{string.Join(", ", classes)}]");
Console.WriteLine();

// ---- Timing: ns per Forward, median of several timed repetitions after a warm-up ----
Console.WriteLine("Time per Forward (batch 1, one thread; warm-up, then the median of 7 timed repetitions):");
var brainInput = senses[1];
var brainOutput = new float[NpcBrain.OutputSize];
double brainNs = Measure(() => TimeBrain(brain, brainInput, brainOutput, 1_000_000), 1_000_000);
Console.WriteLine($"  NpcBrain         {brainNs,9:F1} ns   (1,000,000 calls per repetition)");
double digitNs = Measure(() => TimeDigits(digits, image, probabilities, 20_000), 20_000);
Console.WriteLine($"  DigitClassifier  {digitNs,9:F1} ns   (20,000 calls per repetition)");

static double Measure(Func<TimeSpan> run, int calls)
{
    for (int i = 0; i < 3; i++)
    {
        run(); // warm-up: lets tiered compilation reach the optimised code
    }

    var samples = new double[7];
    for (int i = 0; i < samples.Length; i++)
    {
        samples[i] = run().TotalNanoseconds / calls;
    }

    Array.Sort(samples);
    return samples[samples.Length / 2];
}

[MethodImpl(MethodImplOptions.NoInlining)]
static TimeSpan TimeBrain(NpcBrain network, float[] input, float[] output, int calls)
{
    var watch = Stopwatch.StartNew();
    for (int i = 0; i < calls; i++)
    {
        network.Forward(input, output);
    }

    return watch.Elapsed;
}

[MethodImpl(MethodImplOptions.NoInlining)]
static TimeSpan TimeDigits(DigitClassifier network, float[] input, float[] output, int calls)
{
    var watch = Stopwatch.StartNew();
    for (int i = 0; i < calls; i++)
    {
        network.Forward(input, output);
    }

    return watch.Elapsed;
}

static string Join(ReadOnlySpan<float> values, string format = "F4")
{
    var parts = new string[values.Length];
    for (int i = 0; i < values.Length; i++)
    {
        parts[i] = values[i].ToString(format, CultureInfo.InvariantCulture);
    }

    return string.Join(", ", parts);
}

static string RuntimeInformationText() =>
    $"{System.Runtime.InteropServices.RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} logical cores";
