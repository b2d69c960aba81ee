namespace NetGen.Samples.UniversalApproximation;

/// <summary>
/// The lecture's "sum of six ReLUs": a piecewise-linear function with six kinks,
/// f(x) = Σᵢ cᵢ·ReLU(x − bᵢ), with hinges bᵢ = −2.5, −1.5, −0.5, 0.5, 1.5, 2.5 and slopes changes
/// cᵢ = 1, −2, 2, −2, 2, −2. It rises from 0 to 1 over [−2.5, −1.5], then zig-zags between 1 and 0 with slope ±1 and ends
/// falling (slope −1) after 2.5. A 1-6-1 ReLU network can represent it exactly.
/// </summary>
public static class SixRelus
{
    private static readonly double[] Hinges = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5];
    private static readonly double[] Slopes = [1, -2, 2, -2, 2, -2];

    /// <summary>The function written out.</summary>
    public const string Formula = "Σ cᵢ·ReLU(x − bᵢ), b = −2.5…2.5 step 1, c = 1,−2,2,−2,2,−2";

    /// <summary>f(x).</summary>
    public static double Evaluate(double x)
    {
        double sum = 0;
        for (int i = 0; i < Hinges.Length; i++)
        {
            sum += Slopes[i] * Math.Max(0, x - Hinges[i]);
        }

        return sum;
    }
}
