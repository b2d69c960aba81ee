using System.Globalization;
using NetGen;
using NetGen.Samples.Digits;
using NetGen.Samples.EmbeddedDigits;

// A trained network shipped inside the program: digits.safetensors (saved by samples/Digits) was embedded when
// this project was compiled, so the weights need no file at run time. The only file read is the test data.
//
// usage: dotnet run -c Release --project samples/EmbeddedDigits [--data PATH]

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var network = new DigitReader();

// The Digits sample's test rows (same file, same split), which neither training nor early stopping saw.
string dataPath = MnistReader.Locate(args.Length == 2 && args[0] == "--data" ? args[1] : null);
var (_, test) = MnistReader.Load(dataPath).Split(testFraction: 0.2, seed: 42, stratify: true);

Console.WriteLine($"784-128-10 with {DigitReader.ParameterCount:N0} parameters embedded from digits.safetensors.");
Console.WriteLine();
var output = new float[DigitReader.OutputSize];
for (int row = 0; row < 8; row++)
{
    var pixels = test.FeaturesOf(row);
    network.Forward(pixels, output);
    int predicted = ArgMax(output);
    Console.WriteLine(Picture(pixels));
    Console.WriteLine($"label {ArgMax(test.TargetsOf(row))}, read as {predicted} ({output[predicted]:P1} sure)");
    Console.WriteLine();
}

var evaluation = Metrics.Evaluate(network, test);
Console.WriteLine($"Accuracy on the {test.Count} test digits: {evaluation.Accuracy:P2}");

static int ArgMax(ReadOnlySpan<float> values)
{
    int best = 0;
    for (int i = 1; i < values.Length; i++)
    {
        if (values[i] > values[best])
        {
            best = i;
        }
    }

    return best;
}

// A 28 × 28 digit at half resolution in characters, darker pixels denser.
static string Picture(ReadOnlySpan<float> pixels)
{
    const string shades = " .:-=+*#%@";
    var lines = new List<string>();
    for (int y = 0; y < 28; y += 2)
    {
        var line = new char[28];
        for (int x = 0; x < 28; x++)
        {
            float value = (pixels[(y * 28) + x] + pixels[((y + 1) * 28) + x]) / 2;
            line[x] = shades[Math.Min(shades.Length - 1, (int)(value * shades.Length))];
        }

        lines.Add(new string(line).TrimEnd());
    }

    return string.Join(Environment.NewLine, lines);
}
