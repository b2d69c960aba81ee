using System;
using System.Globalization;

namespace NetGen;

/// <summary>
/// Training produced a NaN or infinite loss. The network holds the best parameters seen before (or its parameters
/// from before training when no epoch completed).
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a loss seen in <paramref name="epoch"/> at <paramref name="batch"/> (null: the validation set).</summary>
    public TrainingDivergedException(int epoch, int? batch, double loss, int restoredEpoch)
        : base(Describe(epoch, batch, loss, restoredEpoch))
    {
        Epoch = epoch;
        Batch = batch;
        Loss = loss;
        RestoredEpoch = restoredEpoch;
    }

    /// <summary>The epoch (from 1) in which the loss diverged.</summary>
    public int Epoch { get; }

    /// <summary>The batch (from 1) within the epoch, or null if the validation loss diverged.</summary>
    public int? Batch { get; }

    /// <summary>The non-finite loss.</summary>
    public double Loss { get; }

    /// <summary>The epoch whose parameters the network now holds, or 0 for the parameters from before training.</summary>
    public int RestoredEpoch { get; }

    private static string Describe(int epoch, int? batch, double loss, int restoredEpoch)
    {
        string where = batch is int b ? $"epoch {epoch}, batch {b}" : $"epoch {epoch}, on the validation set";
        string restored = restoredEpoch == 0
            ? "the parameters from before training were restored"
            : $"the parameters of epoch {restoredEpoch} (the best so far) were restored";
        return $"Training diverged in {where}: the loss is {loss.ToString(CultureInfo.InvariantCulture)}; {restored}. " +
               "Try a lower learning rate, and check that inputs are scaled to a small range.";
    }
}
