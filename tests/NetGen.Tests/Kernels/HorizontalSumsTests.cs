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

public class GroupSumsTests
{
    private static float[] Lanes(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)Math.Round((random.NextDouble() * 8) - 4, 2)).ToArray();
    }

    private static void AssertRowSums(float[][] vectors, int rowLength, Func<float[][], float[]> groupSums)
    {
        var sums = groupSums(vectors);
        var all = vectors.SelectMany(v => v).ToArray();
        for (var row = 0; row < sums.Length; row++)
        {
            Assert.Equal(all.Skip(row * rowLength).Take(rowLength).Sum(), sums[row], 1e-4f);
        }
    }

    [Fact]
    public void RowsOfFourInVector512()
    {
        var v = Enumerable.Range(0, 4).Select(i => Lanes(i, 16)).ToArray();
        AssertRowSums(v, 4, l =>
        {
            var sums = HorizontalSums.GroupSums(Vector512.Create(l[0]), Vector512.Create(l[1]), Vector512.Create(l[2]), Vector512.Create(l[3]));
            return Enumerable.Range(0, 16).Select(i => sums[i]).ToArray();
        });
    }

    [Fact]
    public void RowsOfEightInVector512()
    {
        var v = Enumerable.Range(0, 8).Select(i => Lanes(i + 10, 16)).ToArray();
        AssertRowSums(v, 8, l =>
        {
            var a = l.Select(x => Vector512.Create(x)).ToArray();
            var sums = HorizontalSums.GroupSums(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
            return Enumerable.Range(0, 16).Select(i => sums[i]).ToArray();
        });
    }

    [Fact]
    public void RowsOfFourInVector256()
    {
        var v = Enumerable.Range(0, 4).Select(i => Lanes(i + 20, 8)).ToArray();
        AssertRowSums(v, 4, l =>
        {
            var sums = HorizontalSums.GroupSums(Vector256.Create(l[0]), Vector256.Create(l[1]), Vector256.Create(l[2]), Vector256.Create(l[3]));
            return Enumerable.Range(0, 8).Select(i => sums[i]).ToArray();
        });
    }
}
