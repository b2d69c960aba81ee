using System;
using System.Globalization;

namespace NetGen;

public sealed partial class Dataset
{
    /// <summary>A copy of the dataset with its rows in an order drawn from <paramref name="seed"/>.</summary>
    public Dataset Shuffle(int seed) => SelectRows(ShuffledRows(seed));

    /// <summary>
    /// Shuffles the rows with <paramref name="seed"/>, then puts the last round(<paramref name="testFraction"/> × <see cref="Count"/>)
    /// rows in <c>Test</c> and the others in <c>Train</c>. The same seed gives the same split.
    /// </summary>
    /// <param name="testFraction">The fraction of rows for the test set, in (0, 1).</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1), or either part would be empty.</exception>
    public (Dataset Train, Dataset Test) Split(double testFraction, int seed)
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

        var order = ShuffledRows(seed);
        int trainCount = Count - testCount;
        return (SelectRows(order.AsSpan(0, trainCount)), SelectRows(order.AsSpan(trainCount)));
    }

    private int[] ShuffledRows(int seed)
    {
        var order = new int[Count];
        new SplitMix64(seed, stream: -1).Permutation(order);
        return order;
    }
}
