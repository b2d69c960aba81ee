namespace NetGen.Samples.Swarm;

public sealed partial class World
{
    /// <summary>Turns and moves each agent by its row of actions: turn × the full turn rate, thrust from 0 (−1) to full speed (1).</summary>
    private void Move()
    {
        var settings = Settings;
        float fullTurn = settings.MaxTurnRate * settings.FrameTime;
        float halfStride = 0.5f * settings.MaxSpeed * settings.FrameTime;
        for (int agent = 0; agent < _x.Length; agent++)
        {
            float turn = _actions[agent * SwarmBrain.OutputSize];
            float thrust = _actions[agent * SwarmBrain.OutputSize + 1];
            float heading = WrapAngle(_heading[agent] + turn * fullTurn);
            var (sin, cos) = MathF.SinCos(heading);
            float stride = (thrust + 1f) * halfStride;
            _heading[agent] = heading;
            (_directionX[agent], _directionY[agent]) = (cos, sin);
            _x[agent] = Torus.Wrap(_x[agent] + cos * stride, settings.Size);
            _y[agent] = Torus.Wrap(_y[agent] + sin * stride, settings.Size);
        }
    }

    /// <summary>An agent that has come within eating distance of the pellet it saw eats it; the pellet reappears elsewhere.</summary>
    private void Eat()
    {
        float size = Settings.Size;
        float eatSquared = Settings.EatRadius * Settings.EatRadius;
        for (int agent = 0; agent < _x.Length; agent++)
        {
            int food = _nearestFood[agent];
            if (food < 0)
            {
                continue;
            }

            float dx = Torus.Offset(_foodX[food] - _x[agent], size);
            float dy = Torus.Offset(_foodY[food] - _y[agent], size);
            if (dx * dx + dy * dy < eatSquared)
            {
                _foodEatenByAgent[agent]++;
                FoodEaten++;
                (_foodX[food], _foodY[food]) = RandomPosition();
            }
        }
    }

    private static float WrapAngle(float angle) =>
        angle > MathF.PI ? angle - 2f * MathF.PI : angle < -MathF.PI ? angle + 2f * MathF.PI : angle;
}
