namespace NetGen.Samples.Swarm;

public sealed partial class World
{
    /// <summary>
    /// Writes each agent's row of observations: the nearest pellet in sight, then the nearest other agent in sight,
    /// each as (ahead, left, closeness) — the unit direction to it in the agent's own frame, and 1 − distance / sight —
    /// or three zeros when nothing is in sight. Counts the agents that are crowded.
    /// </summary>
    private void Sense()
    {
        var settings = Settings;
        float personalSpaceSquared = settings.PersonalSpace * settings.PersonalSpace;
        _agentGrid.Build(_x, _y);
        _foodGrid.Build(_foodX, _foodY);
        for (int agent = 0; agent < _x.Length; agent++)
        {
            var row = _observations.AsSpan(agent * SwarmBrain.InputSize, SwarmBrain.InputSize);
            int food = _foodGrid.FindNearest(_x[agent], _y[agent], settings.FoodSight, exclude: -1, out float foodX, out float foodY);
            _nearestFood[agent] = food;
            Describe(agent, food >= 0, foodX, foodY, settings.FoodSight, row[..3]);

            int neighbour = _agentGrid.FindNearest(_x[agent], _y[agent], settings.NeighbourSight, exclude: agent, out float otherX, out float otherY);
            Describe(agent, neighbour >= 0, otherX, otherY, settings.NeighbourSight, row[3..]);
            if (neighbour >= 0 && otherX * otherX + otherY * otherY < personalSpaceSquared)
            {
                CrowdedAgentFrames++;
            }
        }
    }

    private void Describe(int agent, bool inSight, float dx, float dy, float sight, Span<float> senses)
    {
        if (!inSight)
        {
            senses.Clear();
            return;
        }

        float distance = MathF.Sqrt(dx * dx + dy * dy);
        float inverse = distance > 0f ? 1f / distance : 0f;
        float forwardX = _directionX[agent], forwardY = _directionY[agent];
        senses[0] = (dx * forwardX + dy * forwardY) * inverse;
        senses[1] = (dy * forwardX - dx * forwardY) * inverse;
        senses[2] = 1f - distance / sight;
    }
}
