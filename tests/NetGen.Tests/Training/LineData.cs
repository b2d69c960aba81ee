using System.Linq;
using NetGen;

namespace NetGen.Tests.Training;

/// <summary>The one-feature line the trainer tests fit.</summary>
internal static class LineData
{
    /// <summary><paramref name="rows"/> evenly spaced x ∈ [−1, 1] with target <paramref name="slope"/>·x.</summary>
    public static Dataset Line(int rows, float slope)
    {
        var x = Enumerable.Range(0, rows).Select(i => -1f + 2f * i / (rows - 1)).ToArray();
        return new Dataset(x, x.Select(v => slope * v).ToArray(), 1, 1);
    }
}
