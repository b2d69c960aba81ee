using System.Diagnostics;

namespace NetGen.Samples.Swarm;

/// <summary>
/// A field of agents and food pellets. <see cref="Step"/> advances one frame: every agent senses, one
/// <see cref="SwarmBrain.ForwardBatch"/> call thinks for all of them, then every agent moves and eats.
/// Every array is sized at construction, so frames allocate nothing.
/// </summary>
public sealed partial class World
{
    private readonly float[] _x;
    private readonly float[] _y;
    private readonly float[] _heading;
    private readonly float[] _directionX;
    private readonly float[] _directionY;
    private readonly int[] _foodEatenByAgent;
    private readonly float[] _foodX;
    private readonly float[] _foodY;
    private readonly int[] _nearestFood;
    private readonly float[] _observations;
    private readonly float[] _actions;
    private readonly SpatialGrid _agentGrid;
    private readonly SpatialGrid _foodGrid;
    private RandomStream _random;
    private long _brainTicks;

    /// <summary>A field laid out from <paramref name="seed"/>.</summary>
    public World(FieldSettings settings, int seed)
    {
        Settings = settings;
        int agents = settings.AgentCount;
        _x = new float[agents];
        _y = new float[agents];
        _heading = new float[agents];
        _directionX = new float[agents];
        _directionY = new float[agents];
        _foodEatenByAgent = new int[agents];
        _nearestFood = new int[agents];
        _foodX = new float[settings.FoodCount];
        _foodY = new float[settings.FoodCount];
        _observations = new float[agents * SwarmBrain.InputSize];
        _actions = new float[agents * SwarmBrain.OutputSize];
        _agentGrid = new SpatialGrid(settings.Size, settings.NeighbourSight, agents);
        _foodGrid = new SpatialGrid(settings.Size, settings.FoodSight, settings.FoodCount);
        Reset(seed);
    }

    /// <summary>The field's size and rules.</summary>
    public FieldSettings Settings { get; }

    /// <summary>The frames played since the last reset.</summary>
    public int Frame { get; private set; }

    /// <summary>Pellets eaten since the last reset, by all agents.</summary>
    public long FoodEaten { get; private set; }

    /// <summary>The sum over frames of the number of agents that were crowded in that frame.</summary>
    public long CrowdedAgentFrames { get; private set; }

    /// <summary>Time spent inside <see cref="SwarmBrain.ForwardBatch"/> since the last reset.</summary>
    public TimeSpan BrainTime => TimeSpan.FromSeconds(_brainTicks / (double)Stopwatch.Frequency);

    /// <summary>How well the agents have done since the last reset.</summary>
    public Score Score => new(Frame * Settings.FrameTime, FoodEaten / (float)Settings.AgentCount,
        CrowdedAgentFrames / ((float)Settings.AgentCount * Math.Max(1, Frame)), Settings.CrowdingPenalty);

    /// <summary>The agents' x coordinates, in [0, <see cref="FieldSettings.Size"/>).</summary>
    public ReadOnlySpan<float> AgentX => _x;

    /// <summary>The agents' y coordinates, in [0, <see cref="FieldSettings.Size"/>).</summary>
    public ReadOnlySpan<float> AgentY => _y;

    /// <summary>The agents' headings in radians, in [−π, π].</summary>
    public ReadOnlySpan<float> AgentHeading => _heading;

    /// <summary>Pellets eaten by each agent since the last reset.</summary>
    public ReadOnlySpan<int> FoodEatenByAgent => _foodEatenByAgent;

    /// <summary>The pellets' x coordinates.</summary>
    public ReadOnlySpan<float> FoodX => _foodX;

    /// <summary>The pellets' y coordinates.</summary>
    public ReadOnlySpan<float> FoodY => _foodY;

    /// <summary>What each agent sensed in the last frame: rows of <see cref="SwarmBrain.InputSize"/>, the brain's inputs.</summary>
    public ReadOnlySpan<float> Observations => _observations;

    /// <summary>What the brain answered in the last frame: rows of turn and thrust, each in [−1, 1].</summary>
    public ReadOnlySpan<float> Actions => _actions;

    /// <summary>Advances one frame with <paramref name="brain"/> driving every agent.</summary>
    public void Step(SwarmBrain brain)
    {
        Sense();
        long start = Stopwatch.GetTimestamp();
        brain.ForwardBatch(_observations, _actions);
        _brainTicks += Stopwatch.GetTimestamp() - start;
        Move();
        Eat();
        Frame++;
    }

    /// <summary>Scatters agents and food afresh from <paramref name="seed"/> and clears every count.</summary>
    public void Reset(int seed)
    {
        _random = new RandomStream((ulong)seed);
        for (int i = 0; i < _x.Length; i++)
        {
            (_x[i], _y[i]) = RandomPosition();
            _heading[i] = (_random.NextFloat() * 2f - 1f) * MathF.PI;
            (_directionY[i], _directionX[i]) = MathF.SinCos(_heading[i]);
        }

        for (int food = 0; food < _foodX.Length; food++)
        {
            (_foodX[food], _foodY[food]) = RandomPosition();
        }

        Array.Clear(_foodEatenByAgent);
        Array.Clear(_observations);
        Array.Clear(_actions);
        (Frame, FoodEaten, CrowdedAgentFrames, _brainTicks) = (0, 0, 0, 0);
    }

    private (float X, float Y) RandomPosition() =>
        (_random.NextFloat() * Settings.Size, _random.NextFloat() * Settings.Size);
}
