using System;
using System.Globalization;

namespace NetGen;

/// <summary>Argument checks of the learning-rate schedules.</summary>
internal static class ScheduleGuard
{
    public static void Positive(int value, string paramName)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be at least 1; got {value}.");
        }
    }

    public static void NonNegative(double value, string paramName)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number >= 0; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>A multiplicative factor in (0, 1].</summary>
    public static void Factor(double value, string paramName)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in (0, 1]; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
