using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace NetGen.Benchmarks;

/// <summary>
/// Everything but the NetGen calls, shared by the network classes: inputs, targets, outputs and the peers on copies
/// of the same exchange-layout parameters, each checked against NetGen in <see cref="Setup"/> before anything is
/// timed. The NetGen benchmarks live in the derived classes so that they call the concrete generated type directly.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class NetworkBenchmarks
{
    public const int ForwardRows = 64;
    public const int TrainRows = 32;
    public const float LearningRate = 1e-4f;
    public const int Seed = 42;

    // The checks compare one step's change of the parameters; with η = 1 that change is the gradient itself and
    // float rounding of the parameters stays far below the tolerance.
    private const float CheckLearningRate = 1f;

    protected float[] Input1 = [], Output1 = [], Inputs64 = [], Outputs64 = [];
    protected float[] Inputs1 = [], Targets1 = [], Inputs32 = [], Targets32 = [];
    protected ScalarMlp Scalar = null!;
    protected TensorPrimitivesMlp Primitives = null!;
    protected OnnxRuntimeMlp OnnxRuntime = null!;
    protected Sgd Optimizer = null!;

    public abstract Shape Shape { get; }

    protected abstract INetwork Network { get; }

    [GlobalSetup]
    public void Setup()
    {
        var shape = Shape;
        var net = Network;
        if (net.ParameterCount != shape.ParameterCount || net.InputSize != shape.InputSize || net.OutputSize != shape.OutputSize)
        {
            throw new InvalidOperationException($"{GetType().Name}: the baseline shape does not match the generated network.");
        }

        var random = new Random(1234);
        int n = shape.InputSize, m = shape.OutputSize;
        Input1 = Fill(random, n);
        Output1 = new float[m];
        Inputs64 = Fill(random, n * ForwardRows);
        Outputs64 = new float[m * ForwardRows];
        Inputs1 = Fill(random, n);
        Targets1 = Targets(random, 1, m, shape.Loss);
        Inputs32 = Fill(random, n * TrainRows);
        Targets32 = Targets(random, TrainRows, m, shape.Loss);
        Optimizer = new Sgd(LearningRate);

        Scalar = new ScalarMlp(shape, net.Parameters);
        Primitives = new TensorPrimitivesMlp(shape, net.Parameters);
        OnnxRuntime = new OnnxRuntimeMlp(shape, net.Parameters, (Input1, Output1), (Inputs64, Outputs64));
        VerifyForward(net);
        VerifyTrainStep(net, Inputs1, Targets1);
        VerifyTrainStep(net, Inputs32, Targets32);
        net.ZeroGradients();
    }

    [GlobalCleanup]
    public void Cleanup() => OnnxRuntime?.Dispose();

    private void VerifyForward(INetwork net)
    {
        var expected = new float[Outputs64.Length];
        net.ForwardBatch(Inputs64, expected);
        var single = new float[Output1.Length];
        net.Forward(Inputs64.AsSpan(0, Input1.Length), single);
        Check("NetGen Forward vs ForwardBatch row 0", single, expected.AsSpan(0, single.Length), 1e-4f, 0f);
        var actual = new float[Outputs64.Length];
        Scalar.ForwardBatch(Inputs64, actual);
        Check("scalar forward", actual, expected, 1e-4f, 0f);
        actual.AsSpan().Clear();
        Primitives.ForwardBatch(Inputs64, actual);
        Check("TensorPrimitives forward", actual, expected, 1e-4f, 0f);
        Outputs64.AsSpan().Clear();
        OnnxRuntime.ForwardBatch();
        Check("ONNX Runtime forward, batch", Outputs64, expected, 1e-4f, 0f);
        net.Forward(Input1, single);
        Output1.AsSpan().Clear();
        OnnxRuntime.Forward();
        Check("ONNX Runtime forward, one row", Output1, single, 1e-4f, 0f);
    }

    /// <summary>One SGD step of every training peer must change the parameters as NetGen's step does.</summary>
    private void VerifyTrainStep(INetwork net, float[] inputs, float[] targets)
    {
        float[] before = net.Parameters.ToArray();
        net.ZeroGradients();
        float loss = net.BackwardBatch(inputs, targets);
        new Sgd(CheckLearningRate).Step(net.Parameters, net.Gradients);
        float[] expected = Change(before, net.Parameters);
        before.CopyTo(net.Parameters);
        net.TrainStepBatch(inputs, targets, new Sgd(CheckLearningRate));
        Check($"NetGen fused SGD step (batch {inputs.Length / Shape.InputSize})", Change(before, net.Parameters), expected, 1e-6f, 1e-5f);
        before.CopyTo(net.Parameters);
        foreach (BaselineMlp baseline in new BaselineMlp[] { Scalar, Primitives })
        {
            string name = $"{baseline.GetType().Name} SGD step (batch {inputs.Length / Shape.InputSize})";
            float baselineLoss = baseline.TrainStep(inputs, targets, CheckLearningRate);
            Check(name, Change(before, baseline.P), expected, 1e-5f, 1e-3f);
            if (MathF.Abs(baselineLoss - loss) > 1e-4f + 1e-3f * MathF.Abs(loss))
            {
                throw new InvalidOperationException($"{GetType().Name}: {name}: loss {baselineLoss} vs NetGen {loss}.");
            }

            before.CopyTo(baseline.P, 0);
        }
    }

    private static float[] Change(ReadOnlySpan<float> before, ReadOnlySpan<float> after)
    {
        var change = new float[before.Length];
        for (int i = 0; i < change.Length; i++) change[i] = after[i] - before[i];
        return change;
    }

    private void Check(string what, ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, float absolute, float relative)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            float tolerance = absolute + relative * MathF.Abs(expected[i]);
            if (!(MathF.Abs(actual[i] - expected[i]) <= tolerance))
            {
                throw new InvalidOperationException(
                    $"{GetType().Name}: {what} differs from NetGen at [{i}]: {actual[i]} vs {expected[i]} (tolerance {tolerance}).");
            }
        }
    }

    private static float[] Fill(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }

    private static float[] Targets(Random random, int rows, int width, Loss loss)
    {
        if (loss != Loss.CrossEntropy)
        {
            return Fill(random, rows * width);
        }

        var targets = new float[rows * width];
        for (int r = 0; r < rows; r++)
        {
            targets[r * width + random.Next(width)] = 1f;
        }

        return targets;
    }

    // ---- Forward, batch 1 ----

    [Benchmark(Baseline = true), BenchmarkCategory("Forward b1")]
    public void TensorPrimitives_Forward() => Primitives.Forward(Input1, Output1);

    [Benchmark, BenchmarkCategory("Forward b1")]
    public void Scalar_Forward() => Scalar.Forward(Input1, Output1);

    [Benchmark, BenchmarkCategory("Forward b1")]
    public void OnnxRuntime_Forward() => OnnxRuntime.Forward();

    // ---- Forward, batch 64 ----

    [Benchmark(Baseline = true), BenchmarkCategory("Forward b64")]
    public void TensorPrimitives_Forward64() => Primitives.ForwardBatch(Inputs64, Outputs64);

    [Benchmark, BenchmarkCategory("Forward b64")]
    public void Scalar_Forward64() => Scalar.ForwardBatch(Inputs64, Outputs64);

    [Benchmark, BenchmarkCategory("Forward b64")]
    public void OnnxRuntime_Forward64() => OnnxRuntime.ForwardBatch();

    // ---- One SGD step (forward, backward, update), batch 1 ----

    [Benchmark(Baseline = true), BenchmarkCategory("Train b1")]
    public float TensorPrimitives_Train1() => Primitives.TrainStep(Inputs1, Targets1, LearningRate);

    [Benchmark, BenchmarkCategory("Train b1")]
    public float Scalar_Train1() => Scalar.TrainStep(Inputs1, Targets1, LearningRate);

    // ---- One SGD step, batch 32 ----

    [Benchmark(Baseline = true), BenchmarkCategory("Train b32")]
    public float TensorPrimitives_Train32() => Primitives.TrainStep(Inputs32, Targets32, LearningRate);

    [Benchmark, BenchmarkCategory("Train b32")]
    public float Scalar_Train32() => Scalar.TrainStep(Inputs32, Targets32, LearningRate);
}
