namespace NetGen.Samples.Swarm;

/// <summary>How well a field's agents did over <paramref name="Seconds"/> of play.</summary>
/// <param name="Seconds">The simulated time.</param>
/// <param name="FoodPerAgent">Pellets eaten per agent.</param>
/// <param name="CrowdedShare">The share of agent-frames in which an agent had another within its personal space.</param>
/// <param name="CrowdingPenalty">Pellets lost per crowded second (<see cref="FieldSettings.CrowdingPenalty"/>).</param>
public readonly record struct Score(float Seconds, float FoodPerAgent, float CrowdedShare, float CrowdingPenalty)
{
    /// <summary>Pellets eaten per agent per minute.</summary>
    public float FoodPerMinute => Seconds > 0f ? FoodPerAgent * 60f / Seconds : 0f;

    /// <summary>What training maximises: pellets per agent per minute less the crowding penalty for the crowded seconds in it.</summary>
    public float Fitness => FoodPerMinute - CrowdingPenalty * CrowdedShare * 60f;
}
