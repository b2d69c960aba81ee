using System;

namespace NetGen.Samples.Swarm.Tests;

/// <summary>The evolution strategy makes the brain better, the same way every time.</summary>
public sealed class TrainingTests
{
    private static readonly EvolutionSettings Quick = new()
    {
        Field = FieldSettings.ForAgents(64),
        EpisodeFrames = 200,
        PairsPerGeneration = 8,
        Seed = 1,
    };

    [Fact]
    public void AFewGenerationsImproveFitnessFromAFixedSeed()
    {
        var evolution = new EvolutionStrategy(Quick);
        var initial = evolution.Evaluate();
        GenerationReport last = default;
        for (int generation = 0; generation < 6; generation++)
        {
            last = evolution.Evolve();
        }

        Console.WriteLine($"fitness {initial.Fitness:F2} → {last.Brain.Fitness:F2}; pellets per agent-minute {initial.FoodPerMinute:F2} → {last.Brain.FoodPerMinute:F2}; crowded {initial.CrowdedShare:P1} → {last.Brain.CrowdedShare:P1}");
        Assert.Equal(6, evolution.Generation);
        Assert.True(last.Brain.Fitness > initial.Fitness + 5, $"fitness rose from {initial.Fitness:F2} to {last.Brain.Fitness:F2}, less than 5");
    }

    [Fact]
    public void TheSameSeedTrainsTheSameBrain()
    {
        var settings = Quick with { EpisodeFrames = 60, PairsPerGeneration = 4 };
        var first = new EvolutionStrategy(settings);
        var second = new EvolutionStrategy(settings);
        for (int generation = 0; generation < 2; generation++)
        {
            Assert.Equal(first.Evolve(), second.Evolve());
        }

        Assert.True(first.Brain.Parameters.SequenceEqual(second.Brain.Parameters));
        Assert.False(first.Brain.Parameters.SequenceEqual(new SwarmBrain(settings.Seed).Parameters), "training changed the brain");
    }

    [Fact]
    public void CenteredRanksSpreadEvenlyOverMinusAHalfToAHalf()
    {
        float[] fitness = [3f, -10f, 7f, 3f, 100f];
        var ranks = new float[fitness.Length];

        CenteredRanks.Compute(fitness, ranks);

        Assert.Equal([-0.125f, -0.5f, 0.25f, -0.125f, 0.5f], ranks);
    }
}
