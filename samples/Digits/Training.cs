using NetGen;
using Spectre.Console;

namespace NetGen.Samples.Digits;

/// <summary>Runs a <see cref="Trainer"/> under a Spectre.Console progress display: one bar per epoch, filled batch by batch.</summary>
public static class Training
{
    public static TrainingHistory Run(string title, INetwork network, Trainer settings, IOptimizer optimizer, Dataset train, Dataset validation)
    {
        int batchesPerEpoch = (train.Count + settings.BatchSize - 1) / settings.BatchSize;
        TrainingHistory? history = null;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask? current = null;
                int epoch = 1;
                void NewEpoch() => current = context.AddTask($"epoch {epoch,3}", maxValue: batchesPerEpoch);
                NewEpoch();
                var trainer = new Trainer(network, optimizer)
                {
                    BatchProgress = new Callback<BatchReport>(_ => current!.Increment(1)),
                    Epochs = settings.Epochs,
                    BatchSize = settings.BatchSize,
                    Seed = settings.Seed,
                    Patience = settings.Patience,
                    RestoreBestParameters = settings.RestoreBestParameters,
                };
                var progress = new Callback<EpochReport>(report =>
                {
                    current!.Description = $"epoch {report.Epoch,3}  train {report.TrainLoss:F4}  validation {report.ValidationLoss:F4}  accuracy {report.ValidationAccuracy:P1}";
                    current.Value = current.MaxValue;
                    current.StopTask();
                    if (report.Epoch < settings.Epochs)
                    {
                        epoch = report.Epoch + 1;
                        NewEpoch();
                    }
                });
                history = trainer.Train(train, validation, progress);
                if (current is { IsFinished: false })
                {
                    // Early stopping: the epoch that was opened for the next round never ran.
                    current.Description = $"epoch {epoch,3}  not run: stopped early";
                    current.StopTask();
                }
            });
        var table = new Table().AddColumns("epoch", "training loss", "validation loss", "validation accuracy", "elapsed");
        foreach (var report in history!.Epochs)
        {
            table.AddRow(
                report.Epoch == history.BestEpoch ? $"{report.Epoch} (best)" : $"{report.Epoch}",
                $"{report.TrainLoss:F4}", $"{report.ValidationLoss:F4}", $"{report.ValidationAccuracy:P2}", $"{report.Elapsed.TotalSeconds:F1} s");
        }

        AnsiConsole.Write(table);
        return history;
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Callback<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}
