using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen;

/// <summary>
/// Counts of a classifier's predictions by actual and predicted class, with each class's precision, recall and F1
/// (as scikit-learn's <c>confusion_matrix</c> and <c>classification_report</c> define them). Made by
/// <see cref="Metrics.ConfusionMatrix"/>.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    internal ConfusionMatrix(int[,] counts, IReadOnlyList<string> classNames)
    {
        _counts = counts;
        ClassNames = classNames;
    }

    /// <summary>The number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>The name of each class: the dataset's <see cref="Dataset.ClassNames"/>, or "0", "1", … without them.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The number of rows counted.</summary>
    public int Total => Enumerable.Range(0, ClassCount).Sum(Support);

    /// <summary>The fraction of rows whose predicted class is their actual class.</summary>
    public double Accuracy => (double)Enumerable.Range(0, ClassCount).Sum(c => _counts[c, c]) / Total;

    /// <summary>The rows of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    /// <exception cref="IndexOutOfRangeException">A class is not in [0, <see cref="ClassCount"/>).</exception>
    public int this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>The rows whose actual class is <paramref name="actual"/>.</summary>
    public int Support(int actual) => Enumerable.Range(0, ClassCount).Sum(p => _counts[actual, p]);

    /// <summary>Of the rows predicted as class <paramref name="predicted"/>, the fraction that are of it; NaN when none is predicted as it.</summary>
    public double Precision(int predicted)
    {
        int column = Enumerable.Range(0, ClassCount).Sum(a => _counts[a, predicted]);
        return column == 0 ? double.NaN : (double)_counts[predicted, predicted] / column;
    }

    /// <summary>Of the rows of class <paramref name="actual"/>, the fraction predicted as it; NaN when the data has none of it.</summary>
    public double Recall(int actual)
    {
        int row = Support(actual);
        return row == 0 ? double.NaN : (double)_counts[actual, actual] / row;
    }

    /// <summary>The harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>: 0 when both are 0, NaN when either is NaN.</summary>
    public double F1(int classIndex)
    {
        double p = Precision(classIndex), r = Recall(classIndex);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>
    /// A table: one row per actual class with its counts under each predicted class, then its precision, recall, F1
    /// and support; the accuracy last.
    /// </summary>
    public override string ToString()
    {
        var header = new List<string> { "actual \\ predicted" };
        header.AddRange(ClassNames);
        header.AddRange(["precision", "recall", "F1", "support"]);
        var rows = new List<List<string>> { header };
        for (int a = 0; a < ClassCount; a++)
        {
            var row = new List<string> { ClassNames[a] };
            for (int p = 0; p < ClassCount; p++)
            {
                row.Add(Number(_counts[a, p]));
            }

            row.AddRange([Percent(Precision(a)), Percent(Recall(a)), Fraction(F1(a)), Number(Support(a))]);
            rows.Add(row);
        }

        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(row[0].PadRight(widths[0]));
            for (int c = 1; c < row.Count; c++)
            {
                text.Append("  ").Append(row[c].PadLeft(widths[c]));
            }

            text.AppendLine();
        }

        text.Append("accuracy ").Append(Percent(Accuracy)).Append(" of ").Append(Number(Total)).Append(" rows");
        return text.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => double.IsNaN(value) ? "n/a" : (100 * value).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string Fraction(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F3", CultureInfo.InvariantCulture);
}
