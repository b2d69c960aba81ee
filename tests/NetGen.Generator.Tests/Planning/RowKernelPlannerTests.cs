using System.Linq;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Tests.Planning;

/// <summary>Which vector path of a one-row kernel each kind of processor runs.</summary>
public sealed class RowKernelPlannerTests
{
    /// <summary>
    /// A layer of at most 1,024 weights has no path of its own for 16-lane machines: they run the 8-lane path, guarded
    /// by the vector it uses (here the packed Vector256 path of 4-input rows).
    /// </summary>
    [Fact]
    public void A_small_layer_runs_the_eight_lane_path_on_every_vector_machine()
    {
        var paths = RowKernelPlanner.Plan(inputs: 4, outputs: 8);

        Assert.Equal(new[] { ("Vector256", "Vector256") }, paths.Select(p => (p.Vector, p.Guard)));
        Assert.True(paths[0].Packed);
        Assert.DoesNotContain(RowKernelPlanner.Plan(inputs: 64, outputs: 16), path => path.Width == 16);
    }

    [Fact]
    public void A_larger_layer_keeps_its_sixteen_lane_path()
    {
        var paths = RowKernelPlanner.Plan(inputs: 64, outputs: 17);

        Assert.Equal(new[] { "Vector512", "Vector256" }, paths.Select(p => p.Vector));
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
