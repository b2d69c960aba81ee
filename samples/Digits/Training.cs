using System.Globalization;
using NetGen;
using Spectre.Console;

namespace NetGen.Samples.Digits;

/// <summary>
/// Runs a <see cref="Trainer"/> with a progress display: in a terminal one Spectre.Console bar per epoch, filled batch
/// by batch; with the output redirected to a file or a pipe one plain line per epoch, so logs stay readable.
/// </summary>
public static class Training
{
    /// <param name="title">What is trained, printed first.</param>
    /// <param name="train">The training rows.</param>
    /// <param name="validation">The rows measured after every epoch (early stopping watches them).</param>
    /// <param name="makeTrainer">Builds the trainer, given the batch progress to report to (null when there are no bars).</param>
    public static TrainingHistory Run(string title, Dataset train, Dataset validation, Func<IProgress<BatchReport>?, Trainer> makeTrainer)
    {
        bool bars = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        var history = bars ? RunWithBars(train, validation, makeTrainer) : RunWithLines(train, validation, makeTrainer);
        if (bars)
        {
            var table = new Table().AddColumns("epoch", "training loss", "validation loss", "validation accuracy", "elapsed");
            foreach (var report in history.Epochs)
            {
                table.AddRow(
                    report.Epoch == history.BestEpoch ? $"{report.Epoch} (best)" : $"{report.Epoch}",
                    $"{report.TrainLoss:F4}", $"{report.ValidationLoss:F4}", $"{report.ValidationAccuracy:P2}", $"{report.Elapsed.TotalSeconds:F1} s");
            }

            AnsiConsole.Write(table);
        }

        return history;
    }

    private static TrainingHistory RunWithLines(Dataset train, Dataset validation, Func<IProgress<BatchReport>?, Trainer> makeTrainer)
    {
        var trainer = makeTrainer(null);
        return trainer.Train(train, validation, new Callback<EpochReport>(report => Console.WriteLine(Describe(report))));
    }

    private static TrainingHistory RunWithBars(Dataset train, Dataset validation, Func<IProgress<BatchReport>?, Trainer> makeTrainer)
    {
        TrainingHistory? history = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask? current = null;
                var trainer = makeTrainer(new Callback<BatchReport>(batch =>
                {
                    current ??= context.AddTask($"epoch {batch.Epoch,3}", maxValue: batch.BatchCount);
                    current.Increment(1);
                }));
                history = trainer.Train(train, validation, new Callback<EpochReport>(report =>
                {
                    current!.Description = Markup.Escape(Describe(report));
                    current.Value = current.MaxValue;
                    current.StopTask();
                    current = null;
                }));
            });
        return history!;
    }

    private static string Describe(EpochReport report) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {report.Epoch,3}  train {report.TrainLoss:F4}  validation {report.ValidationLoss:F4}  accuracy {report.ValidationAccuracy:P1}  ({report.Elapsed.TotalSeconds:F1} s)");

    /// <summary>An <see cref="IProgress{T}"/> that calls back synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Callback<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}
