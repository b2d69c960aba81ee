using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Tests.Numerics;

/// <summary>One layer as the reference sees it: a Dense layer has one piece.</summary>
public sealed record ReferenceLayer(int Inputs, int Units, Activation Activation, int Pieces = 1, double Alpha = double.NaN)
{
    public static ReferenceLayer Dense(int inputs, int units, Activation activation, double alpha = double.NaN) => new(inputs, units, activation, 1, alpha);

    public static ReferenceLayer Maxout(int inputs, int units, int pieces) => new(inputs, units, Activation.Identity, pieces);

    public int ParameterCount => (Pieces * Units * Inputs) + (Pieces * Units);

    public double EffectiveAlpha => !double.IsNaN(Alpha) ? Alpha : Activation == Activation.ELU ? 1.0 : 0.01;
}

/// <summary>
/// An independent double-precision implementation of a NetGen network: straightforward loops over the
/// PyTorch exchange layout (weight [out, in] row-major, then bias), written from the definitions.
/// </summary>
public sealed class ReferenceNetwork(IReadOnlyList<ReferenceLayer> layers, Loss loss)
{
    public IReadOnlyList<ReferenceLayer> Layers { get; } = layers;

    public double[] Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input) =>
        Forward(parameters.ToArray().Select(p => (double)p).ToArray(), input.ToArray().Select(x => (double)x).ToArray());

    public double[] Forward(double[] parameters, double[] input)
    {
        var values = input;
        var offset = 0;
        foreach (var layer in Layers)
        {
            var rows = layer.Pieces * layer.Units;
            var affine = new double[rows];
            for (var j = 0; j < rows; j++)
            {
                var sum = parameters[offset + (rows * layer.Inputs) + j];
                for (var i = 0; i < layer.Inputs; i++)
                {
                    sum += parameters[offset + (j * layer.Inputs) + i] * values[i];
                }

                affine[j] = sum;
            }

            offset += layer.ParameterCount;
            values = layer.Pieces > 1
                ? Enumerable.Range(0, layer.Units).Select(u => Enumerable.Range(0, layer.Pieces).Max(p => affine[(p * layer.Units) + u])).ToArray()
                : Activate(affine, layer.Activation, layer.EffectiveAlpha);
        }

        return values;
    }

    /// <summary>The loss of one sample, as PyTorch defines it (BCE and CE from the logits where the output layer allows).</summary>
    public double Loss(double[] parameters, double[] input, double[] target)
    {
        var output = Forward(parameters, input);
        var last = Layers[^1];
        switch (loss)
        {
            case NetGen.Loss.MeanSquaredError:
                return output.Zip(target, (y, t) => (y - t) * (y - t)).Average();
            case NetGen.Loss.BinaryCrossEntropy:
                return output.Zip(target, (y, t) => -((t * ClampedLog(y)) + ((1 - t) * ClampedLog(1 - y)))).Average();
            default:
                return -output.Zip(target, (y, t) => t * ClampedLog(y)).Sum();
        }
    }

    /// <summary>The gradient of the mean loss over the rows by central finite differences in double precision.</summary>
    public double[] FiniteDifferenceGradient(double[] parameters, double[][] inputs, double[][] targets, double step = 1e-6)
    {
        var gradient = new double[parameters.Length];
        var probe = (double[])parameters.Clone();
        for (var p = 0; p < parameters.Length; p++)
        {
            probe[p] = parameters[p] + step;
            var plus = MeanLoss(probe, inputs, targets);
            probe[p] = parameters[p] - step;
            var minus = MeanLoss(probe, inputs, targets);
            probe[p] = parameters[p];
            gradient[p] = (plus - minus) / (2 * step);
        }

        return gradient;
    }

    public double MeanLoss(double[] parameters, double[][] inputs, double[][] targets) =>
        inputs.Select((x, r) => Loss(parameters, x, targets[r])).Average();

    private static double ClampedLog(double value) => value > 0 ? Math.Max(Math.Log(value), -100) : -100;

    public static double[] Activate(double[] z, Activation activation, double alpha)
    {
        if (activation == Activation.Softmax)
        {
            var max = z.Max();
            var exps = z.Select(v => Math.Exp(v - max)).ToArray();
            var sum = exps.Sum();
            return exps.Select(e => e / sum).ToArray();
        }

        return z.Select(x => Activate(x, activation, alpha)).ToArray();
    }

    public static double Activate(double x, Activation activation, double alpha) => activation switch
    {
        Activation.Identity => x,
        Activation.Step => x >= 0 ? 1 : 0,
        Activation.Sigmoid => 1 / (1 + Math.Exp(-x)),
        Activation.Tanh => Math.Tanh(x),
        Activation.ReLU => Math.Max(0, x),
        Activation.LeakyReLU => x >= 0 ? x : alpha * x,
        Activation.ELU => x >= 0 ? x : alpha * (Math.Exp(x) - 1),
        Activation.ReLU6 => Math.Min(Math.Max(0, x), 6),
        Activation.Swish => x / (1 + Math.Exp(-x)),
        Activation.Mish => x * Math.Tanh(x > 30 ? x : Math.Log(1 + Math.Exp(x))),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };
}
