using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using NetGen.Generator.Tests.Robustness;
using NetGen.Generator.Tests.Snapshots;

namespace NetGen.Generator.Tests.Forms;

/// <summary>
/// Every declaration form NetGen supports — each accessibility, sealed, abstract, nested in classes, structs,
/// records, interfaces and generic types several levels deep, partial parts in several files, the global, block
/// and file-scoped namespaces — compiles together with its generated part, adds no type of its own, and computes
/// the outputs and loss of an independent double-precision implementation.
/// </summary>
public sealed class DeclarationFormTests
{
    /// <summary>The network every form declares: 3 inputs, Dense(4, Tanh), Dense(2), mean squared error.</summary>
    private const string Attributes = "[Network(inputs: 3)]\n[Dense(4, Activation.Tanh)]\n[Dense(2)]";

    private static readonly float[] Input = { 0.3f, -0.7f, 1.1f };
    private static readonly float[] Target = { 0.25f, -0.5f };

    /// <summary>A form: its source files, and the runtime type to instantiate for each network they declare.</summary>
    public sealed record Form(string Name, string[] Sources, Func<Assembly, Type>[] Networks);

    public static readonly Form[] Forms =
    {
        new("public, file-scoped namespace", new[] { $"using NetGen;\nnamespace Forms.FileScoped;\n{Attributes}\npublic partial class Brain;" },
            new[] { Type("Forms.FileScoped.Brain") }),
        new("internal sealed, block namespace", new[] { $"using NetGen;\nnamespace Forms.Block\n{{\n{Attributes}\ninternal sealed partial class Brain {{ }}\n}}" },
            new[] { Type("Forms.Block.Brain") }),
        new("nested block namespaces, keyword namespace", new[] { $"using NetGen;\nnamespace Forms\n{{\nnamespace Nested.@event\n{{\n{Attributes}\npartial class Brain {{ }}\n}}\n}}" },
            new[] { Type("Forms.Nested.event.Brain") }),
        new("global namespace", new[] { $"using NetGen;\n{Attributes}\npublic partial class GlobalBrain;" },
            new[] { Type("GlobalBrain") }),
        new("every nested accessibility", new[]
            {
                $"using NetGen;\nnamespace Forms.Access;\npublic partial class Host\n{{\n{Attributes}\nprivate partial class Private;\n{Attributes}\nprotected partial class Protected;\n"
                + $"{Attributes}\nprivate protected partial class PrivateProtected;\n{Attributes}\nprotected internal partial class ProtectedInternal;\n{Attributes}\ninternal partial class Internal;\n{Attributes}\npublic sealed partial class Public;\n}}",
            },
            new[] { "Private", "Protected", "PrivateProtected", "ProtectedInternal", "Internal", "Public" }.Select(n => Type("Forms.Access.Host+" + n)).ToArray()),
        new("abstract, used through a derived class", new[] { $"using NetGen;\nnamespace Forms.Abstract;\n{Attributes}\npublic abstract partial class Brain;\npublic sealed class Concrete : Brain;" },
            new[] { Type("Forms.Abstract.Concrete") }),
        new("a base class with a protected parameterless constructor", new[] { $"using NetGen;\nnamespace Forms.Base;\npublic abstract class Agent {{ protected Agent(string name = \"agent\") => Name = name; public string Name {{ get; }} }}\n{Attributes}\npublic partial class Brain : Agent;" },
            new[] { Type("Forms.Base.Brain") }),
        new("partial parts in two files, attributes on one", new[]
            {
                $"using NetGen;\nnamespace Forms.Parts;\n{Attributes}\npublic partial class Brain;",
                "namespace Forms.Parts;\npublic partial class Brain\n{\n    public string Describe() => $\"{InputSize} inputs\";\n}",
            },
            new[] { Type("Forms.Parts.Brain") }),
        new("containing types: static class, struct, readonly record struct, record, interface", new[]
            {
                $"using NetGen;\nnamespace Forms.Containers;\npublic static partial class InStatic\n{{\n{Attributes}\npublic partial class Brain;\n}}\n"
                + $"public partial struct InStruct\n{{\n{Attributes}\ninternal partial class Brain;\n}}\n"
                + $"public readonly partial record struct InRecordStruct(int Id)\n{{\n{Attributes}\npublic partial class Brain;\n}}\n"
                + $"public partial record InRecord(string Name)\n{{\n{Attributes}\nprotected internal partial class Brain;\n}}\n"
                + $"public partial interface IInInterface\n{{\n{Attributes}\npartial class Brain;\n}}",
            },
            new[] { "InStatic", "InStruct", "InRecordStruct", "InRecord", "IInInterface" }.Select(n => Type($"Forms.Containers.{n}+Brain")).ToArray()),
        new("generic containing types, several levels deep", new[]
            {
                $"using NetGen;\nnamespace Forms.Generic;\npublic partial class Holder<T> where T : struct\n{{\n{Attributes}\npublic partial class Brain;\n}}\n"
                + $"public partial class Outer<TKey, TValue> where TKey : notnull\n{{\n    public partial struct Middle\n    {{\n        public partial record Inner<TItem>\n        {{\n            public partial interface IDeepest\n            {{\n{Attributes}\n                public sealed partial class Brain;\n            }}\n        }}\n    }}\n}}",
            },
            new[]
            {
                Type("Forms.Generic.Holder`1+Brain", typeof(int)),
                Type("Forms.Generic.Outer`2+Middle+Inner`1+IDeepest+Brain", typeof(string), typeof(double), typeof(byte)),
            }),
        new("the same name in a generic and a non-generic type", new[]
            {
                $"using NetGen;\nnamespace Forms.Twins;\npublic partial class Twin\n{{\n{Attributes}\npublic partial class Brain;\n}}\npublic partial class Twin<T>\n{{\n{Attributes}\npublic partial class Brain;\n}}",
            },
            new[] { Type("Forms.Twins.Twin+Brain"), Type("Forms.Twins.Twin`1+Brain", typeof(long)) }),
        new("names that differ only by case (generated file names do not)", new[]
            {
                $"using NetGen;\nnamespace Forms.Case;\n#pragma warning disable CS8981 // a lower-case type name\n{Attributes}\npublic partial class Brain;\n{Attributes}\npublic partial class brain;",
            },
            new[] { Type("Forms.Case.Brain"), Type("Forms.Case.brain") }),
    };

    public static TheoryData<string, ReferenceSet> Cases()
    {
        var data = new TheoryData<string, ReferenceSet>();
        foreach (var references in new[] { ReferenceSet.Net80, ReferenceSet.Net90, ReferenceSet.Net100 })
        {
            foreach (var form in Forms)
            {
                data.Add(form.Name, references);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_supported_form_compiles_with_its_generated_part_and_computes_the_reference_outputs(string name, ReferenceSet references)
    {
        var form = Forms.Single(f => f.Name == name);
        var run = GeneratorHarness.Run(form.Sources, references);

        Assert.Null(run.Exception);
        Assert.Equal(form.Networks.Length, run.Sources.Length);
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.OutputDiagnostics.IsEmpty, run.Describe());
        GeneratorChecker.CheckOutput(run.OutputCompilation, string.Join("\n", form.Sources));

        var context = new AssemblyLoadContext(name, isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(GeneratorHarness.EmitImage(run.OutputCompilation)));
            foreach (var network in form.Networks)
            {
                CheckOutputs(network(assembly));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static void CheckOutputs(Type type)
    {
        var network = Assert.IsAssignableFrom<INetwork>(Activator.CreateInstance(type, nonPublic: true));
        Assert.Equal((3, 2, (4 * 3) + 4 + (2 * 4) + 2), (network.InputSize, network.OutputSize, network.ParameterCount));
        var parameters = Enumerable.Range(0, network.ParameterCount).Select(i => (float)(0.5 * Math.Sin(i + 1))).ToArray();
        parameters.CopyTo(network.Parameters);

        var output = new float[2];
        network.Forward(Input, output);
        var expected = Reference(parameters);
        for (var i = 0; i < output.Length; i++)
        {
            Assert.True(Math.Abs(output[i] - expected[i]) < 1e-5, $"{type}: output {i} is {output[i]}, expected {expected[i]}");
        }

        var loss = network.Backward(Input, Target);
        var expectedLoss = expected.Zip(Target, (y, t) => (y - t) * (y - t)).Average();
        Assert.True(Math.Abs(loss - expectedLoss) < 1e-5, $"{type}: loss {loss}, expected {expectedLoss}");
    }

    /// <summary>Dense(4, Tanh) then Dense(2) in double precision, weights [out, in] row-major then biases.</summary>
    private static double[] Reference(float[] parameters)
    {
        var hidden = new double[4];
        for (var j = 0; j < 4; j++)
        {
            var sum = (double)parameters[12 + j];
            for (var i = 0; i < 3; i++)
            {
                sum += parameters[(j * 3) + i] * (double)Input[i];
            }

            hidden[j] = Math.Tanh(sum);
        }

        var outputs = new double[2];
        for (var k = 0; k < 2; k++)
        {
            var sum = (double)parameters[16 + 8 + k];
            for (var j = 0; j < 4; j++)
            {
                sum += parameters[16 + (k * 4) + j] * hidden[j];
            }

            outputs[k] = sum;
        }

        return outputs;
    }

    private static Func<Assembly, Type> Type(string metadataName, params Type[] typeArguments) => assembly =>
    {
        var type = assembly.GetType(metadataName, throwOnError: true)!;
        return typeArguments.Length == 0 ? type : type.MakeGenericType(typeArguments);
    };
}
