using NetGen;

namespace NetGen.Samples.Digits;

/// <summary>
/// More training digits from the ones at hand: each image also shifted by one pixel left, right, up and down.
/// A digit moved by a pixel is still the same digit, so the network learns to ignore small offsets instead of
/// memorising where the ink sits — a cheap guard against overfitting the 8,000 training images.
/// </summary>
public static class Augmentation
{
    private static readonly (int Right, int Down)[] Shifts = [(0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)];

    /// <summary>Returns every row of <paramref name="images"/> and its four one-pixel shifts (5× the rows).</summary>
    public static Dataset WithOnePixelShifts(Dataset images)
    {
        const int side = 28;
        var features = new float[images.Count * Shifts.Length * MnistReader.PixelCount];
        var targets = new float[images.Count * Shifts.Length * images.TargetCount];
        var row = 0;
        for (var image = 0; image < images.Count; image++)
        {
            var pixels = images.FeaturesOf(image);
            foreach (var (right, down) in Shifts)
            {
                var shifted = features.AsSpan(row * MnistReader.PixelCount, MnistReader.PixelCount);
                for (var y = 0; y < side; y++)
                {
                    for (var x = 0; x < side; x++)
                    {
                        int fromX = x - right, fromY = y - down;
                        var inside = fromX is >= 0 and < side && fromY is >= 0 and < side;
                        shifted[(y * side) + x] = inside ? pixels[(fromY * side) + fromX] : 0f;
                    }
                }

                images.TargetsOf(image).CopyTo(targets.AsSpan(row * images.TargetCount, images.TargetCount));
                row++;
            }
        }

        return new Dataset(features, targets, MnistReader.PixelCount, images.TargetCount);
    }
}
