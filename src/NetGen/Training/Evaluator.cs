using System;
using NetGen.Kernels;

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

    /// <summary>How accuracy applies to a network and a dataset.</summary>
    private enum AccuracyKind
    {
        None,

        /// <summary>One class per row: the predicted class (see <see cref="ClassRule"/>) against the target's.</summary>
        SingleLabel,

        /// <summary>Independent yes/no outputs (BinaryCrossEntropy with several outputs): every output against its target at 0.5.</summary>
        MultiLabel,
    }

    /// <summary>The mean loss and the accuracy (NaN when it does not apply), without allocating.</summary>
    public (double Loss, double Accuracy) Measure(Dataset data)
    {
        int inputs = _network.InputSize, outputs = _network.OutputSize;
        var loss = _network.Loss;
        var kind = KindOf(loss, outputs, data);
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
                lossSum += Losses.OfRow(loss, y, t);
                correct += kind switch
                {
                    AccuracyKind.SingleLabel => ClassRule.ClassOf(y) == ClassRule.ClassOf(t) ? 1 : 0,
                    AccuracyKind.MultiLabel => CountAgreeing(y, t),
                    _ => 0,
                };
            }
        }

        double accuracy = kind switch
        {
            AccuracyKind.SingleLabel => (double)correct / data.Count,
            AccuracyKind.MultiLabel => (double)correct / ((long)data.Count * outputs),
            _ => double.NaN,
        };
        return (lossSum / data.Count, accuracy);
    }

    public Evaluation Evaluate(Dataset data)
    {
        var (loss, accuracy) = Measure(data);
        return new Evaluation(loss, double.IsNaN(accuracy) ? null : accuracy);
    }

    /// <summary>
    /// A classifier is a network trained with a cross-entropy, or one whose targets are class labels whatever its loss
    /// (a Softmax output trained with mean squared error on one-hot rows is still a classifier).
    /// </summary>
    private static AccuracyKind KindOf(Loss loss, int outputs, Dataset data) => loss switch
    {
        Loss.BinaryCrossEntropy when outputs > 1 => AccuracyKind.MultiLabel,
        Loss.BinaryCrossEntropy or Loss.CrossEntropy => AccuracyKind.SingleLabel,
        _ => data.HasClassLabels ? AccuracyKind.SingleLabel : AccuracyKind.None,
    };

    private static int CountAgreeing(ReadOnlySpan<float> y, ReadOnlySpan<float> t)
    {
        int count = 0;
        for (int i = 0; i < y.Length; i++)
        {
            count += (y[i] >= ClassRule.Threshold) == (t[i] >= ClassRule.Threshold) ? 1 : 0;
        }

        return count;
    }
}
