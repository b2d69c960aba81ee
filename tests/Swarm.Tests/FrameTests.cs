using System;

namespace NetGen.Samples.Swarm.Tests;

/// <summary>One frame of the swarm: what the agents sense goes into the brain, and what the brain says moves them.</summary>
public sealed class FrameTests
{
    private static readonly FieldSettings Field = FieldSettings.ForAgents(1000);

    [Fact]
    public void EachAgentsObservationsDescribeTheNearestPelletAndAgentInSight()
    {
        var world = new World(Field, seed: 3);
        var brain = new SwarmBrain(seed: 5);
        PlayFrames(world, brain, 30);
        float[] agentX = world.AgentX.ToArray(), agentY = world.AgentY.ToArray(), heading = world.AgentHeading.ToArray();
        float[] foodX = world.FoodX.ToArray(), foodY = world.FoodY.ToArray();

        world.Step(brain);

        int pelletsSeen = 0, agentsSeen = 0;
        var expected = new float[SwarmBrain.InputSize];
        for (int agent = 0; agent < Field.AgentCount; agent++)
        {
            pelletsSeen += ReferenceSenses.Describe(agentX[agent], agentY[agent], heading[agent], foodX, foodY, -1, Field.FoodSight, Field.Size, expected.AsSpan(0, 3));
            agentsSeen += ReferenceSenses.Describe(agentX[agent], agentY[agent], heading[agent], agentX, agentY, agent, Field.NeighbourSight, Field.Size, expected.AsSpan(3, 3));
            var actual = world.Observations.Slice(agent * SwarmBrain.InputSize, SwarmBrain.InputSize);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-4, $"agent {agent}, observation {i}: expected {expected[i]}, found {actual[i]}");
            }
        }

        // The field is dense enough that most agents see something of both kinds, so the rows are not mostly zeros.
        Assert.InRange(pelletsSeen, Field.AgentCount / 2, Field.AgentCount);
        Assert.InRange(agentsSeen, Field.AgentCount / 4, Field.AgentCount);
    }

    [Fact]
    public void EachAgentTurnsAndMovesAsTheBrainsOutputsSay()
    {
        var world = new World(Field, seed: 4);
        var brain = new SwarmBrain(seed: 6);
        PlayFrames(world, brain, 30);
        float[] agentX = world.AgentX.ToArray(), agentY = world.AgentY.ToArray(), heading = world.AgentHeading.ToArray();

        world.Step(brain);

        var actions = new float[Field.AgentCount * SwarmBrain.OutputSize];
        brain.ForwardBatch(world.Observations, actions);
        Assert.True(actions.AsSpan().SequenceEqual(world.Actions), "the actions are the brain's outputs for the observations");
        float frameTime = Field.FrameTime;
        for (int agent = 0; agent < Field.AgentCount; agent++)
        {
            float turn = actions[2 * agent], thrust = actions[2 * agent + 1];
            double expectedHeading = heading[agent] + turn * Field.MaxTurnRate * frameTime;
            double stride = (thrust + 1) / 2 * Field.MaxSpeed * frameTime;
            double expectedX = agentX[agent] + Math.Cos(expectedHeading) * stride;
            double expectedY = agentY[agent] + Math.Sin(expectedHeading) * stride;
            Assert.True(Math.Abs(ReferenceSenses.AngleBetween(expectedHeading, world.AgentHeading[agent])) < 1e-5, $"agent {agent}'s heading");
            Assert.True(Math.Abs(ReferenceSenses.Offset(world.AgentX[agent] - expectedX, Field.Size)) < 1e-3, $"agent {agent}'s x");
            Assert.True(Math.Abs(ReferenceSenses.Offset(world.AgentY[agent] - expectedY, Field.Size)) < 1e-3, $"agent {agent}'s y");
            Assert.True(world.AgentX[agent] != agentX[agent] || world.AgentY[agent] != agentY[agent], $"agent {agent} moved");
        }
    }

    [Fact]
    public void FramesAllocateNothingAndCollectNothing()
    {
        var world = new World(Field, seed: 5);
        var brain = new SwarmBrain(seed: 7);
        PlayFrames(world, brain, 30);
        long eatenBefore = world.FoodEaten;
        int collections = GC.CollectionCount(0);
        long bytes = GC.GetAllocatedBytesForCurrentThread();

        PlayFrames(world, brain, 120);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - bytes);
        Assert.Equal(collections, GC.CollectionCount(0));
        Assert.True(world.FoodEaten > eatenBefore, "pellets were eaten (and put back) during the frames");
    }

    [Fact]
    public void TheSameSeedAndBrainPlayTheSameGame_AnotherBrainPlaysAnother()
    {
        var first = new World(Field, seed: 9);
        var again = new World(Field, seed: 9);
        var other = new World(Field, seed: 9);
        Assert.True(first.AgentX.SequenceEqual(other.AgentX), "the seed lays out the field");

        PlayFrames(first, new SwarmBrain(seed: 1), 60);
        PlayFrames(again, new SwarmBrain(seed: 1), 60);
        PlayFrames(other, new SwarmBrain(seed: 2), 60);

        Assert.True(first.AgentX.SequenceEqual(again.AgentX) && first.AgentY.SequenceEqual(again.AgentY));
        Assert.Equal(first.FoodEaten, again.FoodEaten);
        Assert.False(first.AgentX.SequenceEqual(other.AgentX), "another brain steers the agents elsewhere");
    }

    private static void PlayFrames(World world, SwarmBrain brain, int frames)
    {
        for (int frame = 0; frame < frames; frame++)
        {
            world.Step(brain);
        }
    }
}
