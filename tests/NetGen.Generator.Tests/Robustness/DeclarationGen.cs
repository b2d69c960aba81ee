using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace NetGen.Generator.Tests.Robustness;

/// <summary>Random network declarations: good and bad sizes, defined and undefined enums, wrong argument kinds.</summary>
internal static class DeclarationGen
{
    private static readonly string[] Activations =
        { "Identity", "Step", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "ReLU6", "Swish", "Mish", "Softmax" };

    private static readonly string[] Losses = { "MeanSquaredError", "BinaryCrossEntropy", "CrossEntropy" };

    /// <summary>Mostly small sizes, sometimes 0, negative, at or past a limit, or extreme.</summary>
    public static readonly Gen<string> Size = Gen.Frequency(
        (10, Gen.Int[1, 12].Select(i => i.ToString())),
        (2, Gen.Int[13, 64].Select(i => i.ToString())),
        (1, Gen.OneOf("0", "-1", "-7", "4096", "4097", "1048576", "1048577", "2147483647", "-2147483648", "int.MaxValue")),
        (1, Gen.Int.Select(i => i.ToString())),
        (1, Gen.OneOf("1.5f", "\"8\"", "null", "true", "Activation.ReLU", "(int)Activation.Tanh", "3 + 4")));

    public static readonly Gen<string> Activation = Gen.Frequency(
        (10, Gen.OneOf(Activations).Select(a => "Activation." + a)),
        (1, Gen.Int[-3, 14].Select(i => i < 0 ? $"(Activation)({i})" : $"(Activation){i}")),
        (1, Gen.OneOf("Loss.CrossEntropy", "4", "\"ReLU\"", "null", "default", "(Activation)int.MaxValue")));

    public static readonly Gen<string> Loss = Gen.Frequency(
        (10, Gen.OneOf(Losses).Select(l => "Loss." + l)),
        (1, Gen.Int[-2, 6].Select(i => i < 0 ? $"(Loss)({i})" : $"(Loss){i}")),
        (1, Gen.OneOf("Activation.Softmax", "1", "\"mse\"")));

    public static readonly Gen<string> Alpha = Gen.OneOf(
        "0.01f", "0.1f", "0.5f", "1f", "1.5f", "0f", "-0.2f", "float.NaN", "float.PositiveInfinity", "2", "0.3", "\"a\"");

    public static readonly Gen<string> Dense = Gen.Select(Size, Activation.Array[0, 1], Alpha.Array[0, 1], Gen.Int[0, 3],
        (units, activation, alpha, style) =>
        {
            var arguments = new List<string> { style == 3 ? "units: " + units : units };
            if (activation.Length == 1)
            {
                arguments.Add(style == 3 ? "activation: " + activation[0] : activation[0]);
            }

            if (alpha.Length == 1)
            {
                arguments.Add("Alpha = " + alpha[0]);
            }

            return $"[Dense({string.Join(", ", arguments)})]";
        });

    public static readonly Gen<string> Maxout = Gen.Select(Size, Gen.Frequency((4, Gen.Int[2, 5].Select(i => i.ToString())), (1, Size)).Array[0, 1],
        (units, pieces) => pieces.Length == 0 ? $"[Maxout({units})]" : $"[Maxout({units}, {pieces[0]})]");

    public static readonly Gen<string> Layer = Gen.Frequency((5, Dense), (1, Maxout));

    public static readonly Gen<string> Network = Gen.Frequency(
        (12, Gen.Select(Size, Loss.Array[0, 1], Gen.Int[0, 9], (inputs, loss, weights) =>
        {
            var arguments = new List<string> { inputs };
            if (loss.Length == 1)
            {
                arguments.Add("Loss = " + loss[0]);
            }

            if (weights == 0)
            {
                arguments.Add("Weights = \"missing.safetensors\"");
            }

            return $"[Network({string.Join(", ", arguments)})]";
        })),
        (1, Gen.OneOf("", "[Network]", "[Network()]", "[Network(4)][Network(4)]", "[Network(inputs: 3, Loss = Loss.CrossEntropy)]")));

    public static readonly Gen<string> TypeHeader = Gen.Frequency(
        (12, Gen.OneOf("public partial class", "internal sealed partial class", "partial class")),
        (1, Gen.OneOf("public class", "public static partial class", "public partial record", "public partial struct", "public abstract partial class")),
        (1, Gen.OneOf("file partial class", "private partial class", "protected internal partial class", "public partial record struct", "public partial interface")));

    /// <summary>What follows the class's name: nothing, type parameters, a primary constructor or a base class.</summary>
    public static readonly Gen<string> TypeSuffix = Gen.Frequency(
        (12, Gen.Const(string.Empty)),
        (1, Gen.OneOf("<T>", "(int size)", " : System.Exception", " : System.Collections.Generic.List<int>", " : Base")));

    public static readonly Gen<string> Member = Gen.Frequency(
        (8, Gen.Const(string.Empty)),
        (1, Gen.OneOf("public void Forward() { }", "public int InputSize => 3;", "public void Train() { }", "private int _count = 1; public int Count => _count;")));

    /// <summary>Where the class sits: a namespace, the global one, or inside containing types of every kind.</summary>
    private static readonly string[] Placements =
    {
        "namespace Sample;\n\n{0}",
        "{0}",
        "public partial class Outer\n{{\n{0}\n}}",
        "public class Outer\n{{\n{0}\n}}",
        "public partial class Outer<TOuter>\n{{\n{0}\n}}",
        "public partial record Outer(int Id)\n{{\n{0}\n}}",
        "public partial struct Outer\n{{\n{0}\n}}",
        "public partial interface IOuter\n{{\n{0}\n}}",
        "file partial class Outer\n{{\n{0}\n}}",
        "namespace Sample\n{{\n    public static partial class Outer\n    {{\n{0}\n    }}\n}}",
    };

    /// <summary>A whole file with one network class, in a namespace or nested in a type, and a base class to derive from.</summary>
    public static readonly Gen<string> Source = Gen.Select(
        Network,
        Layer.Array[0, 5],
        TypeHeader,
        TypeSuffix,
        Member,
        Gen.Frequency((4, Gen.Int[0, 1]), (1, Gen.Int[2, Placements.Length - 1])),
        (network, layers, header, suffix, member, placement) =>
        {
            var attributes = network + "\n" + string.Join("\n", layers);
            var type = $"{attributes}\n{header} Net{suffix}\n{{\n    {member}\n}}";
            return "using NetGen;\n\n" + string.Format(Placements[placement], type) + "\n\npublic class Base { public Base(int size) { } }\n";
        });

    /// <summary>Valid declarations whose prefixes and token deletions are checked.</summary>
    public static readonly string[] ValidSources =
    {
        """
        using NetGen;

        namespace Games;

        [Network(inputs: 4, Loss = Loss.MeanSquaredError)]
        [Dense(16, Activation.Tanh)]
        [Dense(16, Activation.Tanh)]
        [Dense(2)]
        public partial class NpcBrain;
        """,
        """
        using NetGen;

        public partial class Outer
        {
            [Network(8, Loss = Loss.CrossEntropy)]
            [Maxout(6, pieces: 3)]
            [Dense(5, Activation.LeakyReLU, Alpha = 0.1f)]
            [Dense(3, Activation.Softmax)]
            internal sealed partial class Classifier
            {
                public string Describe() => "classifier";
            }
        }
        """,
        """
        using NetGen;

        [Network(2, Loss = Loss.BinaryCrossEntropy)]
        [Dense(units: 3, activation: Activation.ELU, Alpha = 0.5f)]
        [Dense(1, Activation.Sigmoid)]
        partial class Xor { }
        """,
    };

    public static IEnumerable<string> Prefixes(string source) => Enumerable.Range(0, source.Length + 1).Select(i => source.Substring(0, i));
}
