using System;
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

    /// <summary>Sigmoid and Tanh, whose derivatives come from the activations.</summary>
    public const string Squashing = """
        using NetGen;

        namespace Features;

        [Network(inputs: 3)]
        [Dense(5, Activation.Sigmoid)]
        [Dense(2, Activation.Tanh)]
        public partial class Squashing;
        """;

    /// <summary>The ReLU family: ReLU, LeakyReLU with the lecture's slope, ELU and ReLU6.</summary>
    public const string Rectified = """
        using NetGen;

        namespace Features;

        [Network(inputs: 5)]
        [Dense(6, Activation.ReLU)]
        [Dense(6, Activation.LeakyReLU, Alpha = 0.1f)]
        [Dense(6, Activation.ELU)]
        [Dense(1, Activation.ReLU6)]
        public partial class Rectified;
        """;

    /// <summary>Swish and Mish, whose derivatives need the pre-activations: training keeps z as well as a.</summary>
    public const string Smooth = """
        using NetGen;

        namespace Features;

        [Network(inputs: 4)]
        [Dense(8, Activation.Swish)]
        [Dense(3, Activation.Mish)]
        public partial class Smooth;
        """;

    /// <summary>The lecture's perceptron: a step, evaluated but not trained.</summary>
    public const string Perceptron = """
        using NetGen;

        namespace Features;

        #pragma warning disable NG0015
        [Network(inputs: 2)]
        [Dense(1, Activation.Step)]
        public partial class Perceptron;
        """;

    /// <summary>Softmax output with cross-entropy: the loss is fused, dL/dz = y − t.</summary>
    public const string SoftmaxClassifier = """
        using NetGen;

        namespace Features;

        [Network(inputs: 6, Loss = Loss.CrossEntropy)]
        [Dense(8, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        public partial class SoftmaxClassifier;
        """;

    /// <summary>Sigmoid output with binary cross-entropy: the loss takes the logits.</summary>
    public const string LogisticRegression = """
        using NetGen;

        namespace Features;

        [Network(inputs: 5, Loss = Loss.BinaryCrossEntropy)]
        [Dense(1, Activation.Sigmoid)]
        public partial class LogisticRegression;
        """;

    /// <summary>Maxout: three affine maps per unit, the maximum taken after the kernel.</summary>
    public const string MaxoutUnits = """
        using NetGen;

        namespace Features;

        [Network(inputs: 3)]
        [Maxout(4, pieces: 3)]
        [Dense(2)]
        public partial class MaxoutUnits;
        """;

    /// <summary>A network in the global namespace.</summary>
    public const string GlobalNamespace = """
        using NetGen;

        [Network(inputs: 2)]
        [Dense(3, Activation.Tanh)]
        [Dense(1)]
        public partial class GlobalBrain;
        """;

    public static readonly IReadOnlyDictionary<string, string> Snapshots = new Dictionary<string, string>
    {
        [nameof(NpcBrain)] = NpcBrain,
        [nameof(DigitClassifier)] = DigitClassifier,
        [nameof(OddMaxout)] = OddMaxout,
        [nameof(NestedInternal)] = NestedInternal,
        [nameof(Squashing)] = Squashing,
        [nameof(Rectified)] = Rectified,
        [nameof(Smooth)] = Smooth,
        [nameof(Perceptron)] = Perceptron,
        [nameof(SoftmaxClassifier)] = SoftmaxClassifier,
        [nameof(LogisticRegression)] = LogisticRegression,
        [nameof(MaxoutUnits)] = MaxoutUnits,
        [nameof(GlobalNamespace)] = GlobalNamespace,
    };

    public static readonly string[] Activations =
    {
        "Identity", "Step", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "ReLU6", "Swish", "Mish",
    };

    /// <summary>
    /// Fifty varied networks, each a file of its own: 3 to 800 inputs, one to four hidden layers of 1 to 300 units or
    /// Maxout, every activation and loss; used by the cost and size-estimate tests.
    /// </summary>
    public static IReadOnlyList<(string Name, string Source)> VariedNetworks()
    {
        string[] activations = { "ReLU", "Tanh", "Sigmoid", "LeakyReLU", "Swish", "ELU", "Mish", "ReLU6", "Identity", "Step" };
        int[] inputs = { 3, 4, 7, 8, 12, 16, 17, 33, 64, 100, 784 };
        int[] widths = { 1, 5, 8, 16, 17, 24, 32, 64, 100, 128, 300 };
        var networks = new List<(string, string)>();
        for (var i = 0; i < 50; i++)
        {
            var layers = new List<string>();
            var hidden = 1 + (i % 4);
            for (var h = 0; h < hidden; h++)
            {
                var width = widths[((i * 7) + (h * 3)) % widths.Length];
                layers.Add((i + h) % 6 == 5
                    ? $"[Maxout({width}, pieces: {2 + (h % 3)})]"
                    : $"[Dense({width}, Activation.{activations[(i + (2 * h)) % activations.Length]})]");
            }

            var outputs = 1 + (i % 10);
            var (loss, last) = (i % 3) switch
            {
                0 => ("CrossEntropy", $"[Dense({Math.Max(outputs, 2)}, Activation.Softmax)]"),
                1 => ("BinaryCrossEntropy", $"[Dense({outputs}, Activation.Sigmoid)]"),
                _ => ("MeanSquaredError", $"[Dense({outputs})]"),
            };
            layers.Add(last);
            networks.Add(($"Varied{i}", Network($"Varied{i}", inputs[(i * 5) % inputs.Length], loss, layers.ToArray())));
        }

        return networks;
    }

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
