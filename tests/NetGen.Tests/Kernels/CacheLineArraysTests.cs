using System.Linq;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// <see cref="CacheLineArrays"/> gives zeroed arrays of the length asked, on a cache line where the pinned heap
/// places objects one after another (other tests allocate at the same time, so not every array need be).
/// </summary>
public sealed class CacheLineArraysTests
{
    [Fact]
    public void Arrays_are_zeroed_at_the_length_asked_and_mostly_start_a_line()
    {
        var arrays = new[] { 1, 7, 16, 6792, 101_770, 3, 1_000 }.Select(CacheLineArrays.Allocate).ToArray();
        Assert.Equal(new[] { 1, 7, 16, 6792, 101_770, 3, 1_000 }, arrays.Select(a => a.Length));
        Assert.All(arrays, a => Assert.All(a, value => Assert.Equal(0f, value)));
        Assert.Contains(arrays, CacheLineArrays.IsOnLine);
    }
}
