using System;

namespace NetGen;

/// <summary>
/// Updates parameters from their gradients, one step at a time. Implementations keep per-parameter state
/// (momentum, moment estimates) sized on the first <see cref="Step"/>.
/// </summary>
public interface IOptimizer
{
    /// <summary>Applies one update to <paramref name="parameters"/> from <paramref name="gradients"/> of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or differ from the length of the first step since the last <see cref="Reset"/>.</exception>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradients);

    /// <summary>Forgets all state (momentum buffers, moment estimates, step count), as if no step had been taken.</summary>
    void Reset();
}
