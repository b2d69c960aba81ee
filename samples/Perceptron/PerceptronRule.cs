using NetGen;

namespace NetGen.Samples.Perceptron;

/// <summary>
/// Rosenblatt's learning rule for a single Step unit, applied directly to the generated network's
/// <see cref="StepPerceptron.Parameters"/> (layout: weights [1, 2], then bias [1]).
/// </summary>
public static class PerceptronRule
{
    /// <summary>The outcome of <see cref="Train"/>.</summary>
    public readonly record struct Result(bool Converged, int Epochs, double BestAccuracy);

    /// <summary>
    /// Visits the rows in order, and after each sets w += lr·(t − y)·x and b += lr·(t − y), until an epoch makes
    /// no mistake or <paramref name="maxEpochs"/> pass. Leaves the parameters of the best epoch in place.
    /// </summary>
    public static Result Train(StepPerceptron perceptron, float[][] inputs, float[] targets, float learningRate, int maxEpochs)
    {
        Span<float> output = stackalloc float[StepPerceptron.OutputSize];
        Span<float> parameters = perceptron.Parameters;
        var best = parameters.ToArray();
        double bestAccuracy = Accuracy(perceptron, inputs, targets);
        for (int epoch = 1; epoch <= maxEpochs; epoch++)
        {
            int mistakes = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                perceptron.Forward(inputs[i], output);
                float error = targets[i] - output[0];
                if (error != 0)
                {
                    mistakes++;
                    parameters[0] += learningRate * error * inputs[i][0];
                    parameters[1] += learningRate * error * inputs[i][1];
                    parameters[2] += learningRate * error;
                }
            }

            double accuracy = Accuracy(perceptron, inputs, targets);
            if (accuracy > bestAccuracy)
            {
                bestAccuracy = accuracy;
                parameters.CopyTo(best);
            }

            if (mistakes == 0)
            {
                return new Result(true, epoch, 1.0);
            }
        }

        best.CopyTo(parameters);
        return new Result(false, maxEpochs, bestAccuracy);
    }

    private static double Accuracy(StepPerceptron perceptron, float[][] inputs, float[] targets)
    {
        Span<float> output = stackalloc float[StepPerceptron.OutputSize];
        int correct = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            perceptron.Forward(inputs[i], output);
            correct += output[0] == targets[i] ? 1 : 0;
        }

        return (double)correct / inputs.Length;
    }
}
