using System;
using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>
/// A generated network's one-row forward pass, passed as a struct type argument to
/// <see cref="ColumnKernels.ForwardBatch{TRows}"/> so that the JIT specialises the batch loop per network and inlines
/// the call: the rows too few for a panel, and every row where no panel fits, run through it. Generator-facing: not
/// meant to be implemented or called by users.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRowForward
{
    /// <summary>Runs every layer of the network for one row.</summary>
    /// <param name="parameters">The network's parameters.</param>
    /// <param name="input">One row of inputs.</param>
    /// <param name="output">Where the row's outputs go.</param>
    void Forward(float[] parameters, ReadOnlySpan<float> input, Span<float> output);
}
