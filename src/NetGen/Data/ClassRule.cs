using System;

namespace NetGen;

/// <summary>
/// How a row of outputs or targets names a class, in one place for predictions, metrics and stratified splits:
/// the index of the largest value with several columns (argmax, the first on ties), and with a single column
/// 1 when the value is at least 0.5, else 0.
/// </summary>
internal static class ClassRule
{
    public const float Threshold = 0.5f;

    /// <summary>The number of classes of rows <paramref name="width"/> wide: 2 for a single column.</summary>
    public static int ClassCount(int width) => width == 1 ? 2 : width;

    public static int ClassOf(ReadOnlySpan<float> values)
    {
        if (values.Length == 1)
        {
            return values[0] >= Threshold ? 1 : 0;
        }

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

    /// <summary>Whether the row is a class label: 0 or 1 in a single column, else one 1 and zeros.</summary>
    public static bool IsLabel(ReadOnlySpan<float> values)
    {
        int ones = 0;
        foreach (float value in values)
        {
            if (value == 1f)
            {
                ones++;
            }
            else if (value != 0f)
            {
                return false;
            }
        }

        return values.Length == 1 || ones == 1;
    }
}
