using System;
using System.Linq;
using NetGen.Kernels;
using Xunit.Abstractions;

namespace NetGen.Tests.Kernels;

/// <summary>
/// <see cref="CacheLineArrays"/> gives zeroed arrays of the length asked, on a cache line where the pinned heap
/// places objects one after another (other tests allocate at the same time, so not every array need be).
/// </summary>
public sealed class CacheLineArraysTests(ITestOutputHelper output)
{
    private static readonly int[] Lengths = [1, 7, 16, 6792, 101_770, 3, 1_000];

    [Fact]
    public void Arrays_are_zeroed_at_the_length_asked_and_mostly_start_a_line()
    {
        var arrays = Lengths.Select(CacheLineArrays.Allocate).ToArray();
        Assert.Equal(Lengths, arrays.Select(a => a.Length));
        Assert.All(arrays, a => Assert.All(a, value => Assert.Equal(0f, value)));
        Assert.Contains(arrays, CacheLineArrays.IsOnLine);
    }

    [Fact]
    public void Arrays_still_start_a_line_after_a_full_collection_freed_the_probes_and_spacers()
    {
        var before = Enumerable.Range(0, 100).Select(i => CacheLineArrays.Allocate(386 + i)).ToArray();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var after = Enumerable.Range(0, 100).Select(i => CacheLineArrays.Allocate(386 + i)).ToArray();
        output.WriteLine($"on a line: {before.Count(CacheLineArrays.IsOnLine)} of 100 before, {after.Count(CacheLineArrays.IsOnLine)} of 100 after");
        Assert.Contains(after, CacheLineArrays.IsOnLine);
        GC.KeepAlive(before);
    }
}
