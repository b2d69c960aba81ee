using System.Globalization;
using System.Text;

namespace NetGen.Generator.Emit;

/// <summary>Culture-invariant C# literals.</summary>
internal static class Literals
{
    public static string Float(float value) =>
        float.IsPositiveInfinity(value) ? "float.PositiveInfinity"
        : float.IsNegativeInfinity(value) ? "float.NegativeInfinity"
        : value.ToString("R", CultureInfo.InvariantCulture) + "f";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text for an XML doc comment: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped.</summary>
    public static string XmlText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A regular C# string literal: quotes, backslashes and every character outside printable ASCII escaped.</summary>
    public static string String(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c == '"' || c == '\\')
            {
                literal.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                literal.Append(c);
            }
        }

        return literal.Append('"').ToString();
    }
}
