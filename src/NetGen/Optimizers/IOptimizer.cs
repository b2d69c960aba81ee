using System;

namespace NetGen;

/// <summary>
/// Updates parameters from their gradients, one step at a time. Implementations keep per-parameter state
/// (momentum, moment estimates) sized on the first <see cref="Step"/>; that state belongs to one parameter block.
/// </summary>
public interface IOptimizer
{
    /// <summary>
    /// The step size η used by the next <see cref="Step"/> (≥ 0). A <see cref="Trainer"/> with a
    /// <see cref="Trainer.LearningRateSchedule"/> sets it before every epoch and puts it back after training.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is negative or not finite.</exception>
    double LearningRate { get; set; }

    /// <summary>Applies one update to <paramref name="parameters"/> from <paramref name="gradients"/> of the same length.</summary>
    /// <exception cref="ArgumentException">
    /// The lengths differ, or the parameters are not the block the optimizer's state belongs to (another network's, or
    /// another length than the first step's) since the last <see cref="Reset"/>.
    /// </exception>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradients);

    /// <summary>
    /// Forgets all state — momentum buffers, moment estimates, the step count and the network or parameter length the
    /// state belonged to — as if no step had been taken, so the optimizer can start over on any parameters. The
    /// hyperparameters (learning rate, betas, …) stay.
    /// </summary>
    void Reset();
}
