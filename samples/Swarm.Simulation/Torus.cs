namespace NetGen.Samples.Swarm;

/// <summary>Coordinates on a square field whose opposite edges meet.</summary>
public static class Torus
{
    /// <summary>The coordinate brought back into [0, size).</summary>
    public static float Wrap(float coordinate, float size)
    {
        if (coordinate < 0)
        {
            coordinate += size;
        }
        else if (coordinate >= size)
        {
            coordinate -= size;
        }

        // A tiny negative coordinate plus size can round to size itself.
        return coordinate < size ? coordinate : 0f;
    }

    /// <summary>The offset between two coordinates the short way round, in [−size/2, size/2].</summary>
    public static float Offset(float difference, float size)
    {
        float half = size * 0.5f;
        return difference > half ? difference - size : difference < -half ? difference + size : difference;
    }
}
