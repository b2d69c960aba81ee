using NetGen;
using ScottPlot;

namespace NetGen.Samples.UniversalApproximation;

/// <summary>A trained network and its legend entry.</summary>
public sealed record Fit(string Label, INetwork Network);

/// <summary>Sampling a function on [−π, π] and plotting fits against it.</summary>
public static class Curves
{
    /// <summary><paramref name="count"/> evenly spaced points x in [−π, π] with target f(x).</summary>
    public static Dataset Sample(Func<double, double> function, int count)
    {
        var xs = new float[count];
        var ys = new float[count];
        for (int i = 0; i < count; i++)
        {
            double x = -Math.PI + 2 * Math.PI * i / (count - 1);
            xs[i] = (float)x;
            ys[i] = (float)function(x);
        }

        return new Dataset(xs, ys, featureCount: 1, targetCount: 1);
    }

    /// <summary>Writes a PNG of the target and every fit over [−π, π].</summary>
    public static void Plot(string title, Func<double, double> function, IReadOnlyList<Fit> fits, string path)
    {
        const int points = 501;
        var xs = new double[points];
        var ys = new double[points];
        for (int i = 0; i < points; i++)
        {
            xs[i] = -Math.PI + 2 * Math.PI * i / (points - 1);
            ys[i] = function(xs[i]);
        }

        var plot = new Plot();
        Span<float> output = stackalloc float[1];
        foreach (var fit in fits)
        {
            var fitted = new double[points];
            for (int i = 0; i < points; i++)
            {
                fit.Network.Forward([(float)xs[i]], output);
                fitted[i] = output[0];
            }

            var line = plot.Add.ScatterLine(xs, fitted);
            line.LegendText = fit.Label;
            line.LineWidth = 3;
        }

        // The target goes on top, dashed, so that a fit lying on it cannot hide it.
        var target = plot.Add.ScatterLine(xs, ys);
        target.LegendText = "target";
        target.LineWidth = 2;
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Black;

        plot.Title(title);
        plot.XLabel("x");
        plot.YLabel("y");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 600);
    }
}
