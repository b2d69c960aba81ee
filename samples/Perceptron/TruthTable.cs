using System.Globalization;
using NetGen;

namespace NetGen.Samples.Perceptron;

/// <summary>Prints a two-input network's output for every row next to the target.</summary>
public static class TruthTable
{
    /// <summary>
    /// One line per row: the output in full ("R", the shortest text that reads back as the same float, so 0.5 and
    /// 0.49999997 are told apart) and the class <see cref="Predictions.Predict"/> gives it.
    /// </summary>
    public static void Print(INetwork network, float[][] inputs, float[] targets)
    {
        Span<float> output = stackalloc float[1];
        Console.WriteLine("    x1  x2 | target | output          -> class (1 when output >= 0.5)");
        for (int i = 0; i < inputs.Length; i++)
        {
            network.Forward(inputs[i], output);
            int predicted = network.Predict(inputs[i]);
            string mark = predicted == (int)targets[i] ? "ok" : "WRONG";
            string value = output[0].ToString("R", CultureInfo.InvariantCulture);
            Console.WriteLine($"    {inputs[i][0],2:0}  {inputs[i][1],2:0} | {targets[i],6:0} | {value,-15} -> {predicted} {mark}");
        }

        Console.WriteLine();
    }
}
