using System;
using System.Buffers;

namespace NetGen;

/// <summary>
/// Class predictions of any network: the index of the largest output (argmax, as for a Softmax output), or with a
/// single output 1 when it is at least 0.5, else 0 (as for a Sigmoid output).
/// </summary>
public static class Predictions
{
    private const int StackOutputs = 128;
    private const int RowsPerChunk = 256;

    /// <summary>The class <paramref name="network"/> predicts for one input. Does not change the network; allocates nothing for up to 128 outputs.</summary>
    /// <exception cref="ArgumentException"><paramref name="input"/> does not have <see cref="INetwork.InputSize"/> values.</exception>
    /// <exception cref="InvalidOperationException">The network has several outputs trained with BinaryCrossEntropy: each is its own yes/no answer, not one class.</exception>
    public static int Predict(this INetwork network, ReadOnlySpan<float> input)
    {
        CheckSingleLabel(network);
        int size = network.OutputSize;
        float[]? rented = size > StackOutputs ? ArrayPool<float>.Shared.Rent(size) : null;
        Span<float> output = rented is null ? stackalloc float[size] : rented.AsSpan(0, size);
        try
        {
            network.Forward(input, output);
            return ClassRule.ClassOf(output);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the class <paramref name="network"/> predicts for each row of <see cref="INetwork.InputSize"/> inputs, without allocating.</summary>
    /// <exception cref="ArgumentException"><paramref name="classes"/> does not have one element per row of <paramref name="inputs"/>.</exception>
    /// <exception cref="InvalidOperationException">The network has several outputs trained with BinaryCrossEntropy.</exception>
    public static void PredictBatch(this INetwork network, ReadOnlySpan<float> inputs, Span<int> classes)
    {
        CheckSingleLabel(network);
        int inputSize = network.InputSize, outputSize = network.OutputSize;
        int rows = inputs.Length / inputSize;
        if (inputs.Length % inputSize != 0 || classes.Length != rows)
        {
            throw new ArgumentException(
                $"inputs has {inputs.Length} values and classes {classes.Length} elements; PredictBatch needs whole rows of {inputSize} inputs and one class per row.",
                inputs.Length % inputSize != 0 ? nameof(inputs) : nameof(classes));
        }

        var outputs = ArrayPool<float>.Shared.Rent(Math.Min(rows, RowsPerChunk) * outputSize);
        try
        {
            for (int start = 0; start < rows; start += RowsPerChunk)
            {
                int count = Math.Min(RowsPerChunk, rows - start);
                var chunk = outputs.AsSpan(0, count * outputSize);
                network.ForwardBatch(inputs.Slice(start * inputSize, count * inputSize), chunk);
                for (int r = 0; r < count; r++)
                {
                    classes[start + r] = ClassRule.ClassOf(chunk.Slice(r * outputSize, outputSize));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(outputs);
        }
    }

    /// <summary>The class <paramref name="network"/> predicts for each row of <see cref="INetwork.InputSize"/> inputs (e.g. a dataset's <see cref="Dataset.Features"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> is not a whole number of rows.</exception>
    /// <exception cref="InvalidOperationException">The network has several outputs trained with BinaryCrossEntropy.</exception>
    public static int[] PredictBatch(this INetwork network, ReadOnlySpan<float> inputs)
    {
        ArgumentNullException.ThrowIfNull(network);
        var classes = new int[inputs.Length / Math.Max(network.InputSize, 1)];
        PredictBatch(network, inputs, classes);
        return classes;
    }

    private static void CheckSingleLabel(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Loss == Loss.BinaryCrossEntropy && network.OutputSize > 1)
        {
            throw new InvalidOperationException(
                $"{network.GetType().Name} has {network.OutputSize} outputs trained with BinaryCrossEntropy: each is its own yes/no answer, " +
                "so there is no single class to predict. Run Forward and compare each output with 0.5.");
        }
    }
}
