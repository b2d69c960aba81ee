using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NetGen;
using NetGen.Tests.Training.TestNetworks;
using static NetGen.Tests.Training.LineData;

namespace NetGen.Tests.Training;

public class TrainerTests
{
    /// <summary>Rows x ∈ [−1, 1]³ with targets 2x₀ − x₁ + 0.5x₂ + 1 (no noise).</summary>
    private static Dataset LinearData(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows * 3];
        var y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < 3; i++)
            {
                x[r * 3 + i] = (float)(random.NextDouble() * 2 - 1);
            }

            y[r] = 2 * x[r * 3] - x[r * 3 + 1] + 0.5f * x[r * 3 + 2] + 1;
        }

        return new Dataset(x, y, 3, 1);
    }

    [Fact]
    public void BatchProgress_ReportsEveryStepWithItsLoss()
    {
        var data = LinearData(50, seed: 4);
        var network = new InstrumentedNetwork(new LinearRegression(3, 1));
        var reports = new List<BatchReport>();
        var losses = new List<float>();
        var trainer = new Trainer(network, new Sgd(0.05f))
        {
            MaxEpochs = 2,
            BatchSize = 16,
            BatchProgress = new SynchronousProgress<BatchReport>(reports.Add),
        };

        trainer.Train(data, progress: new SynchronousProgress(epoch => losses.Add((float)epoch.TrainLoss)));

        // 50 rows in batches of 16: 4 batches per epoch, the last of 2 rows.
        Assert.Equal(8, reports.Count);
        Assert.Equal(network.BackwardBatchCalls, reports.Count);
        Assert.All(reports, r => Assert.Equal(4, r.BatchCount));
        Assert.Equal([1, 2, 3, 4, 1, 2, 3, 4], reports.Select(r => r.Batch));
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2], reports.Select(r => r.Epoch));
        var firstEpoch = reports.Take(4).ToArray();
        var weighted = ((firstEpoch[0].Loss + firstEpoch[1].Loss + firstEpoch[2].Loss) * 16 + (firstEpoch[3].Loss * 2)) / 50;
        Assert.Equal(losses[0], weighted, 1e-4f);
    }

    [Fact]
    public void Train_ConvergesOnLinearRegression()
    {
        var network = new LinearRegression(3, 1);
        var (train, validation) = LinearData(400, seed: 1).Split(0.25, seed: 1);
        var trainer = new Trainer(network, new Sgd(0.1f, momentum: 0.9f)) { MaxEpochs = 40, BatchSize = 16 };

        var history = trainer.Train(train, validation);

        Assert.Equal(40, history.Epochs.Count);
        Assert.Equal(Enumerable.Range(1, 40), history.Epochs.Select(e => e.Epoch));
        Assert.True(history.Epochs[0].TrainLoss > 0.1, $"first epoch loss {history.Epochs[0].TrainLoss}");
        Assert.True(history.Epochs[^1].ValidationLoss < 1e-6, $"validation loss {history.Epochs[^1].ValidationLoss}");
        Assert.All(history.Epochs, e => Assert.Null(e.ValidationAccuracy));   // MSE: no accuracy
        Assert.All(history.Epochs.Zip(history.Epochs.Skip(1)), pair => Assert.True(pair.Second.Elapsed >= pair.First.Elapsed));
        Assert.True(history.Epochs[0].Elapsed > TimeSpan.Zero);
        Assert.False(history.StoppedEarly);
        Assert.Equal(new[] { 2f, -1f, 0.5f, 1f }, network.Parameters.ToArray(), (a, b) => Math.Abs(a - b) < 1e-3);
        Assert.True(Metrics.Evaluate(network, validation).Loss < 1e-6);
    }

    [Fact]
    public void Train_ClassifiesWithSoftmaxAndReportsAccuracy()
    {
        // Three clusters around (2, 0), (−2, 0), (0, 2).
        var random = new Random(5);
        var centres = new[] { (2f, 0f), (-2f, 0f), (0f, 2f) };
        var labels = Enumerable.Range(0, 300).Select(i => i % 3).ToArray();
        var x = labels.SelectMany(l => new[] { centres[l].Item1 + (float)(random.NextDouble() - 0.5), centres[l].Item2 + (float)(random.NextDouble() - 0.5) }).ToArray();
        var (train, validation) = new Dataset(x, Dataset.OneHot(labels, 3), 2, 3).Split(0.2, seed: 3);
        var trainer = new Trainer(new SoftmaxRegression(2, 3), new Adam(0.05f)) { MaxEpochs = 30 };

        var history = trainer.Train(train, validation);

        Assert.Equal(1.0, history.Epochs[^1].ValidationAccuracy);
        Assert.True(history.Epochs[^1].ValidationLoss < history.Epochs[0].ValidationLoss);
    }

    [Fact]
    public void Train_ClassifiesWithLogisticRegressionAndReportsAccuracy()
    {
        // Two independent binary outputs: x₀ > 0 and x₀ + x₁ > 0.
        var random = new Random(11);
        var x = new float[400 * 2];
        var t = new float[400 * 2];
        for (int r = 0; r < 400; r++)
        {
            float a = (float)(random.NextDouble() * 2 - 1), b = (float)(random.NextDouble() * 2 - 1);
            (x[2 * r], x[2 * r + 1]) = (a, b);
            (t[2 * r], t[2 * r + 1]) = (a > 0 ? 1 : 0, a + b > 0 ? 1 : 0);
        }

        var (train, validation) = new Dataset(x, t, 2, 2).Split(0.25, seed: 2);
        var history = new Trainer(new LogisticRegression(2, 2), new Adam(0.1f)) { MaxEpochs = 40 }.Train(train, validation);

        Assert.All(history.Epochs, e => Assert.InRange(e.ValidationAccuracy!.Value, 0, 1));
        Assert.True(history.Epochs[^1].ValidationAccuracy > 0.95, $"accuracy {history.Epochs[^1].ValidationAccuracy}");
    }

    [Fact]
    public void TrainLoss_IsTheMeanOverRows()
    {
        // A learning rate of 0 keeps the parameters, so the epoch's train loss must equal the evaluated loss,
        // even with a last batch smaller than the others (10 rows, batches of 4, 4, 2).
        var network = new LinearRegression(3, 1);
        network.InitializeParameters(3);
        var data = LinearData(10, seed: 2);
        var history = new Trainer(network, new Sgd(0f)) { MaxEpochs = 1, BatchSize = 4 }.Train(data);
        Assert.Equal(Metrics.Evaluate(network, data).Loss, history.Epochs[0].TrainLoss, 1e-6);
    }

    [Fact]
    public void Train_IsDeterministicForASeed()
    {
        float[] TrainWith(int seed)
        {
            var network = new LinearRegression(3, 1);
            new Trainer(network, new Sgd(0.05f)) { MaxEpochs = 3, BatchSize = 8, Seed = seed }.Train(LinearData(50, seed: 4));
            return network.Parameters.ToArray();
        }

        Assert.Equal(TrainWith(1), TrainWith(1));
        Assert.NotEqual(TrainWith(1), TrainWith(2));
    }

    [Fact]
    public void Cancellation_StopsBetweenBatches()
    {
        // 5 batches of 8 make one epoch; cancel after the 5th call of a 3-epoch run, i.e. at the end of epoch 1.
        using var cts = new CancellationTokenSource();
        var data = LinearData(40, seed: 6);
        var network = new InstrumentedNetwork(new LinearRegression(3, 1)) { AfterBackwardBatch = call => { if (call == 5) cts.Cancel(); } };
        var trainer = new Trainer(network, new Sgd(0.05f)) { MaxEpochs = 3, BatchSize = 8 };
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Train(data, cancellationToken: cts.Token));
        Assert.Equal(5, network.BackwardBatchCalls);

        // The parameters are those after the 5th step: the same as a run of exactly one epoch.
        var reference = new LinearRegression(3, 1);
        new Trainer(reference, new Sgd(0.05f)) { MaxEpochs = 1, BatchSize = 8, RestoreBestParameters = false }.Train(data);
        Assert.Equal(reference.Parameters.ToArray(), network.Parameters.ToArray());

        // Mid-epoch too: cancel after call 3.
        using var cts2 = new CancellationTokenSource();
        var network2 = new InstrumentedNetwork(new LinearRegression(3, 1)) { AfterBackwardBatch = call => { if (call == 3) cts2.Cancel(); } };
        Assert.ThrowsAny<OperationCanceledException>(() => new Trainer(network2, new Sgd(0.05f)) { BatchSize = 8 }.Train(data, cancellationToken: cts2.Token));
        Assert.Equal(3, network2.BackwardBatchCalls);
    }

    [Fact]
    public void NaNLoss_ThrowsDivergedAndRestoresTheBestParameters()
    {
        // 4 batches per epoch; call 10 is epoch 3, batch 2.
        var inner = new LinearRegression(3, 1);
        var network = new InstrumentedNetwork(inner) { NaNAtCall = 10 };
        var snapshots = new Dictionary<int, float[]>();
        var progress = new SynchronousProgress(r => snapshots[r.Epoch] = network.Parameters.ToArray());
        var trainer = new Trainer(network, new Sgd(0.1f)) { MaxEpochs = 5, BatchSize = 10 };

        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.Train(LinearData(40, seed: 7), progress: progress));

        Assert.Equal(3, ex.Epoch);
        Assert.Equal(2, ex.Batch);
        Assert.True(double.IsNaN(ex.Loss));
        Assert.Equal(2, ex.RestoredEpoch);
        Assert.Contains("epoch 3, batch 2", ex.Message);
        Assert.Contains("NaN", ex.Message);
        Assert.Contains("the learning rate 0.1 of Sgd may be too high: try 0.01", ex.Message);
        Assert.Single(ex.LikelyCauses);   // scaled inputs, targets a mean squared error takes: only the learning rate is left
        Assert.Equal(10, network.BackwardBatchCalls);
        Assert.Equal(snapshots[2], network.Parameters.ToArray());
    }

    [Fact]
    public void NaNValidationLoss_ThrowsDivergedWithoutABatch()
    {
        // A validation input this large makes an output beyond float range (w = 2): an infinite validation loss.
        var network = new LinearRegression(1, 1);
        network.Parameters[0] = 2f;
        var validation = new Dataset([float.MaxValue], [0f], 1, 1);

        var ex = Assert.Throws<TrainingDivergedException>(() => new Trainer(network, new Sgd(0f)).Train(Line(8, 1f), validation));

        Assert.Null(ex.Batch);
        Assert.Equal(1, ex.Epoch);
        Assert.Contains("epoch 1, on the validation set", ex.Message);
    }

    [Fact]
    public void NaNLoss_InTheFirstEpoch_RestoresTheInitialParameters()
    {
        var inner = new LinearRegression(3, 1);
        inner.InitializeParameters(9);
        var initial = inner.Parameters.ToArray();
        var network = new InstrumentedNetwork(inner) { NaNAtCall = 3 };

        var ex = Assert.Throws<TrainingDivergedException>(() => new Trainer(network, new Sgd(0.1f)) { BatchSize = 10 }.Train(LinearData(40, seed: 7)));

        Assert.Equal(0, ex.RestoredEpoch);
        Assert.Contains("parameters from before training were restored", ex.Message);
        Assert.Equal(initial, inner.Parameters.ToArray());
    }

    [Fact]
    public void Train_AllocatesNothingPerBatch()
    {
        var network = new LinearRegression(3, 1);
        var (train, validation) = LinearData(512, seed: 8).Split(0.25, seed: 0);
        Trainer Make(int epochs) => new(network, new Adam()) { MaxEpochs = epochs, BatchSize = 8 };
        Make(2).Train(train, validation);   // warm-up: JIT, optimizer state sizing
        Make(2).Train(train, validation);

        // The least of three rounds each: a method promoted to tier 1 mid-round allocates once, not every round.
        long one = Allocations.LeastPerRound(() => Make(1).Train(train, validation));
        long eleven = Allocations.LeastPerRound(() => Make(11).Train(train, validation));

        // 10 more epochs of 48 batches each (480 batches): only the 10 epoch reports and the history list may differ.
        Console.WriteLine($"Train allocations: 1 epoch {one} bytes, 11 epochs {eleven} bytes");
        Assert.True(eleven - one < 2048, $"1 epoch: {one} bytes, 11 epochs: {eleven} bytes");
    }

    [Fact]
    public void Train_RejectsDatasetsThatDoNotFitTheNetwork()
    {
        var trainer = new Trainer(new LinearRegression(3, 1), new Sgd(0.1f));
        var ex = Assert.Throws<ArgumentException>(() => trainer.Train(Line(10, 1f)));
        Assert.Contains("The training set has 1 features per row but the network LinearRegression has InputSize 3", ex.Message);
        var targets = Assert.Throws<ArgumentException>(() => trainer.Train(LinearData(10, 0), new Dataset(new float[6], new float[4], 3, 2)));
        Assert.Contains("The validation set has 2 targets per row", targets.Message);
        Assert.Contains("OutputSize 1", targets.Message);
    }

    [Fact]
    public void InvalidSettings_AreRejected()
    {
        var network = new LinearRegression(3, 1);
        var patience = Assert.Throws<ArgumentException>(() => new Trainer(network, new Sgd(0.1f)) { Patience = 2 }.Train(LinearData(10, 0)));
        Assert.Contains("no validation set", patience.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(network, new Sgd(0.1f)) { MaxEpochs = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(network, new Sgd(0.1f)) { BatchSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(network, new Sgd(0.1f)) { Patience = 0 });
    }
}
