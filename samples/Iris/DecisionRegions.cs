using NetGen;
using ScottPlot;

namespace NetGen.Samples.Iris;

/// <summary>A PNG of the class a two-feature network predicts at every point of the plane, with the data on top.</summary>
public static class DecisionRegions
{
    private const int GridSize = 300;

    private static readonly Color[] ClassColors = [Colors.Blue, Colors.Orange, Colors.Green, Colors.Red, Colors.Purple];

    /// <param name="path">The PNG to write.</param>
    /// <param name="network">A network of two inputs.</param>
    /// <param name="scaler">The scaler the network's inputs went through; the plot's axes are in the original units.</param>
    /// <param name="data">Rows of the two original (unscaled) features, drawn as points coloured by class.</param>
    public static void Save(string path, INetwork network, FeatureScaler scaler, Dataset data)
    {
        var (xMin, xMax) = Range(data, 0);
        var (yMin, yMax) = Range(data, 1);
        var classes = new double[GridSize, GridSize];
        Span<float> point = stackalloc float[2];
        for (int row = 0; row < GridSize; row++)
        {
            for (int column = 0; column < GridSize; column++)
            {
                point[0] = (float)(xMin + ((xMax - xMin) * (column + 0.5) / GridSize));
                point[1] = (float)(yMin + ((yMax - yMin) * (row + 0.5) / GridSize));
                scaler.Transform(point, point);
                classes[row, column] = network.Predict(point);
            }
        }

        var plot = new Plot();
        var regions = plot.Add.Heatmap(classes);
        regions.Rectangle = new CoordinateRect(xMin, xMax, yMin, yMax);
        regions.FlipVertically = true;   // row 0 of the grid is the lowest y
        regions.Colormap = new ClassColormap(data.ClassCount);
        regions.ManualRange = new ScottPlot.Range(0, data.ClassCount - 1);
        regions.Opacity = 0.3;

        for (int c = 0; c < data.ClassCount; c++)
        {
            var rows = Enumerable.Range(0, data.Count).Where(r => data.ClassOf(r) == c).ToArray();
            var points = plot.Add.ScatterPoints(
                rows.Select(r => (double)data.FeaturesOf(r)[0]).ToArray(),
                rows.Select(r => (double)data.FeaturesOf(r)[1]).ToArray());
            points.Color = ClassColors[c];
            points.MarkerSize = 7;
            points.LegendText = data.ClassNames?[c] ?? $"class {c}";
        }

        plot.Title($"{network.GetType().Name}: predicted species (shaded) and the data (points)");
        plot.XLabel(data.FeatureNames?[0] ?? "feature 0");
        plot.YLabel(data.FeatureNames?[1] ?? "feature 1");
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 800, 600);
    }

    /// <summary>The feature's range, widened by a tenth on each side.</summary>
    private static (double Min, double Max) Range(Dataset data, int feature)
    {
        var values = Enumerable.Range(0, data.Count).Select(r => (double)data.FeaturesOf(r)[feature]).ToArray();
        double margin = (values.Max() - values.Min()) / 10;
        return (values.Min() - margin, values.Max() + margin);
    }

    /// <summary>One flat colour per class: positions 0, 1/(k−1), …, 1 are classes 0 … k−1.</summary>
    private sealed class ClassColormap(int classCount) : IColormap
    {
        public string Name => "classes";

        public Color GetColor(double position) =>
            double.IsNaN(position) ? Colors.Transparent : ClassColors[(int)Math.Round(Math.Clamp(position, 0, 1) * (classCount - 1))];
    }
}
