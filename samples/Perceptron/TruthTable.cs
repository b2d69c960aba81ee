using NetGen;

namespace NetGen.Samples.Perceptron;

/// <summary>Prints a two-input network's output for every row next to the target.</summary>
public static class TruthTable
{
    public static void Print(INetwork network, float[][] inputs, float[] targets)
    {
        Span<float> output = stackalloc float[1];
        Console.WriteLine("    x1  x2 | target | output  -> class");
        for (int i = 0; i < inputs.Length; i++)
        {
            network.Forward(inputs[i], output);
            int predicted = output[0] >= 0.5f ? 1 : 0;
            string mark = predicted == (int)targets[i] ? "ok" : "WRONG";
            Console.WriteLine($"    {inputs[i][0],2:0}  {inputs[i][1],2:0} | {targets[i],6:0} | {output[0],6:F3}  -> {predicted} {mark}");
        }

        Console.WriteLine();
    }
}
