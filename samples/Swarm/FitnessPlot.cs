using ScottPlot;

namespace NetGen.Samples.Swarm;

/// <summary>A PNG of training: fitness per generation, and the two things fitness weighs.</summary>
public static class FitnessPlot
{
    /// <summary>Plots <paramref name="initial"/> (generation 0) and every generation's report.</summary>
    public static void Save(string path, Score initial, IReadOnlyList<GenerationReport> reports)
    {
        double[] generations = [0, .. reports.Select(r => (double)r.Generation)];
        Score[] brain = [initial, .. reports.Select(r => r.Brain)];
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();

        var fitness = multiplot.GetPlot(0);
        var best = fitness.Add.ScatterPoints(generations[1..], reports.Select(r => (double)r.PopulationBest).ToArray());
        best.LegendText = "best perturbed brain (training field)";
        best.MarkerSize = 5;
        best.Color = Colors.Gray;
        var mean = fitness.Add.ScatterLine(generations[1..], reports.Select(r => (double)r.PopulationMean).ToArray());
        mean.LegendText = "mean of the perturbed brains (training field)";
        mean.LineWidth = 2;
        mean.LinePattern = LinePattern.Dashed;
        var trained = fitness.Add.ScatterLine(generations, brain.Select(s => (double)s.Fitness).ToArray());
        trained.LegendText = "trained brain (validation field)";
        trained.LineWidth = 3;
        trained.MarkerSize = 6;
        fitness.Title("Fitness per generation");
        fitness.XLabel("generation");
        fitness.YLabel("pellets per agent-minute − crowding penalty");
        fitness.Axes.SetLimitsX(-0.5, reports.Count + 0.5);
        fitness.ShowLegend(Alignment.LowerRight);

        var parts = multiplot.GetPlot(1);
        var food = parts.Add.ScatterLine(generations, brain.Select(s => (double)s.FoodPerMinute).ToArray());
        food.LegendText = "pellets per agent-minute (left axis)";
        food.LineWidth = 3;
        food.MarkerSize = 6;
        var crowded = parts.Add.ScatterLine(generations, brain.Select(s => 100.0 * s.CrowdedShare).ToArray());
        crowded.LegendText = "time crowded, % (right axis)";
        crowded.LineWidth = 3;
        crowded.MarkerSize = 6;
        crowded.Axes.YAxis = parts.Axes.Right;
        parts.Axes.SetLimitsY(0, 1.1 * brain.Max(s => s.FoodPerMinute));
        parts.Axes.SetLimitsY(0, 1.1 * brain.Max(s => 100.0 * s.CrowdedShare), parts.Axes.Right);
        parts.Title("The trained brain on the validation field");
        parts.XLabel("generation");
        parts.YLabel("pellets per agent-minute");
        parts.Axes.Right.Label.Text = "% of agent-frames crowded";
        parts.Axes.SetLimitsX(-0.5, reports.Count + 0.5);
        parts.ShowLegend(Alignment.LowerRight);
        multiplot.SavePng(path, 1500, 560);
    }
}
