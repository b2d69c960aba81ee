using System;
using System.Globalization;

namespace NetGen;

/// <summary>Argument checks shared by the optimizers.</summary>
internal static class OptimizerGuard
{
    /// <summary>Throws unless <paramref name="value"/> is finite and at least <paramref name="minimum"/>; returns it.</summary>
    public static double AtLeast(double value, double minimum, string paramName, string what)
    {
        if (!(value >= minimum) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{what} must be a finite number >= {minimum.ToString(CultureInfo.InvariantCulture)}; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return value;
    }

    /// <summary>Throws unless 0 ≤ <paramref name="beta"/> &lt; 1; returns it.</summary>
    public static double Beta(double beta, string paramName)
    {
        if (!(beta >= 0 && beta < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, beta,
                $"{paramName} must be in [0, 1); got {beta.ToString(CultureInfo.InvariantCulture)}.");
        }

        return beta;
    }

    /// <summary>Throws unless <paramref name="network"/> is not null; returns it.</summary>
    public static INetwork NotNull(INetwork network, string paramName) =>
        network ?? throw new ArgumentNullException(paramName);
}
