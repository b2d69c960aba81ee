using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Tests.Snapshots;

/// <summary>The declarations the snapshot and emission tests share.</summary>
public static class Declarations
{
    /// <summary>The README's network: small enough to be unrolled completely.</summary>
    public const string NpcBrain = """
        using NetGen;

        namespace Game.Ai;

        [Network(inputs: 4)]
        [Dense(16, Activation.Tanh)]
        [Dense(16, Activation.Tanh)]
        [Dense(2)]
        public partial class NpcBrain;
        """;

    /// <summary>An MNIST classifier: large enough for loops over register-blocked accumulators.</summary>
    public const string DigitClassifier = """
        using NetGen;

        namespace Digits;

        [Network(inputs: 784, Loss = Loss.CrossEntropy)]
        [Dense(128, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class DigitClassifier;
        """;

    /// <summary>Maxout, LeakyReLU with the lecture's slope and ELU at sizes no vector width divides.</summary>
    public const string OddMaxout = """
        using NetGen;

        namespace Lecture.Networks;

        [Network(inputs: 7, Loss = Loss.BinaryCrossEntropy)]
        [Dense(17, Activation.LeakyReLU, Alpha = 0.1f)]
        [Maxout(5, pieces: 3)]
        [Dense(9, Activation.ELU)]
        [Dense(3, Activation.Sigmoid)]
        public partial class OddMaxout;
        """;

    /// <summary>A sealed internal network nested in a partial class of the global namespace.</summary>
    public const string NestedInternal = """
        using NetGen;

        public partial class Outer
        {
            [Network(inputs: 3)]
            [Dense(5, Activation.Swish)]
            [Dense(1, Activation.Identity)]
            internal sealed partial class Critic;
        }
        """;

    public static readonly IReadOnlyDictionary<string, string> Snapshots = new Dictionary<string, string>
    {
        [nameof(NpcBrain)] = NpcBrain,
        [nameof(DigitClassifier)] = DigitClassifier,
        [nameof(OddMaxout)] = OddMaxout,
        [nameof(NestedInternal)] = NestedInternal,
    };

    public static readonly string[] Activations =
    {
        "Identity", "Step", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "ReLU6", "Swish", "Mish",
    };

    /// <summary>A network in its own namespace built from a layer list such as <c>[Dense(3, Activation.Tanh)]</c>.</summary>
    public static string Network(string name, int inputs, string loss, params string[] layers) =>
        "using NetGen;\n\nnamespace Shapes;\n\n"
        + $"[Network(inputs: {inputs}, Loss = Loss.{loss})]\n"
        + string.Concat(layers.Select(layer => layer + "\n"))
        + $"public partial class {name};\n";

    /// <summary>Extra shapes: every activation, sizes 1, 3, 7, 17, 33, Maxout, a deep network.</summary>
    public static IEnumerable<(string Name, string Source)> ExtraShapes()
    {
        var sizes = new[] { 1, 3, 7, 17, 33 };
        foreach (var activation in Activations)
        {
            foreach (var size in sizes)
            {
                var alpha = activation is "LeakyReLU" or "ELU" ? ", Alpha = 0.2f" : string.Empty;
                yield return ($"{activation}{size}", Network(
                    $"{activation}Net{size}", size, "MeanSquaredError",
                    $"[Dense({size}, Activation.{activation}{alpha})]",
                    $"[Dense({sizes[(System.Array.IndexOf(sizes, size) + 2) % sizes.Length]}, Activation.{activation})]"));
            }
        }

        foreach (var size in sizes)
        {
            yield return ($"Softmax{size}", Network($"SoftmaxNet{size}", size, "CrossEntropy",
                $"[Dense({size}, Activation.ReLU)]", $"[Dense({size}, Activation.Softmax)]"));
            yield return ($"Maxout{size}", Network($"MaxoutNet{size}", size, "MeanSquaredError",
                $"[Maxout({size})]", $"[Maxout({size}, pieces: 4)]", "[Dense(2)]"));
        }

        yield return ("Deep6", Network("DeepNet", 12, "BinaryCrossEntropy",
            "[Dense(33, Activation.ReLU)]", "[Dense(17, Activation.Tanh)]", "[Maxout(7, pieces: 3)]",
            "[Dense(33, Activation.Mish)]", "[Dense(3, Activation.ELU, Alpha = 0.5f)]", "[Dense(1, Activation.Sigmoid)]"));
    }
}
