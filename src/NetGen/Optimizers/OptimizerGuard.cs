using System;
using System.Globalization;

namespace NetGen;

/// <summary>Argument checks shared by the optimizers.</summary>
internal static class OptimizerGuard
{
    /// <summary>Throws unless <paramref name="value"/> is finite and at least <paramref name="minimum"/>.</summary>
    public static void AtLeast(float value, float minimum, string paramName, string what)
    {
        if (!(value >= minimum) || float.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{what} must be a finite number >= {minimum.ToString(CultureInfo.InvariantCulture)}; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>Throws unless 0 ≤ <paramref name="beta"/> &lt; 1.</summary>
    public static void Beta(float beta, string paramName)
    {
        if (!(beta >= 0f && beta < 1f))
        {
            throw new ArgumentOutOfRangeException(paramName, beta,
                $"{paramName} must be in [0, 1); got {beta.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>
    /// Checks that both spans have one length and that it matches the length the optimizer's state was sized
    /// for (<paramref name="stateLength"/>, −1 before the first step). Returns true on the first step.
    /// </summary>
    public static bool CheckLengths(int parameterLength, int gradientLength, int stateLength, string optimizer)
    {
        if (parameterLength != gradientLength)
        {
            throw new ArgumentException(
                $"{optimizer}.Step: gradients has length {gradientLength} but parameters has length {parameterLength}; they must be equal.",
                "gradients");
        }

        if (stateLength >= 0 && stateLength != parameterLength)
        {
            throw new ArgumentException(
                $"{optimizer}.Step: this optimizer's state was sized for {stateLength} parameters on its first step, " +
                $"but this step has {parameterLength}. Use one optimizer per network, or call Reset() first.",
                "parameters");
        }

        return stateLength < 0;
    }
}
