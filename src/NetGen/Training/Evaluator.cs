using System;

namespace NetGen;

/// <summary>
/// Computes loss and accuracy of a network on datasets, running <see cref="INetwork.ForwardBatch"/> over chunks of
/// rows into one reusable buffer, so that repeated evaluations do not allocate.
/// </summary>
internal sealed class Evaluator
{
    private const int RowsPerChunk = 256;

    private readonly INetwork _network;
    private readonly float[] _outputs;

    public Evaluator(INetwork network)
    {
        _network = network;
        _outputs = new float[RowsPerChunk * network.OutputSize];
    }

    /// <summary>The mean loss and the accuracy (NaN when it does not apply), without allocating.</summary>
    public (double Loss, double Accuracy) Measure(Dataset data)
    {
        int inputs = _network.InputSize, outputs = _network.OutputSize;
        var loss = _network.Loss;
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < data.Count; start += RowsPerChunk)
        {
            int rows = Math.Min(RowsPerChunk, data.Count - start);
            var output = _outputs.AsSpan(0, rows * outputs);
            _network.ForwardBatch(data.Features.Slice(start * inputs, rows * inputs), output);
            var targets = data.Targets.Slice(start * outputs, rows * outputs);
            for (int r = 0; r < rows; r++)
            {
                var y = output.Slice(r * outputs, outputs);
                var t = targets.Slice(r * outputs, outputs);
                lossSum += LossFunctions.Compute(loss, y, t);
                correct += CountCorrect(loss, y, t);
            }
        }

        double accuracy = loss switch
        {
            Loss.CrossEntropy => (double)correct / data.Count,
            Loss.BinaryCrossEntropy => (double)correct / ((long)data.Count * outputs),
            _ => double.NaN,
        };
        return (lossSum / data.Count, accuracy);
    }

    public Evaluation Evaluate(Dataset data)
    {
        var (loss, accuracy) = Measure(data);
        return new Evaluation(loss, double.IsNaN(accuracy) ? null : accuracy);
    }

    private static int CountCorrect(Loss loss, ReadOnlySpan<float> y, ReadOnlySpan<float> t)
    {
        switch (loss)
        {
            case Loss.CrossEntropy:
                return ArgMax(y) == ArgMax(t) ? 1 : 0;
            case Loss.BinaryCrossEntropy:
                int count = 0;
                for (int i = 0; i < y.Length; i++)
                {
                    count += (y[i] >= 0.5f) == (t[i] >= 0.5f) ? 1 : 0;
                }

                return count;
            default:
                return 0;
        }
    }

    /// <summary>The index of the largest value (the first one on ties).</summary>
    private static int ArgMax(ReadOnlySpan<float> values)
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
}
