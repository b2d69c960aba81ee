namespace NetGen.Samples.AotBrain;

/// <summary>
/// The hand-written steering the network learns to imitate: accelerate toward the target, brake against the
/// current velocity, and saturate like a real thruster.
/// </summary>
public static class Controller
{
    /// <summary>The number of values in a state: offset (x, y), then velocity (x, y).</summary>
    public const int StateSize = 4;

    /// <summary>Writes the acceleration for <paramref name="state"/> into <paramref name="acceleration"/>.</summary>
    public static void Steer(ReadOnlySpan<float> state, Span<float> acceleration)
    {
        acceleration[0] = MathF.Tanh((2f * state[0]) - state[2]);
        acceleration[1] = MathF.Tanh((2f * state[1]) - state[3]);
    }

    /// <summary>A data set of <paramref name="count"/> random states in [−1, 1]⁴ and the controller's answers.</summary>
    public static Dataset Demonstrations(int count, int seed)
    {
        var random = new Random(seed);
        var states = new float[count * StateSize];
        var accelerations = new float[count * 2];
        for (int row = 0; row < count; row++)
        {
            var state = states.AsSpan(row * StateSize, StateSize);
            for (int i = 0; i < StateSize; i++)
            {
                state[i] = (2f * random.NextSingle()) - 1f;
            }

            Steer(state, accelerations.AsSpan(row * 2, 2));
        }

        return new Dataset(states, accelerations, featureCount: StateSize, targetCount: 2);
    }
}
