using System.Linq;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Tests.Planning;

/// <summary>Which vector path of a one-row kernel each kind of processor runs.</summary>
public sealed class RowKernelPlannerTests
{
    /// <summary>
    /// A 16-lane machine's path of Vector128 comes first; guarded by Vector128 it would also catch the 8-lane
    /// machine, whose own packed Vector256 path follows, so it is guarded by Vector512.
    /// </summary>
    [Fact]
    public void A_narrower_path_before_a_wider_one_is_selected_by_its_machine()
    {
        var paths = RowKernelPlanner.Plan(inputs: 4, outputs: 8);

        Assert.Equal(new[] { ("Vector128", "Vector512"), ("Vector256", "Vector256") }, paths.Select(p => (p.Vector, p.Guard)));
        Assert.True(paths[1].Packed);
    }

    [Theory]
    [InlineData(4, 16)]
    [InlineData(16, 16)]
    [InlineData(784, 128)]
    [InlineData(7, 3)]
    public void Otherwise_each_path_is_selected_by_the_vector_it_uses(int inputs, int outputs)
    {
        var paths = RowKernelPlanner.Plan(inputs, outputs);

        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.Equal(path.Vector, path.Guard));
    }
}
