using System;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Weights;

/// <summary>
/// The declared network's forward pass in double precision, straight from the definitions, so that the generator
/// can run a weight file's self-check vectors at compile time.
/// </summary>
internal static class ReferenceForward
{
    public static double[] Run(NetworkSpec spec, float[] parameters, float[] input)
    {
        var values = input.Select(x => (double)x).ToArray();
        foreach (var layer in spec.Layers)
        {
            var rows = layer.AffineOutputs;
            var affine = new double[rows];
            for (var row = 0; row < rows; row++)
            {
                var sum = (double)parameters[layer.BiasOffset + row];
                var weights = layer.ParameterOffset + ((long)row * layer.Inputs);
                for (var i = 0; i < layer.Inputs; i++)
                {
                    sum += parameters[weights + i] * values[i];
                }

                affine[row] = sum;
            }

            values = layer.IsMaxout ? Maxout(affine, layer) : Activate(affine, layer);
        }

        return values;
    }

    /// <summary>Unit u is the maximum over the pieces p of row p·units + u.</summary>
    private static double[] Maxout(double[] affine, LayerSpec layer)
    {
        var output = new double[layer.Units];
        for (var unit = 0; unit < layer.Units; unit++)
        {
            var max = double.NegativeInfinity;
            for (var piece = 0; piece < layer.Pieces; piece++)
            {
                max = Math.Max(max, affine[(piece * layer.Units) + unit]);
            }

            output[unit] = max;
        }

        return output;
    }

    private static double[] Activate(double[] z, LayerSpec layer)
    {
        if (layer.Activation == ActivationKind.Softmax)
        {
            var max = z.Max();
            var exponentials = z.Select(v => Math.Exp(v - max)).ToArray();
            var sum = exponentials.Sum();
            return exponentials.Select(e => e / sum).ToArray();
        }

        double alpha = layer.Alpha;
        return z.Select(x => layer.Activation switch
        {
            ActivationKind.Identity => x,
            ActivationKind.Step => x >= 0 ? 1 : 0,
            ActivationKind.Sigmoid => 1 / (1 + Math.Exp(-x)),
            ActivationKind.Tanh => Math.Tanh(x),
            ActivationKind.ReLU => Math.Max(0, x),
            ActivationKind.LeakyReLU => x >= 0 ? x : alpha * x,
            ActivationKind.ELU => x >= 0 ? x : alpha * (Math.Exp(x) - 1),
            ActivationKind.ReLU6 => Math.Min(Math.Max(0, x), 6),
            ActivationKind.Swish => x / (1 + Math.Exp(-x)),
            ActivationKind.Mish => x * Math.Tanh(x > 30 ? x : Math.Log(1 + Math.Exp(x))),
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Activation, "Not an activation."),
        }).ToArray();
    }
}
