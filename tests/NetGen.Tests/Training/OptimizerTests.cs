using System;
using NetGen;
using NetGen.Tests.Training.TestNetworks;

namespace NetGen.Tests.Training;

public class OptimizerTests
{
    // 37 values: whole Vector<float> blocks plus a scalar tail for any vector width.
    private const int Length = 37;

    [Theory]
    [InlineData(0f, false, 0f)]
    [InlineData(0.9f, false, 0f)]
    [InlineData(0.9f, true, 0f)]
    [InlineData(0f, false, 0.01f)]
    [InlineData(0.8f, true, 0.05f)]
    public void Sgd_MatchesTorchFormulas(float momentum, bool nesterov, float weightDecay)
    {
        const float lr = 0.1f;
        var (parameters, gradients) = RandomProblem(seed: 1, steps: 3);
        var expected = Array.ConvertAll(parameters, x => (double)x);
        var buffer = new double[Length];
        var sgd = new Sgd(lr, momentum, nesterov, weightDecay);

        for (int step = 0; step < gradients.Length; step++)
        {
            sgd.Step(parameters, gradients[step]);
            for (int i = 0; i < Length; i++)
            {
                // torch.optim.SGD, dampening 0.
                double g = gradients[step][i] + weightDecay * expected[i];
                if (momentum != 0)
                {
                    buffer[i] = step == 0 ? g : momentum * buffer[i] + g;
                    g = nesterov ? g + momentum * buffer[i] : buffer[i];
                }

                expected[i] -= lr * g;
            }

            AssertClose(expected, parameters, $"step {step + 1}");
        }
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.1f)]
    public void Adam_MatchesTorchAdamWFormulas(float weightDecay)
    {
        const float lr = 0.01f, beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f;
        var (parameters, gradients) = RandomProblem(seed: 2, steps: 4);
        var expected = Array.ConvertAll(parameters, x => (double)x);
        var m = new double[Length];
        var v = new double[Length];
        var adam = new Adam(lr, beta1, beta2, eps, weightDecay);

        for (int step = 0; step < gradients.Length; step++)
        {
            adam.Step(parameters, gradients[step]);
            int t = step + 1;
            for (int i = 0; i < Length; i++)
            {
                // torch.optim.AdamW: decoupled decay, then Adam with bias correction.
                double g = gradients[step][i];
                expected[i] *= 1 - (double)lr * weightDecay;
                m[i] = beta1 * m[i] + (1 - (double)beta1) * g;
                v[i] = beta2 * v[i] + (1 - (double)beta2) * g * g;
                double mHat = m[i] / (1 - Math.Pow(beta1, t));
                double vHat = v[i] / (1 - Math.Pow(beta2, t));
                expected[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
            }

            AssertClose(expected, parameters, $"step {t}");
        }

        Assert.Equal(gradients.Length, adam.StepCount);
    }

    [Fact]
    public void TwoSteps_MatchHandDerivedNumbers()
    {
        // θ₀ = 1, η = 0.1, gradients 0.5 then 0.25.
        // SGD μ = 0.9:   b₁ = 0.5, θ₁ = 1 − 0.05 = 0.95;  b₂ = 0.9·0.5 + 0.25 = 0.7, θ₂ = 0.95 − 0.07 = 0.88.
        // Nesterov:      θ₁ = 1 − 0.1·(0.5 + 0.45) = 0.905;  θ₂ = 0.905 − 0.1·(0.25 + 0.63) = 0.817.
        // SGD λ = 0.1:   θ₁ = 1 − 0.1·(0.5 + 0.1) = 0.94;  θ₂ = 0.94 − 0.1·(0.25 + 0.094) = 0.9056.
        // Adam:          m₁ = 0.05, v₁ = 0.00025, m̂ = 0.5, v̂ = 0.25, θ₁ = 1 − 0.1·0.5/(0.5 + 1e−8) ≈ 0.9;
        //                m₂ = 0.045 + 0.025 = 0.07, v₂ = 0.00024975 + 0.0000625 = 0.00031225,
        //                m̂ = 0.07/0.19 = 0.368421, v̂ = 0.00031225/0.001999 = 0.156203, √v̂ = 0.395225,
        //                θ₂ = 0.9 − 0.1·0.932183 = 0.806782.
        // AdamW λ = 0.1: θ₁ = 1·0.99 − 0.1 = 0.89;  θ₂ = 0.89·0.99 − 0.0932183 = 0.787882.
        AssertTwoSteps(new Sgd(0.1f, momentum: 0.9f), 0.95f, 0.88f);
        AssertTwoSteps(new Sgd(0.1f, momentum: 0.9f, nesterov: true), 0.905f, 0.817f);
        AssertTwoSteps(new Sgd(0.1f, weightDecay: 0.1f), 0.94f, 0.9056f);
        AssertTwoSteps(new Adam(0.1f), 0.9f, 0.806782f);
        AssertTwoSteps(new Adam(0.1f, weightDecay: 0.1f), 0.89f, 0.787882f);
    }

    [Fact]
    public void Reset_ForgetsMomentumAndStepCount()
    {
        foreach (var (used, fresh) in new (IOptimizer, IOptimizer)[] { (new Sgd(0.1f, 0.9f), new Sgd(0.1f, 0.9f)), (new Adam(0.1f), new Adam(0.1f)) })
        {
            var (p, g) = RandomProblem(seed: 3, steps: 2);
            var q = (float[])p.Clone();
            used.Step(new float[Length], g[0]);
            used.Step(new float[Length], g[1]);
            used.Reset();
            used.Step(p, g[1]);
            fresh.Step(q, g[1]);
            Assert.Equal(q, p);
        }
    }

    [Fact]
    public void Step_WithAnotherLength_Throws()
    {
        var adam = new Adam();
        adam.Step(new float[4], new float[4]);
        var ex = Assert.Throws<ArgumentException>(() => adam.Step(new float[5], new float[5]));
        Assert.Contains("Adam.Step: this optimizer's state was sized for 4 parameters on its first step, but this step has 5", ex.Message);
        Assert.Contains("has 5", ex.Message);

        var mismatch = Assert.Throws<ArgumentException>(() => new Sgd(0.1f).Step(new float[3], new float[2]));
        Assert.Contains("gradients has length 2 but parameters has length 3", mismatch.Message);

        adam.Reset();
        adam.Step(new float[5], new float[5]);  // a reset optimizer may be sized anew
    }

    [Fact]
    public void Constructors_RejectInvalidArguments()
    {
        var nesterov = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0.1f, nesterov: true));
        Assert.Contains("Nesterov momentum requires a momentum > 0", nesterov.Message);
        Assert.Contains("learning rate", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(-0.1f)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(float.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0.1f, momentum: -1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0.1f, weightDecay: float.PositiveInfinity));
        Assert.Contains("beta1 must be in [0, 1)", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta1: 1f)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta2: -0.1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(epsilon: -1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(weightDecay: -1f));
    }

    [Fact]
    public void Step_AfterTheFirst_AllocatesNothing()
    {
        foreach (var optimizer in new IOptimizer[] { new Sgd(0.1f), new Sgd(0.1f, 0.9f, true, 0.01f), new Adam(weightDecay: 0.01f) })
        {
            var (p, g) = RandomProblem(seed: 4, steps: 1);
            optimizer.Step(p, g[0]);
            long allocated = Allocations.LeastPerRound(() =>
            {
                for (int i = 0; i < 100; i++)
                {
                    optimizer.Step(p, g[0]);
                }
            });

            Assert.Equal(0, allocated);
        }
    }

    [Fact]
    public void DoubleLearningRates_CompileAndMatchFloatOnes()
    {
        var (p, g) = RandomProblem(seed: 6, steps: 2);
        var q = (float[])p.Clone();
        var fromDouble = new Adam(0.01);
        var fromFloat = new Adam(0.01f);
        fromDouble.Step(p, g[0]);
        fromFloat.Step(q, g[0]);
        Assert.Equal(0.01, fromDouble.LearningRate);
        Assert.Equal(0.9, new Sgd(0.5, momentum: 0.9).Momentum);
        for (int i = 0; i < Length; i++)
        {
            Assert.Equal(q[i], p[i], 1e-6f);   // 0.01 and 0.01f differ in the 9th digit
        }
    }

    [Fact]
    public void LearningRate_CanBeChangedBetweenSteps()
    {
        var sgd = new Sgd(0.1);
        var p = new[] { 1f };
        sgd.Step(p, [1f]);
        sgd.LearningRate = 0.01;
        sgd.Step(p, [1f]);
        Assert.Equal(1f - 0.1f - 0.01f, p[0], 1e-7f);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = -1);
        Assert.Contains("The learning rate must be a finite number >= 0; got -1", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam().LearningRate = double.NaN);
    }

    [Fact]
    public void AnOptimizerBoundAtConstruction_RefusesAnotherNetworksParameters()
    {
        var first = new LinearRegression(3, 1);
        var second = new LinearRegression(3, 1);   // the same size: a length check alone would not notice
        var adam = new Adam(first, learningRate: 0.01);
        Assert.Same(first, adam.Network);
        adam.Step(first.Parameters, first.Gradients);

        var ex = Assert.Throws<ArgumentException>(() => adam.Step(second.Parameters, second.Gradients));
        Assert.Contains("Adam.Step: parameters is not the Parameters of the LinearRegression this optimizer is bound to", ex.Message);
        Assert.Equal("parameters", ex.ParamName);

        var trainer = Assert.Throws<InvalidOperationException>(() => new Trainer(second, adam));
        Assert.Contains("This Adam updates the parameters of another network (a LinearRegression)", trainer.Message);
        Assert.Contains("Create one optimizer per network, or call Reset()", trainer.Message);
    }

    [Fact]
    public void OneOptimizerGivenToTwoTrainers_IsRefusedForTheSecondNetwork()
    {
        var sgd = new Sgd(0.1, momentum: 0.9);
        var first = new LinearRegression(2, 1);
        var data = new Dataset([1f, 2f, 3f, 4f], [1f, 0f], 2, 1);
        new Trainer(first, sgd) { MaxEpochs = 2 }.Train(data);
        Assert.Same(first, sgd.Network);
        new Trainer(first, sgd) { MaxEpochs = 1 }.Train(data);   // the same network again is fine

        var ex = Assert.Throws<InvalidOperationException>(() => new Trainer(new LinearRegression(2, 1), sgd));
        Assert.Contains("This Sgd updates the parameters of another network", ex.Message);
    }

    [Fact]
    public void Reset_ForgetsTheBindingSoTheOptimizerCanStartOver()
    {
        var first = new LinearRegression(2, 1);
        var second = new LinearRegression(2, 1);
        var adam = new Adam(first);
        adam.Step(first.Parameters, first.Gradients);
        adam.Reset();
        Assert.Null(adam.Network);
        Assert.Equal(0, adam.StepCount);
        var trainer = new Trainer(second, adam);
        Assert.Same(second, adam.Network);
        Assert.Same(adam, trainer.Optimizer);
    }

    private static void AssertTwoSteps(IOptimizer optimizer, float first, float second)
    {
        var p = new[] { 1f };
        optimizer.Step(p, [0.5f]);
        Assert.Equal(first, p[0], 1e-6f);
        optimizer.Step(p, [0.25f]);
        Assert.Equal(second, p[0], 1e-6f);
    }

    private static (float[] Parameters, float[][] Gradients) RandomProblem(int seed, int steps)
    {
        var random = new Random(seed);
        float Next() => (float)(random.NextDouble() * 2 - 1);
        var parameters = new float[Length];
        for (int i = 0; i < Length; i++)
        {
            parameters[i] = Next();
        }

        var gradients = new float[steps][];
        for (int s = 0; s < steps; s++)
        {
            gradients[s] = new float[Length];
            for (int i = 0; i < Length; i++)
            {
                gradients[s][i] = Next();
            }
        }

        return (parameters, gradients);
    }

    private static void AssertClose(double[] expected, float[] actual, string context)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = 1e-6 + 1e-5 * Math.Abs(expected[i]);
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"{context}, parameter {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
