using System;

namespace NetGen;

/// <summary>
/// The learning rate of each epoch, as a <c>torch.optim.lr_scheduler</c> that is stepped once per epoch computes it
/// from the optimizer's initial (base) learning rate. Epochs count from 0 here, as PyTorch's <c>last_epoch</c>: the
/// <see cref="Trainer"/>'s epoch 1 uses <c>LearningRateAt(0, base)</c>. Set on <see cref="Trainer.LearningRateSchedule"/>.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate for <paramref name="epoch"/> (from 0) when the optimizer started at <paramref name="baseLearningRate"/>.</summary>
    public abstract double LearningRateAt(int epoch, double baseLearningRate);

    /// <summary>
    /// <c>StepLR</c>: η = η₀·γ^⌊epoch / <paramref name="stepSize"/>⌋, the rate multiplied by <paramref name="gamma"/> every
    /// <paramref name="stepSize"/> epochs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepSize"/> &lt; 1, or <paramref name="gamma"/> not in (0, 1].</exception>
    public static LearningRateSchedule Step(int stepSize, double gamma = 0.1)
    {
        ScheduleGuard.Positive(stepSize, nameof(stepSize));
        ScheduleGuard.Factor(gamma, nameof(gamma));
        return new FunctionSchedule((epoch, rate) => rate * Math.Pow(gamma, epoch / stepSize));
    }

    /// <summary><c>ExponentialLR</c>: η = η₀·γ^epoch.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is not in (0, 1].</exception>
    public static LearningRateSchedule Exponential(double gamma)
    {
        ScheduleGuard.Factor(gamma, nameof(gamma));
        return new FunctionSchedule((epoch, rate) => rate * Math.Pow(gamma, epoch));
    }

    /// <summary>
    /// <c>LinearLR</c> as a warm-up: η = η₀·(s + (1 − s)·min(epoch, <paramref name="epochs"/>) / <paramref name="epochs"/>),
    /// rising from <paramref name="startFactor"/>·η₀ to η₀ over <paramref name="epochs"/> epochs, then constant.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> &lt; 1, or <paramref name="startFactor"/> not in (0, 1].</exception>
    public static LearningRateSchedule LinearWarmup(int epochs, double startFactor = 1.0 / 3)
    {
        ScheduleGuard.Positive(epochs, nameof(epochs));
        ScheduleGuard.Factor(startFactor, nameof(startFactor));
        return new FunctionSchedule((epoch, rate) => rate * WarmupFactor(epoch, epochs, startFactor));
    }

    /// <summary>
    /// Cosine annealing to <paramref name="minimumLearningRate"/> over <paramref name="epochs"/> epochs, after an optional
    /// linear warm-up, as PyTorch's <c>SequentialLR([LinearLR(startFactor, 1, warmupEpochs), CosineAnnealingLR(T_max, η_min)],
    /// milestones=[warmupEpochs])</c> with T_max = <paramref name="epochs"/> − <paramref name="warmupEpochs"/>: during the
    /// warm-up as <see cref="LinearWarmup"/>, then η = η_min + (η₀ − η_min)·(1 + cos(π·e / T_max)) / 2 with e the epochs since
    /// the warm-up. As in PyTorch the cosine rises again past T_max, so train for <paramref name="epochs"/> epochs.
    /// </summary>
    /// <param name="epochs">The epochs of the whole schedule, warm-up included (&gt; <paramref name="warmupEpochs"/>).</param>
    /// <param name="minimumLearningRate">The rate η_min at the end of the cosine (≥ 0).</param>
    /// <param name="warmupEpochs">The epochs of linear warm-up before the cosine (≥ 0; 0 for none).</param>
    /// <param name="warmupStartFactor">The fraction of η₀ the warm-up starts from, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static LearningRateSchedule Cosine(int epochs, double minimumLearningRate = 0, int warmupEpochs = 0, double warmupStartFactor = 1.0 / 3)
    {
        ScheduleGuard.NonNegative(warmupEpochs, nameof(warmupEpochs));
        if (epochs <= warmupEpochs)
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs,
                $"epochs ({epochs}) must be more than warmupEpochs ({warmupEpochs}), so that the cosine has at least one epoch.");
        }

        ScheduleGuard.NonNegative(minimumLearningRate, nameof(minimumLearningRate));
        ScheduleGuard.Factor(warmupStartFactor, nameof(warmupStartFactor));
        int cosineEpochs = epochs - warmupEpochs;
        return new FunctionSchedule((epoch, rate) => epoch < warmupEpochs
            ? rate * WarmupFactor(epoch, warmupEpochs, warmupStartFactor)
            : minimumLearningRate + ((rate - minimumLearningRate) * (1 + Math.Cos(Math.PI * (epoch - warmupEpochs) / cosineEpochs)) / 2));
    }

    /// <summary>
    /// <c>LambdaLR</c>: η = η₀·<paramref name="factor"/>(epoch), for any schedule a function can say.
    /// </summary>
    /// <param name="factor">The multiple of the base learning rate for an epoch (from 0); must return a finite value ≥ 0.</param>
    public static LearningRateSchedule Lambda(Func<int, double> factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        return new FunctionSchedule((epoch, rate) => rate * factor(epoch));
    }

    private static double WarmupFactor(int epoch, int epochs, double startFactor) =>
        startFactor + ((1 - startFactor) * Math.Min(epoch, epochs) / epochs);

    /// <summary>A schedule given by a function of the epoch and the base rate.</summary>
    private sealed class FunctionSchedule(Func<int, double, double> rate) : LearningRateSchedule
    {
        public override double LearningRateAt(int epoch, double baseLearningRate) => rate(epoch, baseLearningRate);
    }
}
