using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NetGen;
using NetGen.Tests.Networks;
using NetGen.Tests.Training.TestNetworks;

namespace NetGen.Tests.Parallelism;

public class DataParallelTrainingTests
{
    /// <summary>Rows of features in [−1, 1] whose class is the largest of <paramref name="classes"/> fixed projections.</summary>
    private static Dataset ClassData(int rows, int features, int classes, int seed)
    {
        var random = new Random(seed);
        var projections = Enumerable.Range(0, classes * features).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var x = new float[rows * features];
        var labels = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < features; i++)
            {
                x[r * features + i] = (float)(random.NextDouble() * 2 - 1);
            }

            var scores = Enumerable.Range(0, classes)
                .Select(c => Enumerable.Range(0, features).Sum(i => projections[c * features + i] * x[r * features + i]))
                .ToArray();
            labels[r] = Array.IndexOf(scores, scores.Max());
        }

        return new Dataset(x, Dataset.OneHot(labels, classes), features, classes);
    }

    private static (TrainingHistory History, float[] Parameters) TrainN2(int threads, int batchSize = 64, int rows = 512)
    {
        var network = new N2Network(seed: 7);
        var (train, validation) = ClassData(rows, N2Network.InputSize, N2Network.OutputSize, seed: 3).Split(0.25, seed: 1);
        var trainer = new Trainer(network, new Sgd(0.05f, momentum: 0.9f)) { MaxEpochs = 4, BatchSize = batchSize, Seed = 11, Threads = threads };
        return (trainer.Train(train, validation), network.Parameters.ToArray());
    }

    private static (TrainingHistory History, float[] Parameters) TrainDigits(int threads)
    {
        var network = new DigitClassifier(seed: 5);
        var train = ClassData(384, DigitClassifier.InputSize, DigitClassifier.OutputSize, seed: 4);
        var trainer = new Trainer(network, new Adam(network, 1e-3)) { MaxEpochs = 2, BatchSize = 128, Seed = 2, Threads = threads };
        return (trainer.Train(train), network.Parameters.ToArray());
    }

    private static void AssertBitIdentical((TrainingHistory History, float[] Parameters) first, (TrainingHistory History, float[] Parameters) second)
    {
        Assert.Equal(MemoryMarshal.Cast<float, int>(first.Parameters).ToArray(), MemoryMarshal.Cast<float, int>(second.Parameters).ToArray());
        Assert.Equal(first.History.Epochs.Select(WithoutTime), second.History.Epochs.Select(WithoutTime));
        Assert.Equal(first.History.BestEpoch, second.History.BestEpoch);
    }

    /// <summary>An epoch's report without its elapsed time, the one field that depends on timing.</summary>
    private static EpochReport WithoutTime(EpochReport report) => report with { Elapsed = TimeSpan.Zero };

    [Theory]
    [InlineData(2)]
    [InlineData(3)]     // more threads than this machine's two cores
    public void SameSeedAndThreads_TrainBitIdentically(int threads)
    {
        AssertBitIdentical(TrainN2(threads), TrainN2(threads));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void SameSeedAndThreads_TrainBitIdentically_WithAParallelReduction(int threads)
    {
        AssertBitIdentical(TrainDigits(threads), TrainDigits(threads));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void MoreThreads_MatchOneThreadToRounding(int threads)
    {
        var one = TrainN2(1);
        var several = TrainN2(threads);

        Assert.Equal(one.Parameters, several.Parameters, (a, b) => Math.Abs(a - b) <= 1e-4f + (1e-4f * Math.Abs(a)));
        Assert.Equal(one.History.Epochs.Select(e => e.TrainLoss), several.History.Epochs.Select(e => e.TrainLoss),
            (a, b) => Math.Abs(a - b) <= 1e-5 * Math.Abs(a));
        Assert.Equal(one.History.Epochs.Select(e => e.ValidationLoss!.Value), several.History.Epochs.Select(e => e.ValidationLoss!.Value),
            (a, b) => Math.Abs(a - b) <= 1e-5 * Math.Abs(a));
        Assert.True(one.History.Epochs[^1].TrainLoss < one.History.Epochs[0].TrainLoss * 0.9, "training made progress");
    }

    [Fact]
    public void MoreThreads_MatchOneThreadToRounding_OnALargeNetwork()
    {
        var one = TrainDigits(1);
        var two = TrainDigits(2);

        Assert.Equal(one.Parameters, two.Parameters, (a, b) => Math.Abs(a - b) <= 1e-5f + (1e-4f * Math.Abs(a)));
        Assert.Equal(one.History.Epochs.Select(e => e.TrainLoss), two.History.Epochs.Select(e => e.TrainLoss),
            (a, b) => Math.Abs(a - b) <= 1e-5 * Math.Abs(a));
    }

    [Fact]
    public void BatchesSmallerThanTheThreadCount_SplitIntoOneRowShares()
    {
        // 7 rows in batches of 3 (the last of 1) on 4 threads: shares of one row, idle workers.
        var one = TrainN2(1, batchSize: 3, rows: 10);
        var four = TrainN2(4, batchSize: 3, rows: 10);

        Assert.Equal(one.Parameters, four.Parameters, (a, b) => Math.Abs(a - b) <= 1e-5f + (1e-5f * Math.Abs(a)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void DataParallelGradient_IsTheRowWeightedMeanOfTheShares(int rows)
    {
        var network = new N2Network(seed: 9);
        var reference = new N2Network(seed: 9);
        var data = ClassData(rows, N2Network.InputSize, N2Network.OutputSize, seed: 8);
        var parallel = BatchGradient.For(network, threads: 3);

        float loss = parallel.Compute(data.Features.ToArray(), data.Targets.ToArray());

        // The reference: each row's gradient alone, summed in double, divided by the rows.
        var sum = new double[N2Network.ParameterCount];
        double lossSum = 0;
        for (int row = 0; row < rows; row++)
        {
            reference.ZeroGradients();
            lossSum += reference.Backward(data.FeaturesOf(row), data.TargetsOf(row));
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += reference.Gradients[i];
            }
        }

        Assert.Equal(lossSum / rows, loss, 1e-5);
        var expected = sum.Select(s => (float)(s / rows)).ToArray();
        Assert.Equal(expected, network.Gradients.ToArray(), (a, b) => Math.Abs(a - b) <= 1e-6f + (1e-5f * Math.Abs(a)));
    }

    public static TheoryData<string, int> FusedSteps => new()
    {
        { "sgd", 2 }, { "momentum", 2 }, { "adam", 2 }, { "adam", 3 },
    };

    /// <summary>
    /// The fused data-parallel step (each thread sums and updates its slice of the parameters) against the gradient,
    /// then the optimizer's own Step over it: the same float operations, so the same bits, on a network of 101,770
    /// parameters (slices that do not end on a vector, chunks of the update that end inside a slice).
    /// </summary>
    [Theory]
    [MemberData(nameof(FusedSteps))]
    public void FusedDataParallelStep_IsBitIdenticalToTheGradientThenTheStep(string optimizer, int threads)
    {
        var fusedNetwork = new DigitClassifier(seed: 5);
        var plainNetwork = new DigitClassifier(seed: 5);
        IOptimizer Create(INetwork network) => optimizer switch
        {
            "sgd" => new Sgd(network, 0.05, weightDecay: 1e-3),
            "momentum" => new Sgd(network, 0.05, momentum: 0.9, nesterov: true),
            _ => new Adam(network, 1e-3, weightDecay: 1e-2),
        };
        var fusedOptimizer = Create(fusedNetwork);
        var plainOptimizer = Create(plainNetwork);
        using var fused = BatchGradient.For(fusedNetwork, threads);
        using var plain = BatchGradient.For(plainNetwork, threads);
        var data = ClassData(97, DigitClassifier.InputSize, DigitClassifier.OutputSize, seed: 6);

        for (int step = 0; step < 3; step++)
        {
            float fusedLoss = fused.Step(data.Features.ToArray(), data.Targets.ToArray(), fusedOptimizer);
            float plainLoss = plain.Compute(data.Features.ToArray(), data.Targets.ToArray());
            plainOptimizer.Step(plainNetwork.Parameters, plainNetwork.Gradients);

            Assert.Equal(plainLoss, fusedLoss);
            Assert.Equal(MemoryMarshal.Cast<float, int>(plainNetwork.Parameters).ToArray(), MemoryMarshal.Cast<float, int>(fusedNetwork.Parameters).ToArray());
        }

        Assert.NotEqual(new DigitClassifier(seed: 5).Parameters.ToArray(), fusedNetwork.Parameters.ToArray());
    }

    /// <summary>
    /// Which thread runs a share is a matter of timing (a thread woken late leaves its share to the caller): every
    /// share on the calling thread gives the bits of the shares spread over the team.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void SharesOnTheCallingThreadAlone_GiveTheBitsOfTheTeam(int threads)
    {
        var spreadNetwork = new DigitClassifier(seed: 5);
        var aloneNetwork = new DigitClassifier(seed: 5);
        var spreadOptimizer = new Adam(spreadNetwork, 1e-3);
        var aloneOptimizer = new Adam(aloneNetwork, 1e-3);
        using var spread = new DataParallelGradient(spreadNetwork, threads);
        using var alone = new DataParallelGradient(aloneNetwork, threads, teamSize: 1);
        var data = ClassData(203, DigitClassifier.InputSize, DigitClassifier.OutputSize, seed: 8);

        for (int step = 0; step < 3; step++)
        {
            float spreadLoss = spread.Step(data.Features.ToArray(), data.Targets.ToArray(), spreadOptimizer);
            float aloneLoss = alone.Step(data.Features.ToArray(), data.Targets.ToArray(), aloneOptimizer);

            Assert.Equal(spreadLoss, aloneLoss);
            Assert.Equal(MemoryMarshal.Cast<float, int>(spreadNetwork.Parameters).ToArray(), MemoryMarshal.Cast<float, int>(aloneNetwork.Parameters).ToArray());
        }

        Assert.NotEqual(new DigitClassifier(seed: 5).Parameters.ToArray(), aloneNetwork.Parameters.ToArray());
    }

    /// <summary>
    /// The shares finishing last first, on a team of their own, against every share on the calling thread in order:
    /// a reduction that summed the shares as they finished, rather than in worker order, would give other bits (three
    /// shares, and float addition is not associative).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SharesFinishingInReverse_GiveTheBitsOfSharesInOrder(bool fused)
    {
        const int Threads = 3;
        var reversed = new SharesFinishingInReverse(new DigitClassifier(seed: 5), Threads);
        var inOrder = new DigitClassifier(seed: 5);
        var reversedOptimizer = new Adam(reversed, 1e-3);
        var inOrderOptimizer = new Adam(inOrder, 1e-3);
        using var team = new DataParallelGradient(reversed, Threads, teamSize: Threads);
        using var alone = new DataParallelGradient(inOrder, Threads, teamSize: 1);
        var data = ClassData(203, DigitClassifier.InputSize, DigitClassifier.OutputSize, seed: 8);

        for (int step = 0; step < 3; step++)
        {
            float reversedLoss = fused
                ? team.Step(data.Features.ToArray(), data.Targets.ToArray(), reversedOptimizer)
                : team.Compute(data.Features.ToArray(), data.Targets.ToArray());
            float inOrderLoss = fused
                ? alone.Step(data.Features.ToArray(), data.Targets.ToArray(), inOrderOptimizer)
                : alone.Compute(data.Features.ToArray(), data.Targets.ToArray());

            Assert.Equal(inOrderLoss, reversedLoss);
            Assert.Equal(MemoryMarshal.Cast<float, int>(inOrder.Gradients).ToArray(), MemoryMarshal.Cast<float, int>(reversed.Gradients).ToArray());
            Assert.Equal(MemoryMarshal.Cast<float, int>(inOrder.Parameters).ToArray(), MemoryMarshal.Cast<float, int>(reversed.Parameters).ToArray());
        }

        Assert.Equal([2, 1, 0, 2, 1, 0, 2, 1, 0], reversed.FinishOrder);
    }

    private static float[] TrainN2On(N2Network network, Dataset rows, int threads)
    {
        new Trainer(network, new Sgd(0.05f, momentum: 0.9f)) { MaxEpochs = 2, BatchSize = 64, Seed = 11, Threads = threads }.Train(rows);
        return network.Parameters.ToArray();
    }

    /// <summary>
    /// One network trained again and again, with 2, then 3, then 2 threads, each time from the same parameters on other
    /// rows, against a new network each time: replicas left with an earlier call's gradients and scratch give the bits
    /// of new ones.
    /// </summary>
    [Fact]
    public void LaterTrainCalls_ReuseTheReplicas_AndTrainAsANewNetworkDoes()
    {
        var network = new N2Network(seed: 7);
        var start = network.Parameters.ToArray();
        foreach (var (threads, seed) in new[] { (2, 3), (3, 4), (2, 5), (3, 6) })
        {
            var rows = ClassData(200, N2Network.InputSize, N2Network.OutputSize, seed);
            start.CopyTo(network.Parameters);

            var reused = TrainN2On(network, rows, threads);
            var fresh = TrainN2On(new N2Network(seed: 7), rows, threads);

            Assert.Equal(MemoryMarshal.Cast<float, int>(fresh).ToArray(), MemoryMarshal.Cast<float, int>(reused).ToArray());
            Assert.NotEqual(start, reused);
        }
    }

    [Fact]
    public void Replicas_AreMadeOncePerNetwork_AndLentToOneRunAtATime()
    {
        var network = new N2Network(seed: 1);
        INetwork[] three;
        using (var first = new DataParallelGradient(network, 3))
        {
            three = first.Workers.ToArray();
        }

        Assert.Same(network, three[0]);
        Assert.NotSame(three[1], three[2]);
        using (var again = new DataParallelGradient(network, 2))
        {
            Assert.Same(three[1], again.Workers[1]);
        }

        using (var holder = new DataParallelGradient(network, 3))
        using (var meanwhile = new DataParallelGradient(network, 3))
        {
            Assert.Equal(three, holder.Workers.ToArray());
            Assert.DoesNotContain(meanwhile.Workers[1], three);
            Assert.DoesNotContain(meanwhile.Workers[2], three);
            Assert.NotSame(holder.Team, meanwhile.Team);
        }

        using var afterBoth = new DataParallelGradient(network, 3);
        Assert.Equal(three, afterBoth.Workers.ToArray());
    }

    /// <summary>Two trainers at once, one on the process's team, the other on a team of its own, each training as it does alone.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task TwoTrainersOnTwoThreadsAtOnce_TrainAsEachDoesAlone(int threads)
    {
        var alone = TrainDigits(threads);
        using var start = new Barrier(2);
        var runs = Enumerable.Range(0, 2)
            .Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return TrainDigits(threads);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var both = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(2));

        AssertBitIdentical(alone, both[0]);
        AssertBitIdentical(alone, both[1]);
    }

    /// <summary>An optimizer that only has Step, as a user might write one: several threads take the gradient, then its step.</summary>
    private sealed class PlainSgd(double learningRate) : IOptimizer
    {
        public double LearningRate { get; set; } = learningRate;

        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= (float)LearningRate * gradients[i];
            }
        }

        public void Reset()
        {
        }
    }

    [Fact]
    public void AnOptimizerWithoutAFusedStep_TrainsOnSeveralThreadsLikeSgd()
    {
        var (train, _) = ClassData(256, N2Network.InputSize, N2Network.OutputSize, seed: 3).Split(0.25, seed: 1);
        float[] Train(IOptimizer optimizer)
        {
            var network = new N2Network(seed: 7);
            new Trainer(network, optimizer) { MaxEpochs = 2, BatchSize = 48, Seed = 11, Threads = 2 }.Train(train);
            return network.Parameters.ToArray();
        }

        // SGD without decay computes p − η·(g + 0·p), which is p − η·g to the bit.
        Assert.Equal(MemoryMarshal.Cast<float, int>(Train(new Sgd(0.05))).ToArray(), MemoryMarshal.Cast<float, int>(Train(new PlainSgd(0.05))).ToArray());
    }

    [Fact]
    public void Replica_SharesParametersButNotGradients()
    {
        var network = new N2Network(seed: 1);
        var replica = ((INetwork)network).CreateReplicaSharingParameters();
        var data = ClassData(4, N2Network.InputSize, N2Network.OutputSize, seed: 2);

        Assert.IsType<N2Network>(replica);
        Assert.Equal(network.Parameters.ToArray(), replica.Parameters.ToArray());
        Assert.All(replica.Gradients.ToArray(), g => Assert.Equal(0f, g));
        replica.Parameters[5] = 42f;
        Assert.Equal(42f, network.Parameters[5]);

        float loss = replica.BackwardBatch(data.Features, data.Targets);
        Assert.All(network.Gradients.ToArray(), g => Assert.Equal(0f, g));
        Assert.Equal(loss, network.BackwardBatch(data.Features, data.Targets));
        Assert.Equal(network.Gradients.ToArray(), replica.Gradients.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void ThreadsBelowOne_NamesThreads(int threads)
    {
        var network = new N2Network(seed: 1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(network, new Sgd(0.1f)) { Threads = threads });
        Assert.Equal("Threads", error.ParamName);
        Assert.Contains("at least 1", error.Message);
    }

    [Fact]
    public void NetworkWithoutReplicas_RefusesThreadsAndKeepsItsParameters()
    {
        var network = new InstrumentedNetwork(new LinearRegression(3, 1));
        network.InitializeParameters(3);
        var before = network.Parameters.ToArray();
        var data = new Dataset(new float[12], new float[4], 3, 1);
        var trainer = new Trainer(network, new Sgd(0.1f)) { Threads = 2 };

        var error = Assert.Throws<NotSupportedException>(() => trainer.Train(data));

        Assert.Contains("InstrumentedNetwork", error.Message);
        Assert.Contains("Trainer.Threads", error.Message);
        Assert.Equal(0, network.BackwardBatchCalls);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void AbstractNetwork_RefusesReplicasAndSaysWhy()
    {
        INetwork network = new ConcreteBrain();
        var data = new Dataset(new float[12], new float[8], 3, 2);
        var trainer = new Trainer(network, new Sgd(0.1f)) { Threads = 2 };

        var error = Assert.Throws<NotSupportedException>(network.CreateReplicaSharingParameters);
        Assert.Contains("abstract", error.Message);
        Assert.Throws<NotSupportedException>(() => trainer.Train(data));
        Assert.Single(new Trainer(network, new Sgd(0.1f)) { MaxEpochs = 1 }.Train(data).Epochs);
    }
}
