namespace NetGen.Samples.Swarm;

/// <summary>
/// Fitness shaping: each fitness replaced by its rank scaled to [−0.5, 0.5], so one lucky episode cannot dominate a
/// generation's update and the step does not depend on the scale of the fitness.
/// </summary>
public static class CenteredRanks
{
    /// <summary>Writes the centred rank of each of <paramref name="fitness"/> to <paramref name="ranks"/>; ties share their mean rank.</summary>
    public static void Compute(ReadOnlySpan<float> fitness, Span<float> ranks)
    {
        if (fitness.Length < 2)
        {
            ranks[..fitness.Length].Clear();
            return;
        }

        for (int i = 0; i < fitness.Length; i++)
        {
            float below = 0;
            for (int j = 0; j < fitness.Length; j++)
            {
                below += fitness[j] < fitness[i] ? 1f : fitness[j] == fitness[i] && j != i ? 0.5f : 0f;
            }

            ranks[i] = below / (fitness.Length - 1) - 0.5f;
        }
    }
}
