using System;
using System.Collections.Generic;
using System.Linq;
using NetGen;
using NetGen.Tests.Training.TestNetworks;
using static NetGen.Tests.Training.LineData;

namespace NetGen.Tests.Training;

/// <summary>
/// Early stopping as Keras does it: the best parameters come back only with early stopping in use (a validation set
/// and Patience) and RestoreBestParameters; otherwise the network ends with its last parameters. One test per combination.
/// </summary>
public class EarlyStoppingTests
{
    // Training pulls the slope from 0 towards 1 while validation wants 0.5: the validation loss falls, then rises.
    private static readonly Dataset Train = Line(64, 1f);
    private static readonly Dataset Validation = Line(32, 0.5f);

    private sealed record Run(TrainingHistory History, Dictionary<int, float[]> Snapshots, float[] Final);

    private static Run TrainLine(int maxEpochs, Dataset? validation, int? patience, bool restore, double momentum = 0, double learningRate = 0.05)
    {
        var network = new LinearRegression(1, 1);
        var snapshots = new Dictionary<int, float[]>();
        var trainer = new Trainer(network, new Sgd(learningRate, momentum))
        {
            MaxEpochs = maxEpochs, BatchSize = 64, Patience = patience, RestoreBestParameters = restore,
        };
        var history = trainer.Train(Train, validation, new SynchronousProgress(r => snapshots[r.Epoch] = network.Parameters.ToArray()));
        return new Run(history, snapshots, network.Parameters.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WithoutAValidationSet_EndsWithTheLastParameters(bool restore)
    {
        // Momentum this high makes the training loss oscillate, so the best epoch is not the last.
        var run = TrainLine(maxEpochs: 30, validation: null, patience: null, restore, momentum: 0.95, learningRate: 0.5);

        Assert.NotEqual(30, run.History.BestEpoch);
        Assert.Equal(run.Snapshots[30], run.Final);
        Assert.NotEqual(run.Snapshots[run.History.BestEpoch], run.Final);
        Assert.False(run.History.RestoredBestEpoch);
        Assert.False(run.History.StoppedEarly);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WithAValidationSetButNoPatience_EndsWithTheLastParameters(bool restore)
    {
        var run = TrainLine(maxEpochs: 200, Validation, patience: null, restore);

        Assert.Equal(200, run.History.Epochs.Count);
        Assert.True(run.History.BestEpoch < 100, $"best epoch {run.History.BestEpoch}");
        Assert.Equal(run.Snapshots[200], run.Final);
        Assert.NotEqual(run.Snapshots[run.History.BestEpoch], run.Final);
        Assert.False(run.History.RestoredBestEpoch);
    }

    [Fact]
    public void EarlyStoppingThatStops_RestoresTheBestEpoch()
    {
        var run = TrainLine(maxEpochs: 1000, Validation, patience: 3, restore: true);

        Assert.True(run.History.StoppedEarly);
        Assert.True(run.History.BestEpoch > 5, $"best epoch {run.History.BestEpoch}");
        Assert.Equal(run.History.BestEpoch + 3, run.History.Epochs.Count);
        var best = run.History.Epochs[run.History.BestEpoch - 1].ValidationLoss;
        Assert.All(run.History.Epochs, e => Assert.True(e.ValidationLoss >= best));
        Assert.Equal(run.Snapshots[run.History.BestEpoch], run.Final);
        Assert.NotEqual(run.Snapshots[run.History.Epochs.Count], run.Final);
        Assert.True(run.History.RestoredBestEpoch);
        Assert.InRange(run.Final[0], 0.4f, 0.6f);
    }

    [Fact]
    public void EarlyStoppingThatNeverStops_StillRestoresTheBestEpoch()
    {
        // Patience longer than the run: every epoch trains, and the best one comes back at the end, as in Keras.
        var run = TrainLine(maxEpochs: 200, Validation, patience: 500, restore: true);

        Assert.False(run.History.StoppedEarly);
        Assert.Equal(200, run.History.Epochs.Count);
        Assert.NotEqual(200, run.History.BestEpoch);
        Assert.Equal(run.Snapshots[run.History.BestEpoch], run.Final);
        Assert.True(run.History.RestoredBestEpoch);
    }

    [Fact]
    public void EarlyStoppingWithoutRestore_KeepsTheLastParameters()
    {
        var run = TrainLine(maxEpochs: 1000, Validation, patience: 3, restore: false);

        Assert.True(run.History.StoppedEarly);
        Assert.Equal(run.Snapshots[run.History.Epochs.Count], run.Final);
        Assert.NotEqual(run.Snapshots[run.History.BestEpoch], run.Final);
        Assert.False(run.History.RestoredBestEpoch);
    }

    [Fact]
    public void PatienceWithoutAValidationSet_IsRejected()
    {
        var trainer = new Trainer(new LinearRegression(1, 1), new Sgd(0.1)) { Patience = 2 };
        var ex = Assert.Throws<ArgumentException>(() => trainer.Train(Train));
        Assert.Contains("Patience is 2 but no validation set was given", ex.Message);
        Assert.Equal("validation", ex.ParamName);
    }
}
