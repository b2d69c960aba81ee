namespace NetGen.Samples.Swarm;

/// <summary>
/// Trains a <see cref="SwarmBrain"/> by the evolution strategy of Salimans et al. (2017, "Evolution Strategies as a
/// Scalable Alternative to Reinforcement Learning"): each generation plays episodes with the brain's parameters
/// θ ± σε for a few Gaussian noise vectors ε, all on the same field, and moves θ along Σ rank(fitness)·ε — an
/// estimate of the gradient of expected fitness — with <see cref="Adam"/>. No backpropagation: fitness only has to
/// be measurable, which suits games. The pairs of episodes run in parallel, each on its own field and brain, so
/// the result does not depend on how they are scheduled.
/// </summary>
public sealed class EvolutionStrategy
{
    private readonly EvolutionSettings _settings;
    private readonly Arena[] _arenas;
    private readonly Adam _optimizer;
    private readonly float[] _noise;
    private readonly float[] _fitness;
    private readonly float[] _ranks;
    private readonly float[] _gradient = new float[SwarmBrain.ParameterCount];
    private readonly int _validationSeed;
    private RandomStream _random;

    /// <summary>Starts from a brain initialised with <see cref="EvolutionSettings.Seed"/>.</summary>
    public EvolutionStrategy(EvolutionSettings settings)
    {
        _settings = settings;
        Brain = new SwarmBrain(settings.Seed);
        _arenas = new Arena[settings.PairsPerGeneration];
        for (int pair = 0; pair < _arenas.Length; pair++)
        {
            _arenas[pair] = new Arena(new World(settings.Field, settings.Seed), new SwarmBrain());
        }

        _optimizer = new Adam(settings.LearningRate);
        _noise = new float[settings.PairsPerGeneration * SwarmBrain.ParameterCount];
        _fitness = new float[2 * settings.PairsPerGeneration];
        _ranks = new float[_fitness.Length];
        _random = new RandomStream((ulong)settings.Seed);
        _validationSeed = _random.NextSeed();
    }

    /// <summary>The brain being trained: the centre θ of each generation's perturbations.</summary>
    public SwarmBrain Brain { get; }

    /// <summary>The generations run so far.</summary>
    public int Generation { get; private set; }

    /// <summary>The brain's score on the validation field, the same field every time.</summary>
    public Score Evaluate() => _arenas[0].Play(Brain, _validationSeed, _settings.EpisodeFrames);

    /// <summary>Runs one generation and updates <see cref="Brain"/>.</summary>
    public GenerationReport Evolve()
    {
        int fieldSeed = _random.NextSeed();
        const int parameters = SwarmBrain.ParameterCount;
        for (int j = 0; j < _noise.Length; j++)
        {
            _noise[j] = _random.NextGaussian();
        }

        Parallel.For(0, _settings.PairsPerGeneration, pair =>
        {
            var noise = _noise.AsSpan(pair * parameters, parameters);
            _fitness[2 * pair] = PlayPerturbed(_arenas[pair], noise, _settings.NoiseScale, fieldSeed);
            _fitness[2 * pair + 1] = PlayPerturbed(_arenas[pair], noise, -_settings.NoiseScale, fieldSeed);
        });

        CenteredRanks.Compute(_fitness, _ranks);
        // The estimated gradient of −fitness, −Σ (rank⁺ − rank⁻)·ε / (nσ): Adam descends it.
        Array.Clear(_gradient);
        for (int pair = 0; pair < _settings.PairsPerGeneration; pair++)
        {
            float weight = _ranks[2 * pair] - _ranks[2 * pair + 1];
            var noise = _noise.AsSpan(pair * parameters, parameters);
            for (int j = 0; j < parameters; j++)
            {
                _gradient[j] -= weight * noise[j];
            }
        }

        float scale = 1f / (_fitness.Length * _settings.NoiseScale);
        for (int j = 0; j < parameters; j++)
        {
            _gradient[j] *= scale;
        }

        _optimizer.Step(Brain.Parameters, _gradient);
        Generation++;
        return new GenerationReport(Generation, Mean(_fitness), Max(_fitness), Evaluate());
    }

    private float PlayPerturbed(Arena arena, ReadOnlySpan<float> noise, float scale, int fieldSeed)
    {
        var centre = Brain.Parameters;
        var candidate = arena.Brain.Parameters;
        for (int j = 0; j < candidate.Length; j++)
        {
            candidate[j] = centre[j] + scale * noise[j];
        }

        return arena.Play(arena.Brain, fieldSeed, _settings.EpisodeFrames).Fitness;
    }

    private static float Mean(ReadOnlySpan<float> values)
    {
        float sum = 0;
        foreach (float value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        float max = float.NegativeInfinity;
        foreach (float value in values)
        {
            max = MathF.Max(max, value);
        }

        return max;
    }

    /// <summary>A field and a brain to try candidates with, one per pair of episodes.</summary>
    private sealed record Arena(World World, SwarmBrain Brain)
    {
        public Score Play(SwarmBrain brain, int fieldSeed, int frames)
        {
            World.Reset(fieldSeed);
            for (int frame = 0; frame < frames; frame++)
            {
                World.Step(brain);
            }

            return World.Score;
        }
    }
}
