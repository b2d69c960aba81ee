using System;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NetGen.Tests.Networks;
using Xunit.Abstractions;

namespace NetGen.Tests.Numerics;

[Network(inputs: 8)]
[Dense(8, Activation.ReLU)]
[Dense(16, Activation.Sigmoid)]
[Dense(3, Activation.Swish)]
public partial class RegistersEightInputs;

[Network(inputs: 16)]
[Dense(16, Activation.ELU)]
[Dense(8, Activation.Tanh)]
public partial class RegistersSixteenInputs;

[Network(inputs: 4)]
[Dense(8, Activation.LeakyReLU, Alpha = 0.2f)]
[Dense(16)]
public partial class RegistersSixteenOutputs;

/// <summary>
/// Networks of small layers run their one-row <c>Forward</c> in one method with the layers' values in registers
/// (<c>ForwardInRegisters</c>) wherever Vector256 is accelerated, and as the chain of layer kernels elsewhere (the
/// training passes use the kernels, but for the one-row step's forward). Both forms must give the same bits:
/// here <c>Forward</c> and <c>ForwardInRegisters</c>, called directly so that it runs on every processor, against the
/// generated kernels called one after another, as the chain does, and against the double-precision reference.
/// </summary>
public sealed class RowInRegistersTests
{
    private delegate void RowKernel(ref float weights, ref float input, ref float output);

    private delegate void RowForward(float[] parameters, ReadOnlySpan<float> input, Span<float> output);

    private readonly ITestOutputHelper _output;

    public RowInRegistersTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Networks => new() { "NpcBrain", "EightInputs", "SixteenInputs", "SixteenOutputs" };

    [Theory]
    [MemberData(nameof(Networks))]
    public void BothFormsEqualTheChainOfKernelsBitForBit(string name)
    {
        var (network, layers) = Create(name);
        var kernels = network.GetType().Assembly.GetType("NetGen.Generated." + network.GetType().FullName!.Replace('.', '_') + "Kernels", throwOnError: true)!;
        var chain = layers.Select((_, i) => kernels.GetMethod($"Layer{i + 1}", BindingFlags.NonPublic | BindingFlags.Static)!.CreateDelegate<RowKernel>()).ToArray();
        var inRegisters = kernels.GetMethod("ForwardInRegisters", BindingFlags.Public | BindingFlags.Static)?.CreateDelegate<RowForward>();
        Assert.True(inRegisters is not null, $"{name} fits registers, yet its kernels have no ForwardInRegisters");

        // Without Vector256 the kernels run the runtime's general loops, which add in another order.
        var sameOperations = Vector256.IsHardwareAccelerated;
        _output.WriteLine($"Avx512F: {Avx512F.IsSupported}; Vector256: {sameOperations} (Forward runs in registers, bits compared)");
        var reference = new ReferenceNetwork(layers, Loss.MeanSquaredError);
        var parameters = network.Parameters.ToArray();
        var random = new Random(11);
        var output = new float[network.OutputSize];
        var direct = new float[network.OutputSize];
        for (var sample = 0; sample < 200; sample++)
        {
            // Past tanh's and the sigmoid's saturation now and then.
            var input = ForwardTests.RandomVector(random, network.InputSize, sample % 4 == 0 ? 12.0 : 2.0);
            network.Forward(input, output);
            inRegisters(parameters, input, direct);
            var expected = RunChain(parameters, layers, chain, input);
            for (var i = 0; i < output.Length && sameOperations; i++)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(output[i]),
                    $"{name}, sample {sample}, output {i}: Forward {output[i]:R}, the kernels' chain {expected[i]:R}");
                Assert.True(
                    BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(direct[i]),
                    $"{name}, sample {sample}, output {i}: ForwardInRegisters {direct[i]:R}, the kernels' chain {expected[i]:R}");
            }

            var exact = reference.Forward(network.Parameters, input);
            ForwardTests.AssertClose(exact, output, $"{name}, sample {sample}, Forward");
            ForwardTests.AssertClose(exact, direct, $"{name}, sample {sample}, ForwardInRegisters");
        }
    }

    [Fact]
    public void NetworksOfWiderLayersKeepTheChain()
    {
        // 7 inputs, then layers of 33 and 17 units: more than two vectors of 8.
        var kernels = typeof(ForwardTests).Assembly.GetType("NetGen.Generated.NetGen_Tests_Networks_TanhWideKernels", throwOnError: true)!;
        Assert.Null(kernels.GetMethod("ForwardInRegisters"));
    }

    /// <summary>Each layer's kernel from the previous one's output, its weights and bias where the exchange layout puts them.</summary>
    private static float[] RunChain(float[] parameters, ReferenceLayer[] layers, RowKernel[] chain, float[] input)
    {
        var values = input;
        var offset = 0;
        for (var i = 0; i < layers.Length; i++)
        {
            var next = new float[layers[i].Units];
            chain[i](ref parameters[offset], ref MemoryMarshal.GetArrayDataReference(values), ref next[0]);
            offset += layers[i].ParameterCount;
            values = next;
        }

        return values;
    }

    private static (INetwork Network, ReferenceLayer[] Layers) Create(string name)
    {
        (INetwork network, ReferenceLayer[] layers) = name switch
        {
            "NpcBrain" => ((INetwork)new NpcBrain(), new[] { ReferenceLayer.Dense(4, 16, Activation.Tanh), ReferenceLayer.Dense(16, 16, Activation.Tanh), ReferenceLayer.Dense(16, 2, Activation.Identity) }),
            "EightInputs" => (new RegistersEightInputs(), new[] { ReferenceLayer.Dense(8, 8, Activation.ReLU), ReferenceLayer.Dense(8, 16, Activation.Sigmoid), ReferenceLayer.Dense(16, 3, Activation.Swish) }),
            "SixteenInputs" => (new RegistersSixteenInputs(), new[] { ReferenceLayer.Dense(16, 16, Activation.ELU), ReferenceLayer.Dense(16, 8, Activation.Tanh) }),
            _ => (new RegistersSixteenOutputs(), new[] { ReferenceLayer.Dense(4, 8, Activation.LeakyReLU, 0.2), ReferenceLayer.Dense(8, 16, Activation.Identity) }),
        };

        // Biases away from 0, so that they are read from where the chain reads them.
        var random = new Random(name.Length);
        var parameters = network.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] += (float)((random.NextDouble() - 0.5) * 0.2);
        }

        return (network, layers);
    }
}
