using ScottPlot;

namespace NetGen.Samples.Swarm;

/// <summary>A PNG of the field: all of it on the left, a close-up of its busiest part with the agents' trails on the right.</summary>
public static class FieldPicture
{
    private static readonly Color Background = Color.FromHex("#11151c");
    private static readonly Color Food = Color.FromHex("#7bd65a");
    private static readonly Color Agent = Color.FromHex("#ffb347");
    private static readonly Color Crowded = Color.FromHex("#ff5d5d");
    private const float CloseUpSize = 80f;

    /// <summary>Draws <paramref name="world"/> as it is now, with <paramref name="trails"/> of its last frames.</summary>
    public static void Save(string path, World world, Trails trails)
    {
        var settings = world.Settings;
        var (left, bottom) = BusiestSquare(world);
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();

        var field = Styled(multiplot.GetPlot(0), $"{settings.AgentCount:N0} agents, {settings.FoodCount:N0} pellets, after {world.Frame * settings.FrameTime:F0} s");
        field.Add.Markers(ToDouble(world.FoodX), ToDouble(world.FoodY), MarkerShape.FilledCircle, 3, Food).LegendText = "pellet";
        field.Add.Markers(ToDouble(world.AgentX), ToDouble(world.AgentY), MarkerShape.FilledCircle, 2.5f, Agent).LegendText = "agent";
        var frame = field.Add.Rectangle(left, left + CloseUpSize, bottom, bottom + CloseUpSize);
        frame.FillColor = Colors.Transparent;
        frame.LineColor = Colors.White;
        frame.LineWidth = 2;
        field.Axes.SetLimits(0, settings.Size, 0, settings.Size);
        field.ShowLegend(Alignment.UpperRight);

        var closeUp = Styled(multiplot.GetPlot(1), $"close-up: the last {trails.Count} frames, red = crowded (another agent within {settings.PersonalSpace})");
        DrawCloseUp(closeUp, world, trails, left, bottom);
        closeUp.Axes.SetLimits(left, left + CloseUpSize, bottom, bottom + CloseUpSize);
        multiplot.SavePng(path, 1600, 820);
    }

    private static void DrawCloseUp(Plot plot, World world, Trails trails, float left, float bottom)
    {
        bool Inside(float x, float y) => x >= left && x < left + CloseUpSize && y >= bottom && y < bottom + CloseUpSize;
        for (int food = 0; food < world.FoodX.Length; food++)
        {
            if (Inside(world.FoodX[food], world.FoodY[food]))
            {
                var pellet = plot.Add.Circle(world.FoodX[food], world.FoodY[food], world.Settings.EatRadius);
                pellet.FillColor = Food;
                pellet.LineWidth = 0;
            }
        }

        for (int agent = 0; agent < world.AgentX.Length; agent++)
        {
            float x = world.AgentX[agent], y = world.AgentY[agent];
            if (!Inside(x, y))
            {
                continue;
            }

            foreach (var segment in Segments(trails.Of(agent), world.Settings.Size))
            {
                var trail = plot.Add.ScatterLine(segment.Select(p => (double)p.X).ToArray(), segment.Select(p => (double)p.Y).ToArray());
                trail.Color = Agent.WithAlpha(0.45);
                trail.LineWidth = 1.5f;
                trail.MarkerSize = 0;
            }

            var color = IsCrowded(world, agent) ? Crowded : Agent;
            float heading = world.AgentHeading[agent];
            var arrow = plot.Add.Arrow(x, y, x + 3.5f * MathF.Cos(heading), y + 3.5f * MathF.Sin(heading));
            arrow.ArrowFillColor = color;
            arrow.ArrowLineWidth = 0;
            arrow.ArrowWidth = 2.5f;
            arrow.ArrowheadWidth = 10;
            arrow.ArrowheadLength = 11;
            arrow.ArrowheadAxisLength = 9;
        }
    }

    /// <summary>A trail cut where it wraps round an edge of the field, so no line crosses the picture.</summary>
    private static IEnumerable<List<(float X, float Y)>> Segments(IEnumerable<(float X, float Y)> points, float size)
    {
        var segment = new List<(float X, float Y)>();
        foreach (var point in points)
        {
            if (segment.Count > 0 && (MathF.Abs(point.X - segment[^1].X) > size / 2 || MathF.Abs(point.Y - segment[^1].Y) > size / 2))
            {
                yield return segment;
                segment = [];
            }

            segment.Add(point);
        }

        if (segment.Count > 1)
        {
            yield return segment;
        }
    }

    private static bool IsCrowded(World world, int agent)
    {
        float size = world.Settings.Size, space = world.Settings.PersonalSpace;
        for (int other = 0; other < world.AgentX.Length; other++)
        {
            float dx = Torus.Offset(world.AgentX[other] - world.AgentX[agent], size);
            float dy = Torus.Offset(world.AgentY[other] - world.AgentY[agent], size);
            if (other != agent && dx * dx + dy * dy < space * space)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lower-left corner of the close-up square holding the most agents.</summary>
    private static (float Left, float Bottom) BusiestSquare(World world)
    {
        int squares = (int)(world.Settings.Size / CloseUpSize);
        float side = world.Settings.Size / squares;
        var counts = new int[squares, squares];
        for (int agent = 0; agent < world.AgentX.Length; agent++)
        {
            counts[Math.Min((int)(world.AgentX[agent] / side), squares - 1), Math.Min((int)(world.AgentY[agent] / side), squares - 1)]++;
        }

        var (column, row) = (from c in Enumerable.Range(0, squares) from r in Enumerable.Range(0, squares) orderby counts[c, r] descending select (c, r)).First();
        return (column * side + (side - CloseUpSize) / 2, row * side + (side - CloseUpSize) / 2);
    }

    private static Plot Styled(Plot plot, string title)
    {
        plot.FigureBackground.Color = Background;
        plot.DataBackground.Color = Background;
        plot.Axes.Color(Color.FromHex("#c8ccd4"));
        plot.Grid.MajorLineColor = Colors.White.WithAlpha(0.08);
        plot.Legend.BackgroundColor = Background.WithAlpha(0.85);
        plot.Legend.FontColor = Colors.White;
        plot.Legend.OutlineColor = Colors.Gray;
        plot.Axes.SquareUnits();
        plot.Title(title);
        return plot;
    }

    private static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }
}
