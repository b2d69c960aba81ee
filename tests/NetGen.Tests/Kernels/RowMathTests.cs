using System;
using System.Linq;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The steps of the generated one-row kernels, lane by lane against scalar arithmetic, at an offset into the weights,
/// on whichever SIMD path this process runs. Lane 0 holds a product whose fused and unfused sums differ.
/// </summary>
public sealed class RowMathTests
{
    private const int Offset = 3;

    private static readonly float Near1 = 1f + MathF.Pow(2, -12);

    private static (float[] Weights, float[] X, float[] Sum) Operands(int lanes)
    {
        var random = new Random(lanes);
        var weights = Enumerable.Range(0, lanes + Offset).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
        var x = Enumerable.Range(0, lanes).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
        var sum = Enumerable.Range(0, lanes).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
        (weights[Offset], x[0], sum[0]) = (Near1, Near1, -1f);
        return (weights, x, sum);
    }

    private static Func<int, float> Lanes(Vector512<float> value) => i => value[i];

    private static Func<int, float> Lanes(Vector256<float> value) => i => value[i];

    private static Func<int, float> Lanes(Vector128<float> value) => i => value[i];

    private static void AssertLanes(int lanes, Func<int, float> expected, Func<int, float> actual)
    {
        for (var i = 0; i < lanes; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(expected(i)), BitConverter.SingleToInt32Bits(actual(i)));
        }
    }

    [Fact]
    public void The_fused_sum_is_rounded_once_and_the_other_twice()
    {
        var (weights, x, sum) = Operands(4);

        Assert.NotEqual(MathF.FusedMultiplyAdd(weights[Offset], x[0], sum[0]), (weights[Offset] * x[0]) + sum[0]);
    }

    [Fact]
    public void Vector512_steps_match_scalar_arithmetic()
    {
        var (w, x, s) = Operands(16);
        var (vx, vs) = (Vector512.Create(x), Vector512.Create(s));

        AssertLanes(16, i => MathF.FusedMultiplyAdd(w[Offset + i], x[i], s[i]), Lanes(RowMath512.FusedMultiplyAdd(ref w[0], Offset, vx, vs)));
        AssertLanes(16, i => (w[Offset + i] * x[i]) + s[i], Lanes(RowMath512.MultiplyAdd(ref w[0], Offset, vx, vs)));
        AssertLanes(16, i => w[Offset + i] * x[i], Lanes(RowMath512.Multiply(ref w[0], Offset, vx)));
        AssertLanes(8, i => x[i] + x[i + 8], Lanes(RowMath512.AddHalves(vx)));
        var stored = new float[16 + Offset];
        RowMath512.Store(RowMath512.Load(ref w[0], Offset) + RowMath512.Zero, ref stored[0], Offset);
        Assert.Equal(w.Skip(Offset), stored.Skip(Offset));
    }

    [Fact]
    public void Vector256_steps_match_scalar_arithmetic()
    {
        var (w, x, s) = Operands(8);
        var (vx, vs) = (Vector256.Create(x), Vector256.Create(s));

        AssertLanes(8, i => MathF.FusedMultiplyAdd(w[Offset + i], x[i], s[i]), Lanes(RowMath256.FusedMultiplyAdd(ref w[0], Offset, vx, vs)));
        AssertLanes(8, i => (w[Offset + i] * x[i]) + s[i], Lanes(RowMath256.MultiplyAdd(ref w[0], Offset, vx, vs)));
        AssertLanes(8, i => w[Offset + i] * x[i], Lanes(RowMath256.Multiply(ref w[0], Offset, vx)));
        AssertLanes(4, i => x[i] + x[i + 4], Lanes(RowMath256.AddHalves(vx)));
        var stored = new float[8 + Offset];
        RowMath256.Store(RowMath256.Load(ref w[0], Offset) + RowMath256.Zero, ref stored[0], Offset);
        Assert.Equal(w.Skip(Offset), stored.Skip(Offset));
    }

    [Fact]
    public void Vector128_steps_match_scalar_arithmetic()
    {
        var (w, x, s) = Operands(4);
        var (vx, vs) = (Vector128.Create(x), Vector128.Create(s));

        AssertLanes(4, i => MathF.FusedMultiplyAdd(w[Offset + i], x[i], s[i]), Lanes(RowMath128.FusedMultiplyAdd(ref w[0], Offset, vx, vs)));
        AssertLanes(4, i => (w[Offset + i] * x[i]) + s[i], Lanes(RowMath128.MultiplyAdd(ref w[0], Offset, vx, vs)));
        AssertLanes(4, i => w[Offset + i] * x[i], Lanes(RowMath128.Multiply(ref w[0], Offset, vx)));
        var stored = new float[4 + Offset];
        RowMath128.Store(RowMath128.Load(ref w[0], Offset) + RowMath128.Zero, ref stored[0], Offset);
        Assert.Equal(w.Skip(Offset), stored.Skip(Offset));
    }
}
