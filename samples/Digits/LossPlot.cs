using NetGen;
using ScottPlot;

namespace NetGen.Samples.Digits;

/// <summary>PNGs of the loss per epoch.</summary>
public static class LossPlot
{
    /// <summary>Plots the training and validation loss of each run, one panel per run, side by side.</summary>
    public static void Save(string path, params (string Title, TrainingHistory History)[] runs)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(runs.Length);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        for (int r = 0; r < runs.Length; r++)
        {
            var (title, history) = runs[r];
            var plot = multiplot.GetPlot(r);
            double[] epochs = history.Epochs.Select(e => (double)e.Epoch).ToArray();
            var train = plot.Add.ScatterLine(epochs, history.Epochs.Select(e => e.TrainLoss).ToArray());
            train.LegendText = "training loss";
            train.LineWidth = 2;
            train.MarkerSize = 5;
            if (history.Epochs.All(e => e.ValidationLoss is not null))
            {
                var validation = plot.Add.ScatterLine(epochs, history.Epochs.Select(e => e.ValidationLoss!.Value).ToArray());
                validation.LegendText = "validation loss";
                validation.LineWidth = 2;
                validation.MarkerSize = 5;
            }

            var best = plot.Add.VerticalLine(history.BestEpoch);
            best.LegendText = history.RestoredBestEpoch ? $"best epoch ({history.BestEpoch}, restored)" : $"best epoch ({history.BestEpoch})";
            best.LinePattern = LinePattern.Dashed;
            best.Color = Colors.Gray;
            // Epochs are whole numbers: no ticks at 1.5, 2.5, …
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.SetLimitsX(0.5, history.Epochs.Count + 0.5);
            plot.Title(title);
            plot.XLabel("epoch");
            plot.YLabel("cross-entropy loss");
            plot.ShowLegend(Alignment.UpperRight);
        }

        multiplot.SavePng(path, 700 * runs.Length, 500);
    }
}
