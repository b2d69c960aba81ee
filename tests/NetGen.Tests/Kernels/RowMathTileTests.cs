using System;
using System.Linq;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The tile steps of the generated one-row kernels (one call for a chunk of inputs into up to eight accumulators, and
/// the reductions that end a tile), bit for bit against the single steps the kernels used to write out line by line,
/// on whichever SIMD path this process runs. Rows are 19 floats apart and the chunk starts at 3, so no offset is a
/// multiple of a vector; lane 0 of the first row holds a product whose fused and unfused sums differ.
/// </summary>
public sealed class RowMathTileTests
{
    private const int Inputs = 19;
    private const int At = 3;
    private const int Output = 2;

    private static readonly int[] Sizes = { 1, 2, 3, 4, 8 };

    private static (float[] Weights, float[] Input, float[] Sums) Operands(int lanes)
    {
        var random = new Random(lanes);
        float Next() => (float)((random.NextDouble() * 4) - 2);
        var weights = Enumerable.Range(0, (Output + 8) * Inputs).Select(_ => Next()).ToArray();
        var input = Enumerable.Range(0, Inputs + lanes).Select(_ => Next()).ToArray();
        var sums = Enumerable.Range(0, 8 * lanes).Select(_ => Next()).ToArray();
        var near1 = 1f + MathF.Pow(2, -12);
        (weights[(Output * Inputs) + At], input[At], sums[0]) = (near1, near1, -1f);
        return (weights, input, sums);
    }

    private static float Row(float[] weights, int row, int lane) => weights[((Output + row) * Inputs) + At + lane];

    private static void AssertBits(float expected, float actual) =>
        Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual));

    /// <summary>Which tile step a theory runs.</summary>
    public enum Step
    {
        Multiply,
        MultiplyAdd,
        FusedMultiplyAdd,
        MultiplyAddMasked,
        FusedMultiplyAddMasked,
    }

    [Theory]
    [InlineData(Step.Multiply)]
    [InlineData(Step.MultiplyAdd)]
    [InlineData(Step.FusedMultiplyAdd)]
    [InlineData(Step.MultiplyAddMasked)]
    [InlineData(Step.FusedMultiplyAddMasked)]
    public void Vector256_tile_steps_match_the_row_by_row_steps(Step step)
    {
        var (w, x, s) = Operands(8);
        var mask = Vector256.Create(0f, 0f, 0f, 1f, 1f, 1f, 1f, 1f);
        var masked = step is Step.MultiplyAddMasked or Step.FusedMultiplyAddMasked;
        var chunk = RowMath256.Load(ref x[0], At) * (masked ? mask : Vector256<float>.One);
        foreach (var size in Sizes)
        {
            var sums = Enumerable.Range(0, 8).Select(k => Vector256.Create(s, 8 * k)).ToArray();
            var expected = Enumerable.Range(0, size).Select(k =>
            {
                var offset = (nuint)(((Output + k) * Inputs) + At);
                return step switch
                {
                    Step.Multiply => RowMath256.Multiply(ref w[0], offset, chunk),
                    Step.MultiplyAdd or Step.MultiplyAddMasked => RowMath256.MultiplyAdd(ref w[0], offset, chunk, sums[k]),
                    _ => RowMath256.FusedMultiplyAdd(ref w[0], offset, chunk, sums[k]),
                };
            }).ToArray();

            Run256(step, size, w, x, mask, sums);

            for (var k = 0; k < size; k++)
            {
                for (var lane = 0; lane < 8; lane++)
                {
                    AssertBits(expected[k][lane], sums[k][lane]);
                }
            }

            for (var k = size; k < 8; k++)
            {
                Assert.Equal(Vector256.Create(s, 8 * k), sums[k]);
            }
        }
    }

    [Fact]
    public void The_first_fused_row_is_rounded_once()
    {
        var (w, x, s) = Operands(8);
        var sums = Enumerable.Range(0, 8).Select(k => Vector256.Create(s, 8 * k)).ToArray();

        RowMath256.FusedMultiplyAdd1(ref w[0], Output, Inputs, ref x[0], At, ref sums[0]);

        AssertBits(MathF.FusedMultiplyAdd(Row(w, 0, 0), x[At], s[0]), sums[0][0]);
        Assert.NotEqual((Row(w, 0, 0) * x[At]) + s[0], sums[0][0]);
    }

    [Fact]
    public void A_looped_tile_starts_from_zero()
    {
        var sums = Enumerable.Range(0, 8).Select(_ => Vector256<float>.One).ToArray();

        RowMath256.Zeros8(out sums[0], out sums[1], out sums[2], out sums[3], out sums[4], out sums[5], out sums[6], out sums[7]);
        RowMath256.Zeros3(out var a, out var b, out var c);

        Assert.All(sums.Append(a).Append(b).Append(c), sum => Assert.Equal(Vector256<float>.Zero, sum));
    }

    [Fact]
    public void Vector512_and_Vector128_tile_steps_match_scalar_arithmetic()
    {
        var (w, x, s) = Operands(16);
        var wide = Enumerable.Range(0, 8).Select(k => Vector512.Create(s, 16 * k)).ToArray();
        var narrow = Enumerable.Range(0, 8).Select(k => Vector128.Create(s, 4 * k)).ToArray();
        var mask512 = Vector512.Create(Enumerable.Range(0, 16).Select(i => i < 5 ? 0f : 1f).ToArray());

        RowMath512.FusedMultiplyAddMasked8(ref w[0], Output, Inputs, ref x[0], At, mask512, ref wide[0], ref wide[1], ref wide[2], ref wide[3], ref wide[4], ref wide[5], ref wide[6], ref wide[7]);
        RowMath128.MultiplyAdd8(ref w[0], Output, Inputs, ref x[0], At, ref narrow[0], ref narrow[1], ref narrow[2], ref narrow[3], ref narrow[4], ref narrow[5], ref narrow[6], ref narrow[7]);

        for (var k = 0; k < 8; k++)
        {
            for (var lane = 0; lane < 16; lane++)
            {
                AssertBits(MathF.FusedMultiplyAdd(Row(w, k, lane), x[At + lane] * mask512[lane], s[(16 * k) + lane]), wide[k][lane]);
            }

            for (var lane = 0; lane < 4; lane++)
            {
                AssertBits((Row(w, k, lane) * x[At + lane]) + s[(4 * k) + lane], narrow[k][lane]);
            }
        }
    }

    [Fact]
    public void Join_puts_the_halves_in_one_vector()
    {
        var lower = Vector256.Create(1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f);
        var upper = Vector256.Create(-9f, 10f, -11f, 12f, float.NaN, -0f, 15f, 16f);
        var joined = RowMath512.Join(lower, upper);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(lower[i]), BitConverter.SingleToInt32Bits(joined[i]));
            Assert.Equal(BitConverter.SingleToInt32Bits(upper[i]), BitConverter.SingleToInt32Bits(joined[i + 8]));
        }
    }

    [Fact]
    public void Tile_reductions_match_the_folds_and_sums_they_replace()
    {
        var (w, x, s) = Operands(16);
        var v512 = Enumerable.Range(0, 16).Select(k => Vector512.Create(w, 10 * k) * Vector512.Create(s, 0)).ToArray();
        var v256 = v512.Select(v => v.GetLower() - v.GetUpper()).ToArray();
        var v128 = v256.Select(v => v.GetLower() * v.GetUpper()).ToArray();
        Vector256<float> Half(Vector512<float> v) => RowMath512.AddHalves(v);
        Vector128<float> Quarter(Vector512<float> v) => RowMath256.AddHalves(RowMath512.AddHalves(v));

        Assert.Equal(HorizontalSums.Sums(v512[0], v512[1], v512[2], v512[3], v512[4], v512[5], v512[6], v512[7], v512[8], v512[9], v512[10], v512[11], v512[12], v512[13], v512[14], v512[15]),
            RowMath512.Sums16(v512[0], v512[1], v512[2], v512[3], v512[4], v512[5], v512[6], v512[7], v512[8], v512[9], v512[10], v512[11], v512[12], v512[13], v512[14], v512[15]));
        Assert.Equal(HorizontalSums.Sums(Half(v512[0]), Half(v512[1]), Half(v512[2]), Half(v512[3]), Half(v512[4]), Half(v512[5]), Half(v512[6]), Half(v512[7])),
            RowMath512.Sums8(v512[0], v512[1], v512[2], v512[3], v512[4], v512[5], v512[6], v512[7]));
        Assert.Equal(HorizontalSums.Sums(Quarter(v512[0]), Quarter(v512[1]), Quarter(v512[2]), Quarter(v512[3])), RowMath512.Sums4(v512[0], v512[1], v512[2], v512[3]));
        AssertBits(Vector128.Sum(Quarter(v512[5])), RowMath512.Sum(v512[5]));

        Assert.Equal(HorizontalSums.Sums(v256[0], v256[1], v256[2], v256[3], v256[4], v256[5], v256[6], v256[7]), RowMath256.Sums8(v256[0], v256[1], v256[2], v256[3], v256[4], v256[5], v256[6], v256[7]));
        Assert.Equal(HorizontalSums.Sums(RowMath256.AddHalves(v256[0]), RowMath256.AddHalves(v256[1]), RowMath256.AddHalves(v256[2]), RowMath256.AddHalves(v256[3])),
            RowMath256.Sums4(v256[0], v256[1], v256[2], v256[3]));
        AssertBits(Vector128.Sum(RowMath256.AddHalves(v256[6])), RowMath256.Sum(v256[6]));

        Assert.Equal(HorizontalSums.Sums(v128[0], v128[1], v128[2], v128[3]), RowMath128.Sums4(v128[0], v128[1], v128[2], v128[3]));
        AssertBits(Vector128.Sum(v128[7]), RowMath128.Sum(v128[7]));

        var x512 = Vector512.Create(x, 0);
        var x256 = x512.GetLower();
        Assert.Equal(
            HorizontalSums.GroupSums(RowMath512.Multiply(ref w[0], 5, x512), RowMath512.Multiply(ref w[0], 21, x512), RowMath512.Multiply(ref w[0], 37, x512), RowMath512.Multiply(ref w[0], 53, x512)),
            RowMath512.GroupSums4(ref w[0], 5, x512));
        Assert.Equal(
            HorizontalSums.GroupSums(
                RowMath512.Multiply(ref w[0], 5, x512), RowMath512.Multiply(ref w[0], 21, x512), RowMath512.Multiply(ref w[0], 37, x512), RowMath512.Multiply(ref w[0], 53, x512),
                RowMath512.Multiply(ref w[0], 69, x512), RowMath512.Multiply(ref w[0], 85, x512), RowMath512.Multiply(ref w[0], 101, x512), RowMath512.Multiply(ref w[0], 117, x512)),
            RowMath512.GroupSums8(ref w[0], 5, x512));
        Assert.Equal(
            HorizontalSums.GroupSums(RowMath256.Multiply(ref w[0], 5, x256), RowMath256.Multiply(ref w[0], 13, x256), RowMath256.Multiply(ref w[0], 21, x256), RowMath256.Multiply(ref w[0], 29, x256)),
            RowMath256.GroupSums4(ref w[0], 5, x256));
    }

    private static void Run256(Step step, int size, float[] w, float[] x, Vector256<float> mask, Vector256<float>[] s)
    {
        ref var weights = ref w[0];
        ref var input = ref x[0];
        switch (step, size)
        {
            case (Step.Multiply, 1): RowMath256.Multiply1(ref weights, Output, Inputs, ref input, At, out s[0]); break;
            case (Step.Multiply, 2): RowMath256.Multiply2(ref weights, Output, Inputs, ref input, At, out s[0], out s[1]); break;
            case (Step.Multiply, 3): RowMath256.Multiply3(ref weights, Output, Inputs, ref input, At, out s[0], out s[1], out s[2]); break;
            case (Step.Multiply, 4): RowMath256.Multiply4(ref weights, Output, Inputs, ref input, At, out s[0], out s[1], out s[2], out s[3]); break;
            case (Step.Multiply, 8): RowMath256.Multiply8(ref weights, Output, Inputs, ref input, At, out s[0], out s[1], out s[2], out s[3], out s[4], out s[5], out s[6], out s[7]); break;
            case (Step.MultiplyAdd, 1): RowMath256.MultiplyAdd1(ref weights, Output, Inputs, ref input, At, ref s[0]); break;
            case (Step.MultiplyAdd, 2): RowMath256.MultiplyAdd2(ref weights, Output, Inputs, ref input, At, ref s[0], ref s[1]); break;
            case (Step.MultiplyAdd, 3): RowMath256.MultiplyAdd3(ref weights, Output, Inputs, ref input, At, ref s[0], ref s[1], ref s[2]); break;
            case (Step.MultiplyAdd, 4): RowMath256.MultiplyAdd4(ref weights, Output, Inputs, ref input, At, ref s[0], ref s[1], ref s[2], ref s[3]); break;
            case (Step.MultiplyAdd, 8): RowMath256.MultiplyAdd8(ref weights, Output, Inputs, ref input, At, ref s[0], ref s[1], ref s[2], ref s[3], ref s[4], ref s[5], ref s[6], ref s[7]); break;
            case (Step.FusedMultiplyAdd, 1): RowMath256.FusedMultiplyAdd1(ref weights, Output, Inputs, ref input, At, ref s[0]); break;
            case (Step.FusedMultiplyAdd, 2): RowMath256.FusedMultiplyAdd2(ref weights, Output, Inputs, ref input, At, ref s[0], ref s[1]); break;
            case (Step.FusedMultiplyAdd, 3): RowMath256.FusedMultiplyAdd3(ref weights, Output, Inputs, ref input, At, ref s[0], ref s[1], ref s[2]); break;
            case (Step.FusedMultiplyAdd, 4): RowMath256.FusedMultiplyAdd4(ref weights, Output, Inputs, ref input, At, ref s[0], ref s[1], ref s[2], ref s[3]); break;
            case (Step.FusedMultiplyAdd, 8): RowMath256.FusedMultiplyAdd8(ref weights, Output, Inputs, ref input, At, ref s[0], ref s[1], ref s[2], ref s[3], ref s[4], ref s[5], ref s[6], ref s[7]); break;
            case (Step.MultiplyAddMasked, 1): RowMath256.MultiplyAddMasked1(ref weights, Output, Inputs, ref input, At, mask, ref s[0]); break;
            case (Step.MultiplyAddMasked, 2): RowMath256.MultiplyAddMasked2(ref weights, Output, Inputs, ref input, At, mask, ref s[0], ref s[1]); break;
            case (Step.MultiplyAddMasked, 3): RowMath256.MultiplyAddMasked3(ref weights, Output, Inputs, ref input, At, mask, ref s[0], ref s[1], ref s[2]); break;
            case (Step.MultiplyAddMasked, 4): RowMath256.MultiplyAddMasked4(ref weights, Output, Inputs, ref input, At, mask, ref s[0], ref s[1], ref s[2], ref s[3]); break;
            case (Step.MultiplyAddMasked, 8): RowMath256.MultiplyAddMasked8(ref weights, Output, Inputs, ref input, At, mask, ref s[0], ref s[1], ref s[2], ref s[3], ref s[4], ref s[5], ref s[6], ref s[7]); break;
            case (Step.FusedMultiplyAddMasked, 1): RowMath256.FusedMultiplyAddMasked1(ref weights, Output, Inputs, ref input, At, mask, ref s[0]); break;
            case (Step.FusedMultiplyAddMasked, 2): RowMath256.FusedMultiplyAddMasked2(ref weights, Output, Inputs, ref input, At, mask, ref s[0], ref s[1]); break;
            case (Step.FusedMultiplyAddMasked, 3): RowMath256.FusedMultiplyAddMasked3(ref weights, Output, Inputs, ref input, At, mask, ref s[0], ref s[1], ref s[2]); break;
            case (Step.FusedMultiplyAddMasked, 4): RowMath256.FusedMultiplyAddMasked4(ref weights, Output, Inputs, ref input, At, mask, ref s[0], ref s[1], ref s[2], ref s[3]); break;
            case (Step.FusedMultiplyAddMasked, 8): RowMath256.FusedMultiplyAddMasked8(ref weights, Output, Inputs, ref input, At, mask, ref s[0], ref s[1], ref s[2], ref s[3], ref s[4], ref s[5], ref s[6], ref s[7]); break;
            default: throw new ArgumentOutOfRangeException(nameof(size));
        }
    }
}
