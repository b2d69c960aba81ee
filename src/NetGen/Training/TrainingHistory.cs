using System.Collections.Generic;

namespace NetGen;

/// <summary>The outcome of <see cref="Trainer.Train"/>.</summary>
/// <param name="Epochs">The report of every epoch that ran, in order.</param>
/// <param name="BestEpoch">The epoch (from 1) with the lowest validation loss, or the lowest training loss without a validation set.</param>
/// <param name="StoppedEarly">Whether training stopped before the last epoch because the monitored loss stopped improving.</param>
public sealed record TrainingHistory(IReadOnlyList<EpochReport> Epochs, int BestEpoch, bool StoppedEarly);
