using System;
using System.Linq;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

public class HorizontalSumsTests
{
    private static float[] Lanes(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)Math.Round((random.NextDouble() * 8) - 4, 2)).ToArray();
    }

    [Fact]
    public void SixteenVector512SumsComeOutInOrder()
    {
        var inputs = Enumerable.Range(0, 16).Select(i => Lanes(i, 16)).ToArray();
        var v = inputs.Select(l => Vector512.Create(l)).ToArray();
        var sums = HorizontalSums.Sums(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15]);
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(inputs[i].Sum(), sums[i], 1e-4f);
        }
    }

    [Fact]
    public void EightVector256SumsComeOutInOrder()
    {
        var inputs = Enumerable.Range(0, 8).Select(i => Lanes(i + 100, 8)).ToArray();
        var v = inputs.Select(l => Vector256.Create(l)).ToArray();
        var sums = HorizontalSums.Sums(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(inputs[i].Sum(), sums[i], 1e-4f);
        }
    }

    [Fact]
    public void FourVector128SumsComeOutInOrder()
    {
        var inputs = Enumerable.Range(0, 4).Select(i => Lanes(i + 200, 4)).ToArray();
        var v = inputs.Select(l => Vector128.Create(l)).ToArray();
        var sums = HorizontalSums.Sums(v[0], v[1], v[2], v[3]);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(inputs[i].Sum(), sums[i], 1e-4f);
        }
    }
}
