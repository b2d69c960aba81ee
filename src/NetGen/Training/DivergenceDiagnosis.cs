using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen;

/// <summary>
/// After a NaN or infinite loss, the likely causes NetGen can see, most likely first: a loss that does not fit the
/// targets or the network's outputs, inputs far from unit scale (measured on the training set), then the learning rate.
/// </summary>
internal static class DivergenceDiagnosis
{
    /// <summary>Inputs beyond this magnitude are called unscaled (standardised data rarely passes ±5).</summary>
    private const double LargeInput = 10;

    private const int OutputRowsChecked = 256;
    private const double SumTolerance = 1e-3;

    public static IReadOnlyList<string> LikelyCauses(INetwork network, Dataset train, IOptimizer optimizer, double? maxGradientNorm)
    {
        var causes = new List<string>();
        if (TargetMismatch(network.Loss, train) is { } targets)
        {
            causes.Add(targets);
        }

        if (OutputMismatch(network, train) is { } outputs)
        {
            causes.Add(outputs);
        }

        if (UnscaledInputs(train) is { } inputs)
        {
            causes.Add(inputs);
        }

        string rate = optimizer.LearningRate.ToString("G3", CultureInfo.InvariantCulture);
        string lower = (optimizer.LearningRate / 10).ToString("G3", CultureInfo.InvariantCulture);
        causes.Add($"the learning rate {rate} of {optimizer.GetType().Name} may be too high: try {lower}" +
                   (maxGradientNorm is null ? ", or clip gradients with Trainer.MaxGradientNorm (1 is a common choice)" : string.Empty));
        return causes;
    }

    private static string? TargetMismatch(Loss loss, Dataset train)
    {
        for (int row = 0; row < train.Count; row++)
        {
            var t = train.TargetsOf(row);
            if (loss == Loss.CrossEntropy && (!InUnitInterval(t) || Math.Abs(Sum(t) - 1) > SumTolerance))
            {
                return $"CrossEntropy expects probability targets (one-hot rows summing to 1), but row {row} of the training set is ({Format(t)}); " +
                       "use Dataset.OneHot for class labels, or Loss = Loss.MeanSquaredError for other targets";
            }

            if (loss == Loss.BinaryCrossEntropy && !InUnitInterval(t))
            {
                return $"BinaryCrossEntropy expects targets in [0, 1], but row {row} of the training set is ({Format(t)}); " +
                       "scale the targets to [0, 1], or use Loss = Loss.MeanSquaredError";
            }
        }

        return null;
    }

    /// <summary>The cross-entropies need probabilities; a network whose outputs are not probabilities has the wrong output layer.</summary>
    private static string? OutputMismatch(INetwork network, Dataset train)
    {
        if (network.Loss == Loss.MeanSquaredError)
        {
            return null;
        }

        int rows = Math.Min(train.Count, OutputRowsChecked), size = network.OutputSize;
        var outputs = new float[rows * size];
        network.ForwardBatch(train.Features.Slice(0, rows * network.InputSize), outputs);
        for (int row = 0; row < rows; row++)
        {
            var y = outputs.AsSpan(row * size, size);
            bool probabilities = InUnitInterval(y) && (network.Loss != Loss.CrossEntropy || Math.Abs(Sum(y) - 1) <= SumTolerance);
            if (!probabilities)
            {
                string output = network.Loss == Loss.CrossEntropy ? "a Softmax output layer" : "a Sigmoid output layer";
                return $"{network.Loss} needs {output}, but {network.GetType().Name}'s outputs for row {row} of the training set are ({Format(y)}), " +
                       "which are not probabilities";
            }
        }

        return null;
    }

    private static string? UnscaledInputs(Dataset train)
    {
        int columns = train.FeatureCount, worst = -1;
        double worstMagnitude = LargeInput;
        var features = train.Features;
        for (int i = 0; i < features.Length; i++)
        {
            if (Math.Abs(features[i]) > worstMagnitude)
            {
                worstMagnitude = Math.Abs(features[i]);
                worst = i % columns;
            }
        }

        if (worst < 0)
        {
            return null;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int row = 0; row < train.Count; row++)
        {
            double value = features[(row * columns) + worst];
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        string name = train.FeatureNames is { } names ? $"feature {worst} (\"{names[worst]}\")" : $"feature {worst}";
        return $"the inputs are not scaled: {name} of the training set ranges over [{min.ToString("G4", CultureInfo.InvariantCulture)}, " +
               $"{max.ToString("G4", CultureInfo.InvariantCulture)}]; standardise the features (Standardizer.Fit(train).Transform(...)) or scale them to [0, 1]";
    }

    private static bool InUnitInterval(ReadOnlySpan<float> values)
    {
        foreach (float value in values)
        {
            if (!(value >= 0 && value <= 1))
            {
                return false;
            }
        }

        return true;
    }

    private static double Sum(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float value in values)
        {
            sum += value;
        }

        return sum;
    }

    private static string Format(ReadOnlySpan<float> values)
    {
        const int shown = 6;
        var parts = new List<string>();
        for (int i = 0; i < Math.Min(values.Length, shown); i++)
        {
            parts.Add(values[i].ToString("G4", CultureInfo.InvariantCulture));
        }

        if (values.Length > shown)
        {
            parts.Add($"… {values.Length - shown} more");
        }

        return string.Join(", ", parts);
    }
}
