using System.Globalization;

namespace NetGen.Generator.Emit;

/// <summary>Culture-invariant C# literals.</summary>
internal static class Literals
{
    public static string Float(float value) =>
        float.IsPositiveInfinity(value) ? "float.PositiveInfinity"
        : float.IsNegativeInfinity(value) ? "float.NegativeInfinity"
        : value.ToString("R", CultureInfo.InvariantCulture) + "f";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
