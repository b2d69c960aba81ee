using System;
using System.Globalization;

namespace NetGen;

public sealed partial class Dataset
{
    /// <summary>A copy of the dataset with its rows in an order drawn from <paramref name="seed"/>.</summary>
    public Dataset Shuffle(int seed) => SelectRows(ShuffledRows(seed));

    /// <summary>
    /// Shuffles the rows with <paramref name="seed"/>, then puts round(<paramref name="testFraction"/> × <see cref="Count"/>)
    /// of them in <c>Test</c> and the others in <c>Train</c>. The same seed gives the same split.
    /// </summary>
    /// <param name="testFraction">The fraction of rows for the test set, in (0, 1).</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <param name="stratify">
    /// When true, each class (see <see cref="ClassOf"/>) is split in the same proportion, so that both parts keep the
    /// class balance of the whole (as scikit-learn's <c>train_test_split(..., stratify=y)</c>); the per-class counts are
    /// rounded so that their sum is still round(<paramref name="testFraction"/> × <see cref="Count"/>). Requires class
    /// labels as targets (<see cref="HasClassLabels"/>).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1), or either part would be empty.</exception>
    /// <exception cref="ArgumentException"><paramref name="stratify"/> is true but a row's targets are not a class label.</exception>
    public (Dataset Train, Dataset Test) Split(double testFraction, int seed, bool stratify = false)
    {
        int testCount = TestCount(testFraction);
        var order = ShuffledRows(seed);
        if (stratify)
        {
            PutTestRowsLast(order, testCount);
        }

        int trainCount = Count - testCount;
        return (SelectRows(order.AsSpan(0, trainCount)), SelectRows(order.AsSpan(trainCount)));
    }

    private int TestCount(double testFraction)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"testFraction must be in (0, 1); got {testFraction.ToString(CultureInfo.InvariantCulture)}.");
        }

        int testCount = (int)Math.Round(testFraction * Count, MidpointRounding.AwayFromZero);
        if (testCount == 0 || testCount == Count)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction,
                $"Splitting {Count} rows with testFraction {testFraction.ToString(CultureInfo.InvariantCulture)} leaves {(testCount == 0 ? "the test" : "the training")} set empty; " +
                "use more rows or another fraction.");
        }

        return testCount;
    }

    /// <summary>
    /// Reorders the shuffled rows so that the last <paramref name="testCount"/> hold each class's share (largest
    /// remainders get the rows left over by rounding down), keeping the shuffled order within each part.
    /// </summary>
    private void PutTestRowsLast(int[] order, int testCount)
    {
        var classOfRow = new int[Count];
        var rowsPerClass = new int[ClassCount];
        for (int row = 0; row < Count; row++)
        {
            var targets = _targets.AsSpan(row * TargetCount, TargetCount);
            if (!ClassRule.IsLabel(targets))
            {
                throw new ArgumentException(
                    $"Split(stratify: true) needs a class label in every row, but row {row}'s targets ({Format(targets)}) are not one " +
                    "(one-hot, or 0 or 1 in a single column); split without stratify for regression targets.", "stratify");
            }

            classOfRow[row] = ClassRule.ClassOf(targets);
            rowsPerClass[classOfRow[row]]++;
        }

        var testPerClass = ShareOut(rowsPerClass, testCount);
        var isTest = new bool[Count];
        foreach (int row in order)
        {
            int c = classOfRow[row];
            if (testPerClass[c] > 0)
            {
                testPerClass[c]--;
                isTest[row] = true;
            }
        }

        var shuffled = (int[])order.Clone();
        int train = 0, test = Count - testCount;
        foreach (int row in shuffled)
        {
            order[isTest[row] ? test++ : train++] = row;
        }
    }

    /// <summary>Splits <paramref name="total"/> over the classes in proportion to their sizes, by largest remainder.</summary>
    private static int[] ShareOut(int[] sizes, int total)
    {
        long all = 0;
        foreach (int size in sizes)
        {
            all += size;
        }

        var shares = new int[sizes.Length];
        var remainders = new double[sizes.Length];
        int given = 0;
        for (int c = 0; c < sizes.Length; c++)
        {
            double exact = (double)total * sizes[c] / all;
            shares[c] = (int)Math.Floor(exact);
            remainders[c] = exact - shares[c];
            given += shares[c];
        }

        for (; given < total; given++)
        {
            int best = -1;
            for (int c = 0; c < sizes.Length; c++)
            {
                if (shares[c] < sizes[c] && (best < 0 || remainders[c] > remainders[best]))
                {
                    best = c;
                }
            }

            shares[best]++;
            remainders[best] = -1;
        }

        return shares;
    }

    private static string Format(ReadOnlySpan<float> values)
    {
        var parts = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            parts[i] = values[i].ToString(CultureInfo.InvariantCulture);
        }

        return string.Join(", ", parts);
    }

    private int[] ShuffledRows(int seed)
    {
        var order = new int[Count];
        new SplitMix64(seed, stream: -1).Permutation(order);
        return order;
    }
}
