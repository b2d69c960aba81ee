using System;

namespace NetGen.Samples.Swarm.Tests;

/// <summary>What an agent should sense, found by looking at every point in double precision: the reference for the grid.</summary>
internal static class ReferenceSenses
{
    /// <summary>
    /// Writes (ahead, left, closeness) of the nearest of the points other than <paramref name="exclude"/> within
    /// <paramref name="sight"/>, or zeros; returns 1 if one was in sight.
    /// </summary>
    public static int Describe(float x, float y, float heading, float[] pointsX, float[] pointsY, int exclude, float sight, float size, Span<float> senses)
    {
        int nearest = -1;
        double nearestDistance = sight, nearestX = 0, nearestY = 0;
        for (int i = 0; i < pointsX.Length; i++)
        {
            double dx = Offset(pointsX[i] - (double)x, size), dy = Offset(pointsY[i] - (double)y, size);
            double distance = Math.Sqrt(dx * dx + dy * dy);
            if (i != exclude && distance < nearestDistance)
            {
                (nearest, nearestDistance, nearestX, nearestY) = (i, distance, dx, dy);
            }
        }

        senses.Clear();
        if (nearest < 0)
        {
            return 0;
        }

        // The direction to the point, rotated by −heading into the agent's frame.
        double angle = Math.Atan2(nearestY, nearestX) - heading;
        senses[0] = (float)Math.Cos(angle);
        senses[1] = (float)Math.Sin(angle);
        senses[2] = (float)(1 - nearestDistance / sight);
        return 1;
    }

    /// <summary>A coordinate difference taken the short way round a torus of side <paramref name="size"/>.</summary>
    public static double Offset(double difference, double size) => difference - size * Math.Round(difference / size);

    /// <summary>The difference of two angles in (−π, π].</summary>
    public static double AngleBetween(double a, double b) => Math.IEEERemainder(a - b, 2 * Math.PI);
}
