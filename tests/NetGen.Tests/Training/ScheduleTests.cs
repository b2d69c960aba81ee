using System;
using System.Collections.Generic;
using System.Linq;
using NetGen;
using NetGen.Tests.Training.TestNetworks;

namespace NetGen.Tests.Training;

/// <summary>
/// Learning-rate schedules against the formulas of torch.optim.lr_scheduler's documentation (and its worked LinearLR
/// and StepLR examples), and the trainer applying them once per epoch.
/// </summary>
public class ScheduleTests
{
    private const double Base = 0.05;

    private static double[] Rates(LearningRateSchedule schedule, int epochs, double baseRate = Base) =>
        Enumerable.Range(0, epochs).Select(e => schedule.LearningRateAt(e, baseRate)).ToArray();

    private static void AssertRates(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int e = 0; e < expected.Count; e++)
        {
            Assert.True(Math.Abs(expected[e] - actual[e]) <= 1e-15 + 1e-12 * Math.Abs(expected[e]), $"epoch {e}: expected {expected[e]}, got {actual[e]}");
        }
    }

    [Fact]
    public void Step_MatchesStepLR()
    {
        // The documentation's example: lr 0.05 for epochs < 30, 0.005 for 30 ≤ epoch < 60, 0.0005 for 60 ≤ epoch < 90.
        var rates = Rates(LearningRateSchedule.Step(stepSize: 30, gamma: 0.1), 90);
        AssertRates(Enumerable.Range(0, 90).Select(e => e < 30 ? 0.05 : e < 60 ? 0.005 : 0.0005).ToArray(), rates);
        AssertRates(Enumerable.Range(0, 20).Select(e => Base * Math.Pow(0.5, Math.Floor(e / 3.0))).ToArray(), Rates(LearningRateSchedule.Step(3, 0.5), 20));
    }

    [Fact]
    public void Exponential_MatchesExponentialLR()
    {
        AssertRates(Enumerable.Range(0, 30).Select(e => Base * Math.Pow(0.9, e)).ToArray(), Rates(LearningRateSchedule.Exponential(0.9), 30));
    }

    [Fact]
    public void LinearWarmup_MatchesLinearLR()
    {
        // The documentation's example: start_factor 0.5, total_iters 4 → 0.025, 0.03125, 0.0375, 0.04375, then 0.05.
        AssertRates([0.025, 0.03125, 0.0375, 0.04375, 0.05, 0.05, 0.05], Rates(LearningRateSchedule.LinearWarmup(epochs: 4, startFactor: 0.5), 7));
        // The default start_factor is 1/3.
        AssertRates(Enumerable.Range(0, 8).Select(e => Base * (1.0 / 3 + (2.0 / 3) * Math.Min(e, 5) / 5)).ToArray(), Rates(LearningRateSchedule.LinearWarmup(5), 8));
    }

    [Fact]
    public void Cosine_MatchesCosineAnnealingLR()
    {
        const double min = 0.001;
        // η_min + (η₀ − η_min)·(1 + cos(π·T_cur / T_max)) / 2, T_max = 10; past T_max the closed form rises again.
        var expected = Enumerable.Range(0, 15).Select(e => min + ((Base - min) * (1 + Math.Cos(Math.PI * e / 10)) / 2)).ToArray();
        AssertRates(expected, Rates(LearningRateSchedule.Cosine(epochs: 10, minimumLearningRate: min), 15));
        Assert.Equal(min, LearningRateSchedule.Cosine(10, min).LearningRateAt(10, Base), 15);
    }

    [Fact]
    public void CosineWithWarmup_MatchesSequentialLinearThenCosine()
    {
        // SequentialLR([LinearLR(0.1, 1, total_iters=3), CosineAnnealingLR(T_max=7)], milestones=[3]) for 10 epochs.
        var expected = Enumerable.Range(0, 10).Select(e => e < 3
            ? Base * (0.1 + 0.9 * e / 3)
            : Base * (1 + Math.Cos(Math.PI * (e - 3) / 7)) / 2).ToArray();
        AssertRates(expected, Rates(LearningRateSchedule.Cosine(epochs: 10, warmupEpochs: 3, warmupStartFactor: 0.1), 10));
        Assert.Equal(Base, LearningRateSchedule.Cosine(10, warmupEpochs: 3).LearningRateAt(3, Base));   // the cosine starts at the base rate
    }

    [Fact]
    public void Lambda_MultipliesTheBaseRate()
    {
        AssertRates([0.05, 0.025, 0.0125], Rates(LearningRateSchedule.Lambda(e => Math.Pow(0.5, e)), 3));
    }

    [Fact]
    public void InvalidSchedules_AreRejectedWithTheirArgument()
    {
        Assert.Equal("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Step(0)).ParamName);
        Assert.Contains("gamma must be in (0, 1]; got 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Exponential(1.5)).Message);
        Assert.Contains("epochs (3) must be more than warmupEpochs (3)", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(3, warmupEpochs: 3)).Message);
        Assert.Throws<ArgumentNullException>(() => LearningRateSchedule.Lambda(null!));
    }

    [Fact]
    public void Trainer_SetsTheRateBeforeEveryEpochAndPutsTheBaseBack()
    {
        var network = new LinearRegression(1, 1);
        var data = new Dataset([1f], [0f], 1, 1);
        var sgd = new Sgd(0.1);
        var seen = new List<double>();
        var trainer = new Trainer(network, sgd)
        {
            MaxEpochs = 4,
            LearningRateSchedule = LearningRateSchedule.Step(stepSize: 2, gamma: 0.5),
            BatchProgress = new SynchronousProgress<BatchReport>(_ => seen.Add(sgd.LearningRate)),
        };
        network.Parameters[0] = 1;   // w = 1, b = 0: the loss (w + b)² has gradient 2(w + b) for both

        var history = trainer.Train(data);

        Assert.Equal([0.1, 0.1, 0.05, 0.05], seen);
        Assert.Equal([0.1, 0.1, 0.05, 0.05], history.Epochs.Select(e => e.LearningRate));
        Assert.Equal(0.1, sgd.LearningRate);
        // s = w + b shrinks by (1 − 4η) each step: 0.6, 0.6, 0.8, 0.8.
        Assert.Equal(0.6f * 0.6f * 0.8f * 0.8f, network.Parameters[0] + network.Parameters[1], 1e-6f);
    }

    [Fact]
    public void Trainer_RejectsARateTheScheduleGetsWrong()
    {
        var trainer = new Trainer(new LinearRegression(1, 1), new Sgd(0.1)) { LearningRateSchedule = LearningRateSchedule.Lambda(e => e == 1 ? -1 : 1) };
        var ex = Assert.Throws<InvalidOperationException>(() => trainer.Train(new Dataset([1f], [0f], 1, 1)));
        Assert.Contains("The learning-rate schedule gave -0.1 for epoch 2 (index 1)", ex.Message);
        Assert.Equal(0.1, trainer.Optimizer.LearningRate);
    }
}
