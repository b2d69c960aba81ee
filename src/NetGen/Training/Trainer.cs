using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace NetGen;

/// <summary>
/// Trains a network by mini-batch gradient descent over epochs: every epoch visits the training rows in an order
/// drawn from (<see cref="Seed"/>, epoch), and for each batch takes one step of <see cref="INetwork.TrainStepBatch"/>
/// (which applies <see cref="Sgd"/>'s and <see cref="Adam"/>'s update while it computes the gradient, without
/// writing <see cref="INetwork.Gradients"/>), or, with <see cref="MaxGradientNorm"/>, zeroes the gradients, runs
/// <see cref="INetwork.BackwardBatch"/>, clips the gradients and lets the optimizer take a step. After every
/// epoch it measures the validation set; with <see cref="Patience"/> it stops early as Keras's <c>EarlyStopping</c> does.
/// </summary>
public sealed class Trainer
{
    private readonly int _maxEpochs = 10;
    private readonly int _batchSize = 32;
    private readonly int? _patience;
    private readonly double? _maxGradientNorm;
    private readonly int _threads = 1;

    /// <summary>Creates a trainer for <paramref name="network"/> updated by <paramref name="optimizer"/>.</summary>
    /// <exception cref="InvalidOperationException">The optimizer's state belongs to another network (see <see cref="Adam.Network"/>).</exception>
    public Trainer(INetwork network, IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        (optimizer as INetworkBound)?.BindTo(network);
        Network = network;
        Optimizer = optimizer;
    }

    /// <summary>The network being trained.</summary>
    public INetwork Network { get; }

    /// <summary>The optimizer that updates <see cref="INetwork.Parameters"/>; bound to <see cref="Network"/> from here on.</summary>
    public IOptimizer Optimizer { get; }

    /// <summary>The most passes over the training set (≥ 1; default 10); early stopping may end training sooner.</summary>
    public int MaxEpochs
    {
        get => _maxEpochs;
        init => _maxEpochs = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxEpochs), value, $"MaxEpochs must be at least 1; got {value}.");
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
    /// Early stopping: stops after this many epochs (≥ 1) without a lower validation loss, as Keras's
    /// <c>EarlyStopping(patience=…)</c>; null (the default) trains every epoch. Requires a validation set.
    /// </summary>
    public int? Patience
    {
        get => _patience;
        init => _patience = value is null or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Patience), value, $"Patience must be at least 1 (or null to train every epoch); got {value}.");
    }

    /// <summary>
    /// With early stopping (a validation set and <see cref="Patience"/>), whether the network ends training with the
    /// parameters of <see cref="TrainingHistory.BestEpoch"/>, whether it stopped early or ran every epoch, as Keras's
    /// <c>restore_best_weights</c>. Default true (Keras defaults to false; with Patience set the best epoch is almost
    /// always what is wanted). Without early stopping it has no effect: the network ends with its last parameters.
    /// After a divergence the best parameters so far are restored in every case.
    /// </summary>
    public bool RestoreBestParameters { get; init; } = true;

    /// <summary>
    /// The learning rate of each epoch, from the optimizer's learning rate at the start of <see cref="Train"/> (its base);
    /// null (the default) keeps it constant. The base rate is put back when training ends.
    /// </summary>
    public LearningRateSchedule? LearningRateSchedule { get; init; }

    /// <summary>
    /// Clips the gradients of every batch to this global 2-norm before the optimizer's step, as
    /// <c>torch.nn.utils.clip_grad_norm_(parameters, max_norm)</c>: g ← g·min(1, max / (‖g‖₂ + 1e-6)). Null (the default) does
    /// not clip. Clipping needs the whole gradient before the update, so with it every batch takes three passes
    /// (BackwardBatch, the clipping, the optimizer's Step) instead of the fused <see cref="INetwork.TrainStepBatch"/>.
    /// </summary>
    public double? MaxGradientNorm
    {
        get => _maxGradientNorm;
        init => _maxGradientNorm = value is null || (value > 0 && double.IsFinite(value.Value)) ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxGradientNorm), value, $"MaxGradientNorm must be a finite number > 0 (or null not to clip); got {value?.ToString(CultureInfo.InvariantCulture)}.");
    }

    /// <summary>
    /// The number of threads that compute each batch's gradient (≥ 1; default 1, the calling thread). With n &gt; 1
    /// every batch is split into n contiguous shares of rows; each thread gathers its share's rows and computes their
    /// gradient with a replica of the network that shares its parameters
    /// (<see cref="INetwork.CreateReplicaSharingParameters"/>, made by the first <see cref="Train"/> that needs it and
    /// kept with the network, for as long as the network lives, for later calls), and the shares' gradients are summed,
    /// weighted by their rows, always in the same order. The sum is split into slices of the parameters, one per
    /// thread, and with <see cref="Sgd"/> or <see cref="Adam"/> (any <see cref="IFusedOptimizer"/>) each thread applies
    /// the update to its slice as it sums it; another optimizer's <see cref="IOptimizer.Step"/> runs on the calling
    /// thread after the sum. The extra threads belong to a team that the first such <see cref="Train"/> starts and the
    /// process keeps for later calls (a call that finds the team in use by another call, or asks for more threads than
    /// the machine has cores, starts a team of its own and ends it when it returns); between batches they wait awake
    /// for up to a millisecond, yielding to other ready threads, so that the next batch finds them awake, then sleep,
    /// and a batch allocates nothing. So a fixed <see cref="Seed"/> and thread count train bit-identically however the
    /// threads are scheduled, and differ from one thread only by float rounding (the rows' gradients are summed in
    /// another order). More threads pay when a batch's gradient is substantial work — many rows of a network with many
    /// parameters (e.g. 784-128-10 in batches of 128 or more) — and not for small networks or batches, where handing
    /// out the work costs more than it saves. Needs a generated network (a hand-written <see cref="INetwork"/> must
    /// implement <see cref="INetwork.CreateReplicaSharingParameters"/>).
    /// </summary>
    public int Threads
    {
        get => _threads;
        init => _threads = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Threads), value, $"Threads must be at least 1; got {value}.");
    }

    /// <summary>Receives a report after every optimizer step, synchronously (for progress bars); null by default.</summary>
    public IProgress<BatchReport>? BatchProgress { get; init; }

    /// <summary>Trains <see cref="Network"/> on <paramref name="train"/>.</summary>
    /// <param name="train">The training rows.</param>
    /// <param name="validation">Rows measured after every epoch; required with <see cref="Patience"/>, whose early stopping watches their loss.</param>
    /// <param name="progress">Receives each epoch's report, synchronously, when the epoch ends.</param>
    /// <param name="cancellationToken">Checked before every batch; on cancellation the parameters stay as the last completed step left them.</param>
    /// <returns>The report of every epoch, the best epoch and whether training stopped early.</returns>
    /// <exception cref="ArgumentException">A dataset does not fit the network, or <see cref="Patience"/> is set without a validation set.</exception>
    /// <exception cref="InvalidOperationException">The optimizer is bound to another network, or the schedule gave a learning rate that is negative or not finite.</exception>
    /// <exception cref="NotSupportedException"><see cref="Threads"/> is more than 1 and the network cannot create replicas (<see cref="INetwork.CreateReplicaSharingParameters"/>).</exception>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite; the best parameters so far were restored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public TrainingHistory Train(Dataset train, Dataset? validation = null, IProgress<EpochReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        CheckArguments(train, validation);
        (Optimizer as INetworkBound)?.BindTo(Network);
        double baseLearningRate = Optimizer.LearningRate;
        try
        {
            return Run(train, validation, progress, baseLearningRate, cancellationToken);
        }
        finally
        {
            Optimizer.LearningRate = baseLearningRate;
        }
    }

    private TrainingHistory Run(Dataset train, Dataset? validation, IProgress<EpochReport>? progress, double baseLearningRate, CancellationToken cancellationToken)
    {
        using var run = new TrainingRun(Network, Optimizer, train, BatchSize, Seed, MaxGradientNorm, BatchProgress, Threads);
        var evaluator = validation is null ? null : new Evaluator(Network);
        var reports = new List<EpochReport>(Math.Min(MaxEpochs, 1024));
        int sinceBest = 0;
        bool stoppedEarly = false;
        for (int epoch = 1; epoch <= MaxEpochs; epoch++)
        {
            if (LearningRateSchedule is { } schedule)
            {
                Optimizer.LearningRate = ScheduledRate(schedule, epoch, baseLearningRate);
            }

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

            var report = new EpochReport(epoch, trainLoss, validationLoss, validationAccuracy, run.Elapsed, Optimizer.LearningRate);
            reports.Add(report);
            sinceBest = run.RecordEpoch(epoch, validationLoss ?? trainLoss) ? 0 : sinceBest + 1;
            progress?.Report(report);
            if (Patience is int patience && sinceBest >= patience && epoch < MaxEpochs)
            {
                stoppedEarly = true;
                break;
            }
        }

        bool restore = Patience is not null && RestoreBestParameters;
        if (restore)
        {
            run.RestoreBest();
        }

        return new TrainingHistory(reports, run.BestEpoch, stoppedEarly, restore);
    }

    private static double ScheduledRate(LearningRateSchedule schedule, int epoch, double baseLearningRate)
    {
        double rate = schedule.LearningRateAt(epoch - 1, baseLearningRate);
        return rate >= 0 && double.IsFinite(rate) ? rate
            : throw new InvalidOperationException(
                $"The learning-rate schedule gave {rate.ToString(CultureInfo.InvariantCulture)} for epoch {epoch} (index {epoch - 1}); a learning rate must be a finite number >= 0.");
    }

    private void CheckArguments(Dataset train, Dataset? validation)
    {
        ArgumentNullException.ThrowIfNull(train);
        NetworkGuard.CheckDataset(Network, train, nameof(train), "The training set");
        if (validation is not null)
        {
            NetworkGuard.CheckDataset(Network, validation, nameof(validation), "The validation set");
        }
        else if (Patience is not null)
        {
            throw new ArgumentException(
                $"Patience is {Patience} but no validation set was given; early stopping watches the validation loss. " +
                "Pass a validation set (e.g. from Dataset.Split) or leave Patience null.", nameof(validation));
        }
    }
}
