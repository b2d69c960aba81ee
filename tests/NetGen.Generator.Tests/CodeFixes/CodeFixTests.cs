using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using NetGen.CodeFixes;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.CodeFixes;

/// <summary>Every code fix, applied to the diagnostic it fixes, and FixAll where it is offered.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task AddPartial() => new NetGenCodeFixTest<AddPartialCodeFix>(
        """
        [Network(4)]
        [Dense(2)]
        public sealed class {|NG0001:Brain|} { }
        """,
        """
        [Network(4)]
        [Dense(2)]
        public sealed partial class Brain { }
        """).RunAsync();

    [Fact]
    public Task AddPartialWithoutModifiers() => new NetGenCodeFixTest<AddPartialCodeFix>(
        """
        [Network(4)]
        [Dense(2)]
        class {|NG0001:Brain|} { }
        """,
        """
        [Network(4)]
        [Dense(2)]
        partial class Brain { }
        """).RunAsync();

    [Fact]
    public Task AddPartialToTheWholeChain() => new NetGenCodeFixTest<AddPartialCodeFix>(
        """
        public static class Outer
        {
            [Network(4)]
            [Dense(2)]
            internal class {|NG0001:Inner|} { }
        }
        """,
        """
        public static partial class Outer
        {
            [Network(4)]
            [Dense(2)]
            internal partial class Inner { }
        }
        """).RunAsync();

    [Fact]
    public Task AddPartialFixAll() => new NetGenCodeFixTest<AddPartialCodeFix>(
        """
        [Network(4)]
        [Dense(2)]
        public class {|NG0001:First|} { }

        [Network(3)]
        [Dense(1)]
        internal sealed class {|NG0001:Second|} { }
        """,
        """
        [Network(4)]
        [Dense(2)]
        public partial class First { }

        [Network(3)]
        [Dense(1)]
        internal sealed partial class Second { }
        """).RunAsync();

    [Fact]
    public Task ChangeLossToFitOutput() => new NetGenCodeFixTest<MatchLossCodeFix>(
        """
        [Network(4, {|NG0014:Loss = Loss.CrossEntropy|})]
        [Dense(2, Activation.Sigmoid)]
        public partial class Brain { }
        """,
        """
        [Network(4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(2, Activation.Sigmoid)]
        public partial class Brain { }
        """,
        MatchLossCodeFix.ChangeLossKey).RunAsync();

    [Fact]
    public Task ChangeLossToMeanSquaredError() => new NetGenCodeFixTest<MatchLossCodeFix>(
        """
        [Network(4, {|NG0014:Loss = NetGen.Loss.BinaryCrossEntropy|})]
        [Dense(3, Activation.Tanh)]
        public partial class Brain { }
        """,
        """
        [Network(4, Loss = Loss.MeanSquaredError)]
        [Dense(3, Activation.Tanh)]
        public partial class Brain { }
        """,
        MatchLossCodeFix.ChangeLossKey).RunAsync();

    [Fact]
    public Task ChangeOutputActivationToFitLoss() => new NetGenCodeFixTest<MatchLossCodeFix>(
        """
        [Network(4, {|NG0014:Loss = Loss.CrossEntropy|})]
        [Dense(8, Activation.ReLU)]
        [Dense(3)]
        public partial class Brain { }
        """,
        """
        [Network(4, Loss = Loss.CrossEntropy)]
        [Dense(8, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        public partial class Brain { }
        """,
        MatchLossCodeFix.ChangeActivationKey).RunAsync();

    [Fact]
    public Task ChangeNamedOutputActivationToFitLoss() => new NetGenCodeFixTest<MatchLossCodeFix>(
        """
        [Network(4, {|NG0014:Loss = Loss.BinaryCrossEntropy|})]
        [Dense(units: 1, activation: Activation.Tanh)]
        public partial class Brain { }
        """,
        """
        [Network(4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(units: 1, activation: Activation.Sigmoid)]
        public partial class Brain { }
        """,
        MatchLossCodeFix.ChangeActivationKey).RunAsync();

    [Fact]
    public Task RemoveIgnoredAlpha() => new NetGenCodeFixTest<RemoveAlphaCodeFix>(
        """
        [Network(4)]
        [Dense(8, Activation.ReLU, {|NG0016:Alpha = 0.1f|})]
        [Dense(2)]
        public partial class Brain { }
        """,
        """
        [Network(4)]
        [Dense(8, Activation.ReLU)]
        [Dense(2)]
        public partial class Brain { }
        """).RunAsync();

    [Fact]
    public Task RemoveIgnoredAlphaFixAll() => new NetGenCodeFixTest<RemoveAlphaCodeFix>(
        """
        [Network(4)]
        [Dense(8, Activation.Tanh, {|NG0016:Alpha = 0.1f|})]
        [Dense(8, Activation.LeakyReLU, Alpha = 0.2f)]
        [Dense(2, {|NG0016:Alpha = 3f|})]
        public partial class Brain { }
        """,
        """
        [Network(4)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.LeakyReLU, Alpha = 0.2f)]
        [Dense(2)]
        public partial class Brain { }
        """).RunAsync();

    [Fact]
    public Task MoveSoftmaxToOutput() => new NetGenCodeFixTest<MoveSoftmaxCodeFix>(
        """
        [Network(4)]
        [Dense(8, {|NG0013:Activation.Softmax|})]
        [Dense(3)]
        public partial class Brain { }
        """,
        """
        [{|NG0030:Network(4)|}]
        [Dense(8, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        public partial class Brain { }
        """).RunAsync();

    [Fact]
    public Task SoftmaxAlreadyOnOutputOnlyChangesHiddenLayer() => new NetGenCodeFixTest<MoveSoftmaxCodeFix>(
        """
        [Network(4, Loss = Loss.CrossEntropy)]
        [Dense(8, {|NG0013:Activation.Softmax|})]
        [Dense(3, Activation.Softmax)]
        public partial class Brain { }
        """,
        """
        [Network(4, Loss = Loss.CrossEntropy)]
        [Dense(8, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        public partial class Brain { }
        """).RunAsync();

    [Fact]
    public Task MoveSoftmaxFixAll() => new NetGenCodeFixTest<MoveSoftmaxCodeFix>(
        """
        [Network(4)]
        [Dense(8, {|NG0013:Activation.Softmax|})]
        [Dense(8, {|NG0013:Activation.Softmax|})]
        [Dense(3, Activation.Tanh)]
        public partial class Brain { }
        """,
        """
        [{|NG0030:Network(4)|}]
        [Dense(8, Activation.ReLU)]
        [Dense(8, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        public partial class Brain { }
        """).RunAsync();

    [Fact]
    public Task AddPartialToEveryDeclarationInEveryFile()
    {
        // Outer is declared in two files, once without 'partial' (CS0260); the network's own part lacks it too.
        var test = new NetGenCodeFixTest<AddPartialCodeFix>(
            """
            public partial class Outer
            {
                [Network(4)]
                [Dense(2)]
                internal class {|NG0001:Inner|} { }
            }
            """,
            """
            public partial class Outer
            {
                [Network(4)]
                [Dense(2)]
                internal partial class Inner { }
            }
            """);
        test.TestState.Sources.Add(("Other.cs", "public class {|CS0260:Outer|}\n{\n    public int Score { get; set; }\n}\n"));
        test.FixedState.Sources.Add(("Other.cs", "public partial class Outer\n{\n    public int Score { get; set; }\n}\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task MakeFileLocalNetworkInternal() => new NetGenCodeFixTest<MakeInternalCodeFix>(
        """
        [Network(4)]
        [Dense(2)]
        file sealed partial class {|NG0024:Brain|} { }
        """,
        """
        [Network(4)]
        [Dense(2)]
        internal sealed partial class Brain { }
        """).RunAsync();

    [Fact]
    public Task MakeFileLocalContainingTypeInternal() => new NetGenCodeFixTest<MakeInternalCodeFix>(
        """
        file static partial class Holder
        {
            [Network(4)]
            [Dense(2)]
            public partial class {|NG0024:Brain|} { }
        }

        file static partial class Holder
        {
        }
        """,
        """
        internal static partial class Holder
        {
            [Network(4)]
            [Dense(2)]
            public partial class Brain { }
        }

        internal static partial class Holder
        {
        }
        """).RunAsync();

    [Fact]
    public Task AddCrossEntropyToASoftmaxOutput() => new NetGenCodeFixTest<AddCrossEntropyCodeFix>(
        """
        [{|NG0030:Network(4)|}]
        [Dense(16, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        public partial class Iris { }
        """,
        """
        [Network(4, Loss = Loss.CrossEntropy)]
        [Dense(16, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        public partial class Iris { }
        """).RunAsync();

    [Fact]
    public Task AddCrossEntropyAfterNamedArguments() => new NetGenCodeFixTest<AddCrossEntropyCodeFix>(
        """
        [{|NG0030:Network(inputs: 4)|}]
        [Dense(units: 3, activation: Activation.Softmax)]
        public partial class Iris { }

        [{|NG0030:Network(2)|}]
        [Dense(2, Activation.Softmax)]
        public partial class Coin { }
        """,
        """
        [Network(inputs: 4, Loss = Loss.CrossEntropy)]
        [Dense(units: 3, activation: Activation.Softmax)]
        public partial class Iris { }

        [Network(2, Loss = Loss.CrossEntropy)]
        [Dense(2, Activation.Softmax)]
        public partial class Coin { }
        """).RunAsync();
}
