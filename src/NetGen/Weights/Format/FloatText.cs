using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Safetensors;

/// <summary>Floats as metadata text: the fewest digits that read back to the same float, the same on every runtime.</summary>
internal static class FloatText
{
    public static string Format(float value)
    {
        for (var digits = 1; digits < 9; digits++)
        {
            var text = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var back) && back.Equals(value))
            {
                return text;
            }
        }

        return value.ToString("G9", CultureInfo.InvariantCulture);
    }

    /// <summary>Values separated by commas: "0.5,-1.25,3E-05".</summary>
    public static string FormatList(IEnumerable<float> values) => string.Join(",", values.Select(Format));

    /// <summary>Reads a comma-separated list of finite numbers; false when an item is not one.</summary>
    public static bool TryParseList(string text, out float[] values, out string badItem)
    {
        var items = text.Split(',');
        values = new float[items.Length];
        badItem = string.Empty;
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Trim();
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || double.IsNaN(value) || double.IsInfinity(value) || System.Math.Abs(value) > float.MaxValue)
            {
                badItem = item;
                return false;
            }

            values[i] = (float)value;
        }

        return true;
    }
}
