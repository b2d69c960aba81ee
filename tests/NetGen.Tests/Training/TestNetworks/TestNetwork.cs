using System;
using NetGen;

namespace NetGen.Tests.Training.TestNetworks;

/// <summary>
/// A hand-written single-layer network y = f(Wx + b) (W [out, in] row-major, then b) with hand-derived gradients,
/// standing in for generated networks. Subclasses give f and dLoss/dz for one sample.
/// </summary>
public abstract class TestNetwork : INetwork
{
    private readonly float[] _parameters;
    private readonly float[] _gradients;
    private readonly float[] _output;
    private readonly float[] _outputGradient;

    protected TestNetwork(int inputSize, int outputSize, Loss loss)
    {
        InputSize = inputSize;
        OutputSize = outputSize;
        Loss = loss;
        _parameters = new float[outputSize * inputSize + outputSize];
        _gradients = new float[_parameters.Length];
        _output = new float[outputSize];
        _outputGradient = new float[outputSize];
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    public int ParameterCount => _parameters.Length;

    public Span<float> Parameters => _parameters;

    public Span<float> Gradients => _gradients;

    public Loss Loss { get; }

    public void InitializeParameters(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < OutputSize * InputSize; i++)
        {
            _parameters[i] = (float)(random.NextDouble() - 0.5);
        }

        Array.Clear(_parameters, OutputSize * InputSize, OutputSize);
    }

    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        Check(input.Length, InputSize, nameof(input));
        Check(output.Length, OutputSize, nameof(output));
        for (int o = 0; o < OutputSize; o++)
        {
            float z = _parameters[OutputSize * InputSize + o];
            for (int i = 0; i < InputSize; i++)
            {
                z += _parameters[o * InputSize + i] * input[i];
            }

            output[o] = z;
        }

        Activate(output);
    }

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        int rows = inputs.Length / InputSize;
        Check(outputs.Length, rows * OutputSize, nameof(outputs));
        for (int r = 0; r < rows; r++)
        {
            Forward(inputs.Slice(r * InputSize, InputSize), outputs.Slice(r * OutputSize, OutputSize));
        }
    }

    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => AddGradient(input, target, 1f);

    public virtual float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        int rows = inputs.Length / InputSize;
        Check(targets.Length, rows * OutputSize, nameof(targets));
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            sum += AddGradient(inputs.Slice(r * InputSize, InputSize), targets.Slice(r * OutputSize, OutputSize), 1f / rows);
        }

        return (float)(sum / rows);
    }

    public void ZeroGradients() => Array.Clear(_gradients);

    /// <summary>Applies the output activation f to z in place.</summary>
    protected abstract void Activate(Span<float> values);

    /// <summary>Writes dLoss/dz for outputs y and targets t and returns the loss.</summary>
    protected abstract float LossAndGradient(ReadOnlySpan<float> y, ReadOnlySpan<float> t, Span<float> dz);

    private float AddGradient(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float scale)
    {
        Check(input.Length, InputSize, nameof(input));
        Check(target.Length, OutputSize, nameof(target));
        Forward(input, _output);
        float loss = LossAndGradient(_output, target, _outputGradient);
        for (int o = 0; o < OutputSize; o++)
        {
            float g = scale * _outputGradient[o];
            for (int i = 0; i < InputSize; i++)
            {
                _gradients[o * InputSize + i] += g * input[i];
            }

            _gradients[OutputSize * InputSize + o] += g;
        }

        return loss;
    }

    private static void Check(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} must have length {expected}; got {actual}.", name);
        }
    }
}
