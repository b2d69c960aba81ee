namespace NetGen.Samples.Swarm;

/// <summary>The size of a field and the rules of its game. Distances are in field units, times in seconds.</summary>
public sealed record FieldSettings
{
    /// <summary>Area of field per agent: one agent per 10 × 10 units.</summary>
    public const float AreaPerAgent = 100f;

    /// <summary>The number of agents.</summary>
    public int AgentCount { get; init; } = 4096;

    /// <summary>The number of food pellets; an eaten pellet reappears at once somewhere else.</summary>
    public int FoodCount { get; init; } = 1024;

    /// <summary>The side of the square field. Its edges wrap around (a torus), so there are no walls.</summary>
    public float Size { get; init; } = 640f;

    /// <summary>How far an agent sees food.</summary>
    public float FoodSight { get; init; } = 30f;

    /// <summary>How far an agent sees other agents.</summary>
    public float NeighbourSight { get; init; } = 8f;

    /// <summary>An agent this close to a pellet eats it.</summary>
    public float EatRadius { get; init; } = 1.5f;

    /// <summary>An agent with another agent this close is crowded, which costs fitness.</summary>
    public float PersonalSpace { get; init; } = 2.5f;

    /// <summary>Fitness lost per second an agent spends crowded, in pellets.</summary>
    public float CrowdingPenalty { get; init; } = 2f;

    /// <summary>The speed at full thrust, in units per second.</summary>
    public float MaxSpeed { get; init; } = 20f;

    /// <summary>The turn rate at full turn, in radians per second.</summary>
    public float MaxTurnRate { get; init; } = 4f;

    /// <summary>The simulated time of one frame.</summary>
    public float FrameTime { get; init; } = 1f / 60f;

    /// <summary>A field for <paramref name="agentCount"/> agents at the default densities of agents and food.</summary>
    public static FieldSettings ForAgents(int agentCount) => new()
    {
        AgentCount = agentCount,
        FoodCount = Math.Max(1, agentCount / 4),
        Size = MathF.Sqrt(agentCount * AreaPerAgent),
    };
}
