using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Snapshots;

namespace NetGen.Generator.Tests.Diagnostics;

/// <summary>Every NetGen diagnostic, at the attribute argument or declaration the user has to change.</summary>
public sealed class DiagnosticTests
{
    private static Task Verify(string source, params (string Path, string Text)[] additionalFiles)
    {
        var test = new NetGenAnalyzerTest(source);
        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        return test.RunAsync();
    }

    [Fact]
    public Task ValidNetworkHasNoDiagnostics() => Verify("""
        [Network(4, Loss = Loss.CrossEntropy)]
        [Dense(16, Activation.Tanh)]
        [Maxout(8, 3)]
        [Dense(3, Activation.LeakyReLU, Alpha = 0.1f)]
        [Dense(2, Activation.Softmax)]
        public sealed partial class Brain;

        public partial class Outer
        {
            [Network(inputs: 2, Loss = Loss.BinaryCrossEntropy)]
            [Dense(units: 1, activation: Activation.Sigmoid)]
            internal partial class Inner { public void Train() { } }
        }
        """);

    [Fact]
    public Task UnrelatedTypesAreIgnored() => Verify("""
        [System.Obsolete]
        public class Plain { public void Forward() { } }
        """);

    [Fact]
    public Task NG0001_NotPartial() => Verify("""
        [Network(4)]
        [Dense(2)]
        public class {|NG0001:Brain|} { }
        """);

    [Fact]
    public Task NG0001_ContainingTypeNotPartial() => Verify("""
        public class Outer
        {
            [Network(4)]
            [Dense(2)]
            public partial class {|NG0001:Inner|} { }
        }
        """);

    [Fact]
    public Task NG0001_PartialOnOneDeclarationOnly() => Verify("""
        public partial class Outer
        {
            [Network(4)]
            [Dense(2)]
            public partial class {|NG0001:Inner|} { }
        }

        public class {|CS0260:Outer|} { }
        """);

    [Fact]
    public Task NG0002_Generic() => Verify("""
        [Network(4)]
        [Dense(2)]
        public partial class {|NG0002:Brain|}<T> { }
        """);

    [Fact]
    public Task NestedInGenericTypesIsValid() => Verify("""
        public partial class Outer<T> where T : struct
        {
            public partial interface IMiddle<TKey>
            {
                [Network(4)]
                [Dense(2)]
                public partial class Inner { }
            }
        }
        """);

    [Fact]
    public Task NG0003_Static() => Verify("""
        [Network(4)]
        [Dense(2)]
        public static partial class {|NG0003:Brain|} { }
        """);

    [Fact]
    public Task NG0004_Record() => Verify("""
        [Network(4)]
        [Dense(2)]
        public partial record {|NG0004:Brain|};
        """);

    [Fact]
    public Task NG0004_RecordStruct() => Verify("""
        [{|CS0592:Network|}(4)]
        [{|CS0592:Dense|}(2)]
        public partial record struct {|NG0004:Brain|};
        """);

    [Fact]
    public Task NG0004_StructAndInterfaceAlsoCompilerErrors() => Verify("""
        [{|CS0592:Network|}(4)]
        [{|CS0592:Dense|}(2)]
        public partial struct {|NG0004:Brain|} { }

        [{|CS0592:Network|}(4)]
        [{|CS0592:Dense|}(2)]
        public partial interface {|NG0004:IBrain|} { }
        """);

    [Fact]
    public Task RecordsAndStructsMayContainANetwork() => Verify("""
        public partial record Agent(string Name)
        {
            public partial record struct State
            {
                [Network(4)]
                [Dense(2)]
                private sealed partial class Brain;
            }
        }
        """);

    [Fact]
    public Task NG0005_LayersWithoutNetwork() => Verify("""
        [{|NG0005:Dense(2)|}]
        [Dense(1)]
        public partial class Brain { }
        """);

    [Fact]
    public Task NG0006_DuplicateNetwork() => Verify("""
        [Network(4)]
        [{|NG0006:{|CS0579:Network|}(5)|}]
        [Dense(2)]
        public partial class Brain { }
        """);

    [Fact]
    public Task NG0007_InputsNotPositive() => Verify("""
        [Network({|NG0007:0|})]
        [Dense(2)]
        public partial class Zero { }

        [Network({|NG0007:inputs: -3|})]
        [Dense(2)]
        public partial class Negative { }
        """);

    [Fact]
    public Task NG0008_NoLayers() => Verify("""
        [{|NG0008:Network(4)|}]
        public partial class Brain { }
        """);

    [Fact]
    public Task NG0009_UnitsNotPositive() => Verify("""
        [Network(4)]
        [Dense({|NG0009:0|}, Activation.ReLU)]
        [Maxout({|NG0009:units: -1|})]
        [Dense(2)]
        public partial class Brain { }
        """);

    [Fact]
    public Task NG0010_TooFewPieces() => Verify("""
        [Network(4)]
        [Maxout(8, {|NG0010:1|})]
        [Dense(2)]
        public partial class Brain { }
        """);

    [Fact]
    public Task NG0011_SizeTooLarge() => Verify("""
        [Network({|NG0011:2000000|})]
        [Dense(2)]
        public partial class ManyInputs { }

        [Network(4)]
        [Dense({|NG0011:5000|})]
        [Maxout(100, {|NG0011:17|})]
        [Dense(2)]
        public partial class Wide { }

        [Network(1000000)]
        [Dense(200)]
        public partial class {|NG0011:ManyParameters|} { }
        """);

    [Fact]
    public Task NG0012_UndefinedEnumValue() => Verify("""
        [Network(4, {|NG0012:Loss = (Loss)7|})]
        [Dense(2, {|NG0012:(Activation)99|})]
        public partial class Brain { }
        """);

    [Fact]
    public Task NG0013_SoftmaxOnHiddenLayer() => Verify("""
        [Network(4)]
        [Dense(8, {|NG0013:Activation.Softmax|})]
        [Dense(2)]
        public partial class Brain { }
        """);

    [Fact]
    public Task NG0014_LossDoesNotFitOutput() => Verify("""
        [Network(4, {|NG0014:Loss = Loss.CrossEntropy|})]
        [Dense(2, Activation.Sigmoid)]
        public partial class Cross { }

        [Network(4, {|NG0014:Loss = Loss.BinaryCrossEntropy|})]
        [Maxout(2)]
        public partial class Binary { }
        """);

    [Fact]
    public async Task NG0014_IsAnErrorThatNamesTheLossTheOutputAndTheFix()
    {
        var test = new NetGenAnalyzerTest("""
            [Network(4, Loss = Loss.CrossEntropy)]
            [Dense(16, Activation.ReLU)]
            [Dense(3)]
            public partial class Brain { }
            """);
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("NG0014", Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .WithSpan(3, 13, 3, 37)
            .WithArguments("CrossEntropy", "Softmax", "Identity", "use Activation.Softmax on the last layer, or Loss = Loss.MeanSquaredError"));
        await test.RunAsync();
        var message = string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            Generator.Diagnostics.DiagnosticDescriptors.LossDoesNotFitOutput.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "CrossEntropy", "Softmax", "Identity", "use Activation.Softmax on the last layer, or Loss = Loss.MeanSquaredError");
        Assert.StartsWith("CrossEntropy needs a Softmax output layer, but the last layer uses Identity; use Activation.Softmax", message);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, Generator.Diagnostics.DiagnosticDescriptors.LossDoesNotFitOutput.DefaultSeverity);
    }

    [Fact]
    public Task NG0030_SoftmaxOutputWithoutLoss() => Verify("""
        [{|NG0030:Network(4)|}]
        [Dense(16, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        public partial class Iris { }
        """);

    [Fact]
    public async Task NG0030_NamesTheClassAndTheFix()
    {
        var test = new NetGenAnalyzerTest("""
            [Network(inputs: 4)]
            [Dense(3, Activation.Softmax)]
            public partial class Iris { }
            """);
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("NG0030", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan(3, 2, 3, 20)
            .WithArguments("Iris"));
        await test.RunAsync();
    }

    [Fact]
    public Task NG0030_NotReportedForAWrittenLossOrASigmoidOutput() => Verify("""
        [Network(4, Loss = Loss.MeanSquaredError)]
        [Dense(3, Activation.Softmax)]
        public partial class KeepsMeanSquaredError { }

        [Network(4)]
        [Dense(1, Activation.Sigmoid)]
        public partial class RegressionToUnitInterval { }

        [Network(4)]
        [Dense(2, Activation.Tanh)]
        public partial class Tanh { }
        """);

    [Fact]
    public Task NG0015_Step() => Verify("""
        [Network(2)]
        [Dense(1, {|NG0015:Activation.Step|})]
        public partial class Perceptron { }
        """);

    [Fact]
    public Task NG0016_AlphaIgnored() => Verify("""
        [Network(4)]
        [Dense(8, Activation.ReLU, {|NG0016:Alpha = 0.1f|})]
        [Dense(2, {|NG0016:Alpha = 1f|})]
        public partial class Brain { }
        """);

    [Fact]
    public Task NG0017_LeakyAlphaOutOfRange() => Verify("""
        [Network(4)]
        [Dense(8, Activation.LeakyReLU, {|NG0017:Alpha = 1.5f|})]
        [Dense(8, Activation.LeakyReLU, {|NG0017:Alpha = 0f|})]
        [Dense(2, Activation.ELU, Alpha = 2f)]
        public partial class Brain { }
        """);

    [Fact]
    public Task NG0018_LayersSplitAcrossParts() => Verify("""
        [Network(4)]
        [Dense(8)]
        public partial class Brain { }

        [{|NG0018:Dense(2)|}]
        public partial class Brain { }
        """);

    [Fact]
    public Task NG0019_MemberConflict() => Verify("""
        [Network(4)]
        [Dense(2)]
        public partial class Brain
        {
            public {|NG0019:Brain|}() { }

            public const int {|NG0019:InputSize|} = 4;

            public void {|NG0019:Forward|}() { }

            public void Train() { }
        }
        """);

    [Fact]
    public Task NG0020_WeightsFileNotFound() => Verify("""
        [Network(4, {|NG0020:Weights = "missing.safetensors"|})]
        [Dense(2)]
        public partial class Missing { }

        [Network(4, {|NG0041:Weights = "brain.safetensors"|})]
        [Dense(2)]
        public partial class Found { }

        [Network(4, {|NG0041:Weights = "models/brain.safetensors"|})]
        [Dense(2)]
        public partial class FoundByPath { }
        """, ("/project/models/brain.safetensors", string.Empty));

    [Fact]
    public Task NG0021_LargeNetwork() => Verify("""
        [Network(1000)]
        [Dense(4000, Activation.ReLU)]
        [Dense(10)]
        public partial class {|NG0021:Big|} { }
        """);

    [Fact]
    public Task NG0024_FileLocal() => Verify("""
        [Network(4)]
        [Dense(2)]
        file partial class {|NG0024:Brain|} { }

        file partial class Outer
        {
            [Network(4)]
            [Dense(2)]
            public partial class {|NG0024:Inner|} { }
        }
        """);

    [Fact]
    public Task NG0025_PrimaryConstructor() => Verify("""
        [Network(4)]
        [Dense(2)]
        public partial class {|NG0025:Brain|}(string name)
        {
            public string Name => name;
        }
        """);

    [Fact]
    public Task NG0026_BaseClass() => Verify("""
        public abstract class NeedsName
        {
            protected NeedsName(string name) { }
        }

        public class HasForward
        {
            public void Forward() { }
        }

        public class Optional
        {
            protected Optional(string name = "agent", params int[] sizes) { }
        }

        [Network(4)]
        [Dense(2)]
        public partial class {|NG0026:{|CS7036:Named|}|} : NeedsName { }

        [Network(4)]
        [Dense(2)]
        public partial class {|NG0026:Hiding|} : HasForward { }

        [Network(4)]
        [Dense(2)]
        public partial class {|NG0026:Derived|} : Named { }

        [Network(4)]
        [Dense(2)]
        public partial class WithDefaults : Optional { }
        """);

    [Fact]
    public Task NG0027_LanguageVersionTooLow() => new NetGenAnalyzerTest("""
        namespace Game
        {
            [Network(4)]
            [Dense(2)]
            public partial class {|NG0027:Brain|} { }

            [Dense(2)]
            public partial class {|NG0027:LayersOnly|} { }
        }
        """)
    { LanguageVersion = LanguageVersion.CSharp10 }.RunAsync();

    [Fact]
    public Task CSharp11IsEnough() => new NetGenAnalyzerTest("""
        [Network(4)]
        [Dense(2)]
        public partial class Brain { }
        """)
    { LanguageVersion = LanguageVersion.CSharp11 }.RunAsync();

    [Theory]
    [InlineData(ReferenceSet.NetStandard20)]
    [InlineData(ReferenceSet.Net472)]
    public Task NG0028_NoVector512(ReferenceSet references) => new NetGenAnalyzerTest("""
        [Network(4)]
        [Dense(16, Activation.Tanh)]
        [Dense(2)]
        public partial class {|NG0028:Brain|} { }

        public partial class Outer
        {
            [Network(4)]
            [Dense(2)]
            internal partial class {|NG0028:Inner|} { }
        }
        """, references).RunAsync();
}
