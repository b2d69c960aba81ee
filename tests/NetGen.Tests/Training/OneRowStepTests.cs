using System;
using System.Linq;
using NetGen.Tests.Networks;
using NetGen.Tests.Numerics;

namespace NetGen.Tests.Training;

/// <summary>
/// The fused step's own path for one row (small networks whose hidden derivatives are functions of a: each layer's
/// kernel updates its parameters as δ is formed and hands the layer below its δ) against a double-precision
/// reference, and against the three passes bit for bit.
/// </summary>
public sealed class OneRowStepTests
{
    public static TheoryData<string> Shapes() =>
        ["NpcBrain", "TanhWide", "TanhNarrow", "SigmoidWide", "SigmoidNarrow", "IdentityWide", "IdentitySingle", "VectorTails", "FourInputsOddUnits"];

    /// <summary>One step with η = 1 moves every parameter by minus its gradient, taken by finite differences of the reference loss.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void One_sgd_step_moves_each_parameter_by_its_reference_gradient(string shape)
    {
        var (network, reference) = Create(shape);
        var random = new Random(21);
        var input = ForwardTests.RandomVector(random, network.InputSize, 1.5);
        var target = ForwardTests.RandomVector(random, network.OutputSize, 1.0);
        var before = network.Parameters.ToArray().Select(p => (double)p).ToArray();
        var expected = reference.FiniteDifferenceGradient(before, [input.Select(v => (double)v).ToArray()], [target.Select(v => (double)v).ToArray()]);
        var expectedLoss = reference.Loss(before, input.Select(v => (double)v).ToArray(), target.Select(v => (double)v).ToArray());

        var loss = network.TrainStep(input, target, new Sgd(1.0));

        Assert.True(Math.Abs(loss - expectedLoss) <= 1e-5 + (1e-4 * Math.Abs(expectedLoss)), $"{shape}: loss {loss}, reference {expectedLoss}");
        Assert.Contains(expected, g => Math.Abs(g) > 1e-3);
        for (var p = 0; p < before.Length; p++)
        {
            var step = network.Parameters[p] - before[p];
            var tolerance = Math.Max(1e-5, 1e-3 * Math.Abs(expected[p])) + (1e-6 * (1 + Math.Abs(before[p])));
            Assert.True(Math.Abs(step + expected[p]) <= tolerance, $"{shape}: parameter {p} moved by {step}, finite differences give {-expected[p]}");
        }
    }

    /// <summary>The one-row path runs the unfused passes' operations in their order: the same bits after several steps, every rule.</summary>
    [Theory]
    [InlineData("NpcBrain", "sgd")]
    [InlineData("NpcBrain", "momentum")]
    [InlineData("NpcBrain", "adam")]
    [InlineData("TanhWide", "nesterov")]
    [InlineData("ReLUNarrow", "sgd")]
    [InlineData("SigmoidWide", "adam")]
    [InlineData("FourInputsOddUnits", "momentum")]
    [InlineData("FourInputsOddUnits", "adam")]
    public void The_one_row_step_has_the_bits_of_backward_and_step(string shape, string optimizer)
    {
        var (fused, _) = Create(shape);
        var (unfused, _) = Create(shape);
        var fusedOptimizer = CreateOptimizer(optimizer);
        var unfusedOptimizer = CreateOptimizer(optimizer);
        var random = new Random(5);
        var start = fused.Parameters.ToArray();
        for (var step = 0; step < 5; step++)
        {
            var input = ForwardTests.RandomVector(random, fused.InputSize, 1.0);
            var target = ForwardTests.RandomVector(random, fused.OutputSize, 1.0);
            var fusedLoss = fused.TrainStep(input, target, fusedOptimizer);
            unfused.ZeroGradients();
            var loss = unfused.Backward(input, target);
            unfusedOptimizer.Step(unfused.Parameters, unfused.Gradients);

            Assert.Equal(loss, fusedLoss);
            Assert.Equal(unfused.Parameters.ToArray(), fused.Parameters.ToArray());
        }

        Assert.NotEqual(start, fused.Parameters.ToArray());
    }

    private static IOptimizer CreateOptimizer(string name) => name switch
    {
        "sgd" => new Sgd(0.05),
        "momentum" => new Sgd(0.05, momentum: 0.9),
        "nesterov" => new Sgd(0.05, momentum: 0.8, nesterov: true, weightDecay: 0.01),
        "adam" => new Adam(0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown optimizer"),
    };

    private static (INetwork Network, ReferenceNetwork Reference) Create(string shape) => shape == "NpcBrain"
        ? (new NpcBrain(3), new ReferenceNetwork(
            [ReferenceLayer.Dense(4, 16, Activation.Tanh), ReferenceLayer.Dense(16, 16, Activation.Tanh), ReferenceLayer.Dense(16, 2, Activation.Identity)],
            Loss.MeanSquaredError))
        : TestShapeCatalog.Create(shape, seed: 3);
}
