using System.Linq;
using NetGen.Generator.Tests.Snapshots;

namespace NetGen.Generator.Tests.Emission;

/// <summary>The generator never throws on a broken or half-typed declaration, and emits nothing for it.</summary>
public sealed class BrokenDeclarationTests
{
    public static TheoryData<string, string> Broken() => new()
    {
        { "no inputs", "[Network]\n[Dense(4)]\npublic partial class N;" },
        { "no units", "[Network(inputs: 4)]\n[Dense]\npublic partial class N;" },
        { "zero inputs", "[Network(inputs: 0)]\n[Dense(4)]\npublic partial class N;" },
        { "negative inputs", "[Network(inputs: -3)]\n[Dense(4)]\npublic partial class N;" },
        { "zero units", "[Network(inputs: 4)]\n[Dense(0)]\npublic partial class N;" },
        { "negative units", "[Network(inputs: 4)]\n[Dense(-16, Activation.Tanh)]\npublic partial class N;" },
        { "zero pieces", "[Network(inputs: 4)]\n[Maxout(3, pieces: 0)]\npublic partial class N;" },
        { "one piece", "[Network(inputs: 4)]\n[Maxout(3, pieces: 1)]\npublic partial class N;" },
        { "negative pieces", "[Network(inputs: 4)]\n[Maxout(3, pieces: -2)]\npublic partial class N;" },
        { "too wide", "[Network(inputs: 4)]\n[Dense(4097)]\npublic partial class N;" },
        { "huge", "[Network(inputs: 2147483647)]\n[Dense(2147483647)]\npublic partial class N;" },
        { "string inputs", "[Network(inputs: \"4\")]\n[Dense(4)]\npublic partial class N;" },
        { "float units", "[Network(inputs: 4)]\n[Dense(4.5f)]\npublic partial class N;" },
        { "int activation", "[Network(inputs: 4)]\n[Dense(4, 3)]\npublic partial class N;" },
        { "undefined activation", "[Network(inputs: 4)]\n[Dense(4, (Activation)99)]\npublic partial class N;" },
        { "undefined loss", "[Network(inputs: 4, Loss = (Loss)42)]\n[Dense(4)]\npublic partial class N;" },
        { "alpha as string", "[Network(inputs: 4)]\n[Dense(4, Activation.ELU, Alpha = \"x\")]\npublic partial class N;" },
        { "no layers", "[Network(inputs: 4)]\npublic partial class N;" },
        { "softmax hidden", "[Network(inputs: 4)]\n[Dense(4, Activation.Softmax)]\n[Dense(2)]\npublic partial class N;" },
        { "non-partial", "[Network(inputs: 4)]\n[Dense(4)]\npublic class N { }" },
        { "generic", "[Network(inputs: 4)]\n[Dense(4)]\npublic partial class N<T>;" },
        { "nested in non-partial", "public class O\n{\n    [Network(inputs: 4)]\n    [Dense(4)]\n    public partial class N;\n}" },
        { "record", "[Network(inputs: 4)]\n[Dense(4)]\npublic partial record N;" },
        { "file-local", "[Network(inputs: 4)]\n[Dense(4)]\nfile partial class N;" },
        { "nested in file-local", "file partial class O\n{\n    [Network(inputs: 4)]\n    [Dense(4)]\n    public partial class N;\n}" },
        { "primary constructor", "[Network(inputs: 4)]\n[Dense(4)]\npublic partial class N(int size) { public int Size => size; }" },
        { "base without parameterless constructor", "public class B { public B(int x) { } }\n[Network(inputs: 4)]\n[Dense(4)]\npublic partial class N : B;" },
        { "base with a generated member's name", "public class B { public int InputSize => 3; }\n[Network(inputs: 4)]\n[Dense(4)]\npublic partial class N : B;" },
        { "partial on one declaration only", "[Network(inputs: 4)]\n[Dense(4)]\npublic partial class N;\npublic class N { }" },
        { "static", "[Network(inputs: 4)]\n[Dense(4)]\npublic static partial class N;" },
        { "two networks", "[Network(inputs: 4)]\n[Network(inputs: 5)]\n[Dense(4)]\npublic partial class N;" },
        { "half-typed activation", "[Network(inputs: 4)]\n[Dense(16, Activation.\npublic partial class N;" },
        { "half-typed argument list", "[Network(inputs: 4)]\n[Dense(16, \npublic partial class N;" },
        { "half-typed network", "[Network(inputs: \n[Dense(16)]\npublic partial class N;" },
        { "half-typed named argument", "[Network(inputs: 4, Loss = Loss.)]\n[Dense(16)]\npublic partial class N;" },
        { "layers split over parts", "[Network(inputs: 4)]\n[Dense(4)]\npublic partial class N;\n[Dense(2)]\npublic partial class N;" },
        { "user-written Forward", "[Network(inputs: 4)]\n[Dense(4)]\npublic partial class N { public void Forward(System.ReadOnlySpan<float> a, System.Span<float> b) { } }" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_declaration_generates_nothing_and_never_throws(string name, string declaration)
    {
        var run = GeneratorHarness.Run("using NetGen;\n\nnamespace Broken;\n\n" + declaration + "\n");

        Assert.True(run.Exception is null, $"{name}: {run.Exception}");
        Assert.DoesNotContain(run.GeneratorDiagnostics.Concat(run.OutputDiagnostics), d => d.Id == "CS8785");
        Assert.True(run.Sources.IsEmpty, $"{name}: generated {string.Join(", ", run.Sources.Select(s => s.HintName))}");
    }

    [Fact]
    public void A_syntax_error_after_a_valid_declaration_does_not_make_the_generator_throw()
    {
        // The declaration itself is whole (only the closing brace is missing), so generating for it is allowed.
        var run = GeneratorHarness.Run("using NetGen;\n\n[Network(inputs: 4)]\n[Dense(16, Activation.Tanh)]\npublic partial class N {\n    public void M(\n");

        Assert.Null(run.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
    }

    [Theory]
    [InlineData(ReferenceSet.Net80)]
    [InlineData(ReferenceSet.Net100)]
    public void Every_prefix_of_a_declaration_leaves_the_generator_standing(ReferenceSet references)
    {
        const string source = "using NetGen;\n\n[Network(inputs: 4, Loss = Loss.CrossEntropy)]\n[Dense(16, Activation.LeakyReLU, Alpha = 0.1f)]\n[Maxout(3, pieces: 3)]\n[Dense(2, Activation.Softmax)]\npublic partial class N;\n";
        var step = references == ReferenceSet.Net80 ? 1 : 7;
        for (var length = 0; length < source.Length; length += step)
        {
            var run = GeneratorHarness.Run(source[..length], references);
            Assert.True(run.Exception is null, $"prefix {length}: {run.Exception}");
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        }
    }
}
