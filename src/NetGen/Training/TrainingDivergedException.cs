using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen;

/// <summary>
/// Training produced a NaN or infinite loss. The network holds the best parameters seen before (or its parameters
/// from before training when no epoch completed), and the message lists the likely causes, most likely first.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a loss seen in <paramref name="epoch"/> at <paramref name="batch"/> (null: the validation set).</summary>
    /// <param name="epoch">The epoch (from 1) in which the loss diverged.</param>
    /// <param name="batch">The batch (from 1) within the epoch, or null for the validation set.</param>
    /// <param name="loss">The non-finite loss.</param>
    /// <param name="restoredEpoch">The epoch whose parameters the network now holds, 0 for those from before training.</param>
    /// <param name="likelyCauses">What probably went wrong, most likely first; null or empty for none known.</param>
    public TrainingDivergedException(int epoch, int? batch, double loss, int restoredEpoch, IReadOnlyList<string>? likelyCauses = null)
        : base(Describe(epoch, batch, loss, restoredEpoch, likelyCauses ?? []))
    {
        Epoch = epoch;
        Batch = batch;
        Loss = loss;
        RestoredEpoch = restoredEpoch;
        LikelyCauses = likelyCauses ?? [];
    }

    /// <summary>The epoch (from 1) in which the loss diverged.</summary>
    public int Epoch { get; }

    /// <summary>The batch (from 1) within the epoch, or null if the validation loss diverged.</summary>
    public int? Batch { get; }

    /// <summary>The non-finite loss.</summary>
    public double Loss { get; }

    /// <summary>The epoch whose parameters the network now holds, or 0 for the parameters from before training.</summary>
    public int RestoredEpoch { get; }

    /// <summary>What probably went wrong, most likely first: what NetGen measured on the network and the data, then the learning rate.</summary>
    public IReadOnlyList<string> LikelyCauses { get; }

    private static string Describe(int epoch, int? batch, double loss, int restoredEpoch, IReadOnlyList<string> causes)
    {
        string where = batch is int b ? $"epoch {epoch}, batch {b}" : $"epoch {epoch}, on the validation set";
        string restored = restoredEpoch == 0
            ? "the parameters from before training were restored"
            : $"the parameters of epoch {restoredEpoch} (the best so far) were restored";
        string message = $"Training diverged in {where}: the loss is {loss.ToString(CultureInfo.InvariantCulture)}; {restored}.";
        return causes.Count == 0
            ? message
            : message + " Likely causes, most likely first: " + string.Join("; ", causes.Select((c, i) => $"({i + 1}) {c}")) + ".";
    }
}
