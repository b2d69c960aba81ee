namespace NetGen;

/// <summary>One trained batch of <see cref="Trainer.Train"/>; a value type, so reporting it allocates nothing.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Batch">The batch within the epoch, from 1.</param>
/// <param name="BatchCount">The number of batches in each epoch.</param>
/// <param name="Loss">The batch's mean loss, as <see cref="INetwork.BackwardBatch"/> returned it.</param>
public readonly record struct BatchReport(int Epoch, int Batch, int BatchCount, float Loss);
