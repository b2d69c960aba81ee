using System;
using System.Collections.Generic;
using System.Threading;

namespace NetGen;

/// <summary>
/// Trains a network by mini-batch gradient descent over epochs: every epoch visits the training rows in an order
/// drawn from (<see cref="Seed"/>, epoch), and for each batch zeroes the gradients, runs
/// <see cref="INetwork.BackwardBatch"/> and lets the optimizer take a step. After every epoch it measures the
/// validation set, keeps the best parameters, and stops early when asked to.
/// </summary>
public sealed partial class Trainer
{
    private readonly int _epochs = 10;
    private readonly int _batchSize = 32;
    private readonly int? _patience;

    /// <summary>Creates a trainer for <paramref name="network"/> updated by <paramref name="optimizer"/>.</summary>
    public Trainer(INetwork network, IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        Network = network;
        Optimizer = optimizer;
    }

    /// <summary>The network being trained.</summary>
    public INetwork Network { get; }

    /// <summary>The optimizer that updates <see cref="INetwork.Parameters"/>.</summary>
    public IOptimizer Optimizer { get; }

    /// <summary>The number of passes over the training set (≥ 1; default 10).</summary>
    public int Epochs
    {
        get => _epochs;
        init => _epochs = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Epochs), value, $"Epochs must be at least 1; got {value}.");
    }

    /// <summary>The number of rows per batch (≥ 1; default 32). The last batch of an epoch may be smaller.</summary>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, $"BatchSize must be at least 1; got {value}.");
    }

    /// <summary>The seed of the row order of every epoch (default 0): the same seed trains the same way.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Stops after this many epochs (≥ 1) without a lower validation loss; null (the default) trains every epoch.
    /// Requires a validation set.
    /// </summary>
    public int? Patience
    {
        get => _patience;
        init => _patience = value is null or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Patience), value, $"Patience must be at least 1 (or null to train every epoch); got {value}.");
    }

    /// <summary>
    /// When true (the default), the network ends training with the parameters of <see cref="TrainingHistory.BestEpoch"/>,
    /// whether it stopped early or ran every epoch. After a divergence the best parameters are always restored.
    /// </summary>
    public bool RestoreBestParameters { get; init; } = true;

    /// <summary>Receives a report after every optimizer step, synchronously (for progress bars); null by default.</summary>
    public IProgress<BatchReport>? BatchProgress { get; init; }

    /// <summary>Trains <see cref="Network"/> on <paramref name="train"/>.</summary>
    /// <param name="train">The training rows.</param>
    /// <param name="validation">Rows measured after every epoch to choose the best parameters; required with <see cref="Patience"/>.</param>
    /// <param name="progress">Receives each epoch's report, synchronously, when the epoch ends.</param>
    /// <param name="cancellationToken">Checked before every batch; on cancellation the parameters stay as the last completed step left them.</param>
    /// <returns>The report of every epoch, the best epoch and whether training stopped early.</returns>
    /// <exception cref="ArgumentException">A dataset does not fit the network, or <see cref="Patience"/> is set without a validation set.</exception>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite; the best parameters so far were restored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public TrainingHistory Train(Dataset train, Dataset? validation = null, IProgress<EpochReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        CheckArguments(train, validation);
        var run = new TrainingRun(Network, Optimizer, train, BatchSize, Seed, BatchProgress);
        var evaluator = validation is null ? null : new Evaluator(Network);
        var reports = new List<EpochReport>(Math.Min(Epochs, 1024));
        int sinceBest = 0;
        bool stoppedEarly = false;
        for (int epoch = 1; epoch <= Epochs; epoch++)
        {
            double trainLoss = run.TrainEpoch(epoch, cancellationToken);
            double? validationLoss = null, validationAccuracy = null;
            if (evaluator is not null)
            {
                var (loss, accuracy) = evaluator.Measure(validation!);
                if (!double.IsFinite(loss))
                {
                    throw run.Diverged(epoch, batch: null, loss);
                }

                validationLoss = loss;
                validationAccuracy = double.IsNaN(accuracy) ? null : accuracy;
            }

            var report = new EpochReport(epoch, trainLoss, validationLoss, validationAccuracy, run.Elapsed);
            reports.Add(report);
            sinceBest = run.RecordEpoch(epoch, validationLoss ?? trainLoss) ? 0 : sinceBest + 1;
            progress?.Report(report);
            if (Patience is int patience && sinceBest >= patience && epoch < Epochs)
            {
                stoppedEarly = true;
                break;
            }
        }

        if (RestoreBestParameters)
        {
            run.RestoreBest();
        }

        return new TrainingHistory(reports, run.BestEpoch, stoppedEarly);
    }

    private void CheckArguments(Dataset train, Dataset? validation)
    {
        ArgumentNullException.ThrowIfNull(train);
        NetworkGuard.CheckDataset(Network, train, nameof(train));
        if (validation is not null)
        {
            NetworkGuard.CheckDataset(Network, validation, nameof(validation));
        }
        else if (Patience is not null)
        {
            throw new ArgumentException(
                $"Patience is {Patience} but no validation set was given; early stopping watches the validation loss. " +
                "Pass a validation set (e.g. from Dataset.Split) or leave Patience null.", nameof(validation));
        }
    }
}
