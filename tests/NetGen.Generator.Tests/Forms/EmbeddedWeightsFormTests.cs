using System.Linq;
using NetGen.Generator.Tests.Weights;

namespace NetGen.Generator.Tests.Forms;

/// <summary>
/// The embedded-weights part re-declares the class and its containing types as the network part does: inside
/// generic types and records, and beside a network whose name differs only by case, it joins the user's type.
/// </summary>
public sealed class EmbeddedWeightsFormTests
{
    [Fact]
    public void Embedded_weights_join_a_network_nested_in_generic_types_and_a_record()
    {
        const string source = """
            using NetGen;
            namespace Lab;
            public partial class Holder<T> where T : struct
            {
                public partial record Inner(string Name)
                {
                    [Network(2, Weights = "brain.safetensors")]
                    [Dense(3, Activation.Tanh)]
                    [Dense(1)]
                    public partial class Brain;

                    [Network(2, Weights = "brain.safetensors")]
                    [Dense(3, Activation.Tanh)]
                    [Dense(1)]
                    public partial class BRAIN;
                }
            }
            """;
        var file = SafetensorsFiles.Dense([2, 3, 1], i => 0.1f * (i + 1));

        var (assembly, run) = CompiledNetworks.Compile(source, new PreparedWeightFile("/project/brain.safetensors", file));

        Assert.Equal(4, run.Sources.Length);
        Assert.Equal(4, run.Sources.Select(s => s.HintName.ToUpperInvariant()).Distinct().Count());
        Robustness.GeneratorChecker.CheckOutput(run.OutputCompilation, source);
        foreach (var name in new[] { "Brain", "BRAIN" })
        {
            var type = assembly.GetType($"Lab.Holder`1+Inner+{name}", throwOnError: true)!.MakeGenericType(typeof(int));
            var network = (INetwork)System.Activator.CreateInstance(type)!;
            Assert.Equal(Enumerable.Range(0, 13).Select(i => 0.1f * (i + 1)), network.Parameters.ToArray());
        }
    }
}
