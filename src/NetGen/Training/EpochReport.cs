using System;

namespace NetGen;

/// <summary>What one epoch of <see cref="Trainer.Train"/> achieved.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="TrainLoss">The mean over the training rows of the loss each batch returned while it was trained.</param>
/// <param name="ValidationLoss">The mean loss on the validation set after the epoch, or null without a validation set.</param>
/// <param name="ValidationAccuracy">The accuracy on the validation set for a classifier (see <see cref="Evaluation.Accuracy"/>), else null.</param>
/// <param name="Elapsed">The time since training started.</param>
/// <param name="LearningRate">The optimizer's learning rate during the epoch (see <see cref="Trainer.LearningRateSchedule"/>).</param>
public sealed record EpochReport(int Epoch, double TrainLoss, double? ValidationLoss, double? ValidationAccuracy, TimeSpan Elapsed, double LearningRate);
