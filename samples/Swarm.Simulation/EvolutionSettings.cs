namespace NetGen.Samples.Swarm;

/// <summary>The settings of <see cref="EvolutionStrategy"/>.</summary>
public sealed record EvolutionSettings
{
    /// <summary>The field each candidate brain plays on: small, so a generation is quick.</summary>
    public FieldSettings Field { get; init; } = FieldSettings.ForAgents(128);

    /// <summary>The frames of one episode (300 = five seconds at 60 frames per second).</summary>
    public int EpisodeFrames { get; init; } = 300;

    /// <summary>Noise vectors per generation; each is tried added and subtracted, so twice as many episodes.</summary>
    public int PairsPerGeneration { get; init; } = 12;

    /// <summary>The standard deviation σ of the noise added to the parameters.</summary>
    public float NoiseScale { get; init; } = 0.1f;

    /// <summary>Adam's step size for the estimated fitness gradient.</summary>
    public float LearningRate { get; init; } = 0.05f;

    /// <summary>Seeds the initial brain, the noise and the fields.</summary>
    public int Seed { get; init; } = 1;
}
