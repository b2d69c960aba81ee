using System.Collections.Generic;

namespace NetGen;

/// <summary>The outcome of <see cref="Trainer.Train"/>.</summary>
/// <param name="Epochs">The report of every epoch that ran, in order (at most <see cref="Trainer.MaxEpochs"/>).</param>
/// <param name="BestEpoch">The epoch (from 1) with the lowest validation loss, or the lowest training loss without a validation set.</param>
/// <param name="StoppedEarly">Whether training stopped before <see cref="Trainer.MaxEpochs"/> because the validation loss stopped improving.</param>
/// <param name="RestoredBestEpoch">Whether the network ended with the parameters of <paramref name="BestEpoch"/> (early stopping with <see cref="Trainer.RestoreBestParameters"/>) rather than those of the last epoch.</param>
public sealed record TrainingHistory(IReadOnlyList<EpochReport> Epochs, int BestEpoch, bool StoppedEarly, bool RestoredBestEpoch);
