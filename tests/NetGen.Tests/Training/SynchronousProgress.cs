using System;
using NetGen;

namespace NetGen.Tests.Training;

/// <summary>An <see cref="IProgress{T}"/> that runs its callback at once on the training thread (Progress&lt;T&gt; posts it).</summary>
internal sealed class SynchronousProgress<T>(Action<T> onReport) : IProgress<T>
{
    public void Report(T value) => onReport(value);
}

/// <summary>The epoch-report form the trainer tests use most.</summary>
internal sealed class SynchronousProgress(Action<EpochReport> onReport) : IProgress<EpochReport>
{
    public void Report(EpochReport value) => onReport(value);
}
