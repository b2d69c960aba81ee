using System;
using System.Linq;
using NetGen.Tests.Networks;
using NetGen.Tests.Numerics;

namespace NetGen.Tests.Training;

/// <summary>
/// <c>TrainStep</c> and <c>TrainStepBatch</c>, which apply the optimizer's update while the gradient is computed,
/// against the three passes they replace (ZeroGradients, BackwardBatch, Step) on a twin network: the same parameters
/// after several steps, to float rounding, for every optimizer rule, batch sizes on both sides of the fused block, and
/// networks covering each activation family, softmax, Maxout and every loss.
/// </summary>
public sealed class FusedTrainingStepTests
{
    private const int Steps = 3;

    private static readonly string[] Networks =
    [
        "TanhWide", "SigmoidNarrow", "ReLUNarrow", "LeakyReLUNarrow", "ELUWide", "ReLU6Narrow", "SwishWide", "MishNarrow",
        "SigmoidBinaryCrossEntropy", "SoftmaxCrossEntropy", "SoftmaxMeanSquaredError", "SoftmaxSingle",
        "MaxoutHidden", "MaxoutOutput", "DeepSixLayers", "VectorTails", "IdentitySingle",
    ];

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var network in Networks)
        {
            foreach (var optimizer in OptimizerNames)
            {
                foreach (var rows in new[] { 1, 5, 32 })
                {
                    data.Add(network, optimizer, rows);
                }
            }
        }

        return data;
    }

    private static readonly string[] OptimizerNames = ["sgd", "momentum", "nesterov", "adam", "adamw"];

    private static IOptimizer CreateOptimizer(string name) => name switch
    {
        "sgd" => new Sgd(0.05),
        "momentum" => new Sgd(0.05, momentum: 0.9),
        "nesterov" => new Sgd(0.05, momentum: 0.8, nesterov: true, weightDecay: 0.01),
        "adam" => new Adam(0.01),
        "adamw" => new Adam(0.01, weightDecay: 0.1),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown optimizer"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_fused_step_gives_the_parameters_of_backward_and_step(string network, string optimizer, int rows)
    {
        var (fused, _) = TestShapeCatalog.Create(network, seed: 3);
        var (unfused, _) = TestShapeCatalog.Create(network, seed: 3);
        var start = fused.Parameters.ToArray();

        AssertSameSteps(fused, unfused, CreateOptimizer(optimizer), CreateOptimizer(optimizer), rows, $"{network}, {optimizer}, {rows} rows");
        Assert.NotEqual(start, fused.Parameters.ToArray());
    }

    /// <summary>The large layers of the MNIST shape and N2 run the runtime's block kernels on both paths.</summary>
    [Theory]
    [InlineData("sgd", 1)]
    [InlineData("momentum", 32)]
    [InlineData("adam", 1)]
    [InlineData("adam", 32)]
    [InlineData("sgd", 64)]
    public void Large_layers_fuse_the_same_way(string optimizer, int rows)
    {
        AssertSameSteps(new DigitClassifier(5), new DigitClassifier(5), CreateOptimizer(optimizer), CreateOptimizer(optimizer), rows, $"784-128-10, {optimizer}");
        AssertSameSteps(new N2Network(5), new N2Network(5), CreateOptimizer(optimizer), CreateOptimizer(optimizer), rows, $"32-64-64-8, {optimizer}");
    }

    /// <summary>A batch larger than the block the scratch holds takes the three passes, with the same result.</summary>
    [Theory]
    [InlineData("momentum")]
    [InlineData("adam")]
    public void A_batch_larger_than_the_block_falls_back_to_the_same_step(string optimizer) =>
        AssertSameSteps(new VectorTails(2), new VectorTails(2), CreateOptimizer(optimizer), CreateOptimizer(optimizer), 77, optimizer);

    /// <summary>An optimizer without an update rule gets the three passes.</summary>
    [Fact]
    public void An_optimizer_that_cannot_fuse_takes_the_three_passes()
    {
        AssertSameSteps(new TanhWide(4), new TanhWide(4), new HalvingOptimizer(), new HalvingOptimizer(), 5, "custom optimizer");
    }

    [Fact]
    public void A_loss_that_is_not_finite_changes_neither_the_parameters_nor_the_optimizer()
    {
        var network = new TanhWide(1);
        var adam = new Adam(0.01);
        var input = new float[TanhWide.InputSize];
        var target = new float[TanhWide.OutputSize];
        network.TrainStep(input, target, adam);
        var before = network.Parameters.ToArray();

        input[3] = float.NaN;
        Assert.True(float.IsNaN(network.TrainStep(input, target, adam)));
        Assert.True(float.IsNaN(network.TrainStepBatch(input, target, new Sgd(0.1, momentum: 0.9))));

        Assert.Equal(before, network.Parameters.ToArray());
        Assert.Equal(1, adam.StepCount);
    }

    [Fact]
    public void Wrong_span_lengths_and_a_missing_optimizer_are_refused()
    {
        var network = new NpcBrain();
        var sgd = new Sgd(0.1);
        var error = Assert.Throws<ArgumentException>(() => network.TrainStep(new float[5], new float[2], sgd));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("4 inputs", error.Message);
        error = Assert.Throws<ArgumentException>(() => network.TrainStep(new float[4], new float[3], sgd));
        Assert.Equal("target", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => network.TrainStepBatch(new float[10], new float[4], sgd));
        Assert.Contains("rows of 4 inputs", error.Message);
        error = Assert.Throws<ArgumentException>(() => network.TrainStepBatch(new float[8], new float[6], sgd));
        Assert.Contains("expects 4 targets for 2 rows", error.Message);
        Assert.Throws<ArgumentNullException>(() => network.TrainStep(new float[4], new float[2], null!));
    }

    [Fact]
    public void An_optimizer_bound_to_another_network_is_refused()
    {
        var adam = new Adam(new NpcBrain(1), 0.01);
        var other = new NpcBrain(2);
        var before = other.Parameters.ToArray();

        var error = Assert.Throws<ArgumentException>(() => other.TrainStep(new float[4], new float[2], adam));
        Assert.Contains("bound to", error.Message);
        Assert.Equal(before, other.Parameters.ToArray());
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("momentum")]
    [InlineData("adam")]
    public void Fused_steps_allocate_nothing(string name)
    {
        var optimizer = CreateOptimizer(name);
        foreach (var shape in new[] { "TanhWide", "SoftmaxCrossEntropy", "MaxoutHidden", "SigmoidBinaryCrossEntropy" })
        {
            var (network, _) = TestShapeCatalog.Create(shape);
            optimizer.Reset();
            var (inputs, targets) = Batch(network, 9, seed: 1);
            var input = inputs.AsSpan(0, network.InputSize).ToArray();
            var target = targets.AsSpan(0, network.OutputSize).ToArray();
            for (var i = 0; i < 100; i++)
            {
                network.TrainStep(input, target, optimizer);
                network.TrainStepBatch(inputs, targets, optimizer);
            }

            long allocated = Allocations.LeastPerRound(() =>
            {
                for (var i = 0; i < 1_000; i++)
                {
                    network.TrainStep(input, target, optimizer);
                    network.TrainStepBatch(inputs, targets, optimizer);
                }
            });

            Assert.Equal(0, allocated);
        }
    }

    /// <summary>
    /// The Trainer takes the fused step without clipping and the three passes with it; a bound far above every
    /// gradient's norm clips nothing, so both must train to the same parameters and losses.
    /// </summary>
    [Theory]
    [InlineData("momentum", 32)]
    [InlineData("adam", 32)]
    [InlineData("adamw", 7)]
    [InlineData("sgd", 50)]
    public void The_trainer_trains_the_same_with_and_without_the_fused_step(string optimizer, int batchSize)
    {
        var data = Dataset(seed: 8, rows: 120);
        var fused = new SoftmaxCrossEntropy(6);
        var unfused = new SoftmaxCrossEntropy(6);

        var fusedHistory = new Trainer(fused, CreateOptimizer(optimizer)) { MaxEpochs = 4, BatchSize = batchSize, Seed = 2 }.Train(data);
        var unfusedHistory = new Trainer(unfused, CreateOptimizer(optimizer)) { MaxEpochs = 4, BatchSize = batchSize, Seed = 2, MaxGradientNorm = 1e30 }.Train(data);

        AssertClose(unfused.Parameters.ToArray(), fused.Parameters.ToArray(), "after training");
        Assert.Equal(unfusedHistory.Epochs.Count, fusedHistory.Epochs.Count);
        for (var epoch = 0; epoch < fusedHistory.Epochs.Count; epoch++)
        {
            var expected = unfusedHistory.Epochs[epoch].TrainLoss;
            Assert.Equal(expected, fusedHistory.Epochs[epoch].TrainLoss, 1e-5 * (1 + Math.Abs(expected)));
        }

        Assert.True(fusedHistory.Epochs[^1].TrainLoss < fusedHistory.Epochs[0].TrainLoss);
    }

    private static void AssertSameSteps(INetwork fused, INetwork unfused, IOptimizer fusedOptimizer, IOptimizer unfusedOptimizer, int rows, string what)
    {
        for (var step = 0; step < Steps; step++)
        {
            var (inputs, targets) = Batch(fused, rows, seed: step + 1);
            var fusedLoss = rows == 1 ? fused.TrainStep(inputs, targets, fusedOptimizer) : fused.TrainStepBatch(inputs, targets, fusedOptimizer);

            unfused.ZeroGradients();
            var loss = unfused.BackwardBatch(inputs, targets);
            unfusedOptimizer.Step(unfused.Parameters, unfused.Gradients);

            Assert.Equal(loss, fusedLoss, 1e-6 * (1 + Math.Abs(loss)));
            AssertClose(unfused.Parameters.ToArray(), fused.Parameters.ToArray(), $"{what}, step {step + 1}");
        }
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = 1e-6 * (1 + Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}: parameter {i} is {actual[i]}, expected {expected[i]}");
        }
    }

    /// <summary>Inputs in [−1, 1]; targets one-hot for CrossEntropy, in (0, 1) otherwise (valid for every loss).</summary>
    private static (float[] Inputs, float[] Targets) Batch(INetwork network, int rows, int seed)
    {
        var random = new Random(seed);
        var inputs = Enumerable.Range(0, rows * network.InputSize).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var targets = new float[rows * network.OutputSize];
        for (var r = 0; r < rows; r++)
        {
            var row = targets.AsSpan(r * network.OutputSize, network.OutputSize);
            if (network.Loss == Loss.CrossEntropy)
            {
                row[random.Next(network.OutputSize)] = 1f;
                continue;
            }

            for (var o = 0; o < row.Length; o++)
            {
                row[o] = (float)random.NextDouble();
            }
        }

        return (inputs, targets);
    }

    private static Dataset Dataset(int seed, int rows)
    {
        var random = new Random(seed);
        var features = new float[rows][];
        var targets = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            features[r] = Enumerable.Range(0, SoftmaxCrossEntropy.InputSize).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
            targets[r] = new float[SoftmaxCrossEntropy.OutputSize];
            targets[r][(int)(Math.Abs(features[r][0] + features[r][1]) * 3) % SoftmaxCrossEntropy.OutputSize] = 1f;
        }

        return NetGen.Dataset.FromRows(features, targets);
    }

    /// <summary>An optimizer without an update rule: θ ← θ − g/2.</summary>
    private sealed class HalvingOptimizer : IOptimizer
    {
        public double LearningRate { get; set; } = 0.5;

        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= (float)LearningRate * gradients[i];
            }
        }

        public void Reset()
        {
        }
    }
}
