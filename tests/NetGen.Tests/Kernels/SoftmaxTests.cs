using System;
using System.Linq;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// <see cref="Activations.Softmax(Span{float}, int)"/> against a double-precision reference, on every path: rows of
/// eight (one Vector256 where the processor has AVX2 and FMA) and other widths, and the shorter exponential that
/// the eight-wide path uses, over all of its domain.
/// </summary>
public sealed class SoftmaxTests
{
    // Within VectorMath's bound: 1e-6 relative or 4 ulp, and results that underflow judged by absolute error.
    private const double RelativeTolerance = 1e-6;
    private const double UnderflowTolerance = 256 * (double)float.Epsilon;

    [Theory]
    [InlineData(8, 1.0)]
    [InlineData(8, 30.0)]
    [InlineData(8, 200.0)]
    [InlineData(7, 30.0)]
    [InlineData(10, 30.0)]
    public void Rows_match_double_precision(int width, double spread)
    {
        var random = new Random(width);
        const int rows = 64;
        var values = Enumerable.Range(0, rows * width).Select(_ => (float)((random.NextDouble() * 2 - 1) * spread)).ToArray();
        var expected = Reference(values, width);
        Activations.Softmax(values, width);
        for (var i = 0; i < values.Length; i++)
        {
            var tolerance = Math.Max(4e-6 * expected[i], UnderflowTolerance);
            Assert.True(Math.Abs(values[i] - expected[i]) <= tolerance, $"row {i / width}, output {i % width}: {values[i]:R}, reference {expected[i]:R}");
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(7)]
    public void A_partial_last_row_is_refused_on_every_path(int width) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Activations.Softmax(new float[(2 * width) + 3], width));

    [Fact]
    public void A_NaN_makes_the_whole_row_NaN()
    {
        var values = new[] { 1f, 2f, float.NaN, 3f, 0f, -1f, 5f, 4f };
        Activations.Softmax(values, 8);
        Assert.All(values, value => Assert.True(float.IsNaN(value)));
    }

    [Fact]
    public void The_fused_exponential_matches_double_precision_on_its_domain()
    {
        if (!OneVectorSoftmax.IsSupported)
        {
            return;
        }

        var worst = 0.0;
        for (var x = -110f; x <= 0f; x += 1f / 1024)
        {
            var actual = VectorMath.ExpOfNonPositiveFused(Vector256.Create(x)).GetElement(0);
            var reference = Math.Exp(x);
            var tolerance = Math.Max(RelativeTolerance * reference, UnderflowTolerance);
            Assert.True(Math.Abs(actual - reference) <= tolerance, $"e^{x:R}: {actual:R}, reference {reference:R}");
            worst = Math.Max(worst, reference > 1e-37 ? Math.Abs(actual - reference) / reference : 0);
        }

        Assert.Equal(1f, VectorMath.ExpOfNonPositiveFused(Vector256<float>.Zero).GetElement(0));
        Assert.True(worst < RelativeTolerance, $"worst relative error {worst:G3}");
    }

    private static double[] Reference(float[] values, int width)
    {
        var result = new double[values.Length];
        for (var start = 0; start < values.Length; start += width)
        {
            var max = values.Skip(start).Take(width).Max();
            var sum = values.Skip(start).Take(width).Sum(v => Math.Exp((double)v - max));
            for (var i = start; i < start + width; i++)
            {
                result[i] = Math.Exp((double)values[i] - max) / sum;
            }
        }

        return result;
    }
}
