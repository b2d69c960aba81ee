namespace NetGen.Samples.Swarm;

/// <summary>The positions of every agent over the last few frames, for the picture.</summary>
public sealed class Trails(int agents, int frames)
{
    private readonly float[] _x = new float[agents * frames];
    private readonly float[] _y = new float[agents * frames];

    /// <summary>The frames recorded so far.</summary>
    public int Count { get; private set; }

    /// <summary>Records where every agent of <paramref name="world"/> is now.</summary>
    public void Record(World world)
    {
        if (Count * agents == _x.Length)
        {
            throw new InvalidOperationException($"The trails hold {frames} frames; all are recorded.");
        }

        world.AgentX.CopyTo(_x.AsSpan(Count * agents));
        world.AgentY.CopyTo(_y.AsSpan(Count * agents));
        Count++;
    }

    /// <summary>The recorded positions of <paramref name="agent"/>, oldest first.</summary>
    public IEnumerable<(float X, float Y)> Of(int agent)
    {
        for (int frame = 0; frame < Count; frame++)
        {
            yield return (_x[frame * agents + agent], _y[frame * agents + agent]);
        }
    }
}
