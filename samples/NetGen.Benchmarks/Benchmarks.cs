using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

// NetGen's SGD step is the fused TrainStepBatch; NetGenThreePasses is ZeroGradients, BackwardBatch and Sgd.Step, the
// unfused path it replaces, measured beside it.

/// <summary>N1 4-16-16-2: NetGen against the peers of <see cref="NetworkBenchmarks"/>.</summary>
public class N1Benchmarks : NetworkBenchmarks
{
    private readonly N1 _net = new(Seed);

    public override Shape Shape => Shapes.N1;

    protected override INetwork Network => _net;

    [Benchmark, BenchmarkCategory("Forward b1")]
    public void NetGen_Forward() => _net.Forward(Input1, Output1);

    [Benchmark, BenchmarkCategory("Forward b64")]
    public void NetGen_ForwardBatch64() => _net.ForwardBatch(Inputs64, Outputs64);

    [Benchmark, BenchmarkCategory("Train b1")]
    public float NetGen_Train1() => _net.TrainStepBatch(Inputs1, Targets1, Optimizer);

    [Benchmark, BenchmarkCategory("Train b1")]
    public float NetGenThreePasses_Train1()
    {
        _net.ZeroGradients();
        float loss = _net.BackwardBatch(Inputs1, Targets1);
        Optimizer.Step(_net.Parameters, _net.Gradients);
        return loss;
    }

    [Benchmark, BenchmarkCategory("Train b32")]
    public float NetGen_Train32() => _net.TrainStepBatch(Inputs32, Targets32, Optimizer);

    [Benchmark, BenchmarkCategory("Train b32")]
    public float NetGenThreePasses_Train32()
    {
        _net.ZeroGradients();
        float loss = _net.BackwardBatch(Inputs32, Targets32);
        Optimizer.Step(_net.Parameters, _net.Gradients);
        return loss;
    }
}

/// <summary>N2 32-64-64-8: NetGen against the peers of <see cref="NetworkBenchmarks"/>.</summary>
public class N2Benchmarks : NetworkBenchmarks
{
    private readonly N2 _net = new(Seed);

    public override Shape Shape => Shapes.N2;

    protected override INetwork Network => _net;

    [Benchmark, BenchmarkCategory("Forward b1")]
    public void NetGen_Forward() => _net.Forward(Input1, Output1);

    [Benchmark, BenchmarkCategory("Forward b64")]
    public void NetGen_ForwardBatch64() => _net.ForwardBatch(Inputs64, Outputs64);

    [Benchmark, BenchmarkCategory("Train b1")]
    public float NetGen_Train1() => _net.TrainStepBatch(Inputs1, Targets1, Optimizer);

    [Benchmark, BenchmarkCategory("Train b1")]
    public float NetGenThreePasses_Train1()
    {
        _net.ZeroGradients();
        float loss = _net.BackwardBatch(Inputs1, Targets1);
        Optimizer.Step(_net.Parameters, _net.Gradients);
        return loss;
    }

    [Benchmark, BenchmarkCategory("Train b32")]
    public float NetGen_Train32() => _net.TrainStepBatch(Inputs32, Targets32, Optimizer);

    [Benchmark, BenchmarkCategory("Train b32")]
    public float NetGenThreePasses_Train32()
    {
        _net.ZeroGradients();
        float loss = _net.BackwardBatch(Inputs32, Targets32);
        Optimizer.Step(_net.Parameters, _net.Gradients);
        return loss;
    }
}

/// <summary>N3 784-128-10: NetGen against the peers of <see cref="NetworkBenchmarks"/>.</summary>
public class N3Benchmarks : NetworkBenchmarks
{
    private readonly N3 _net = new(Seed);

    public override Shape Shape => Shapes.N3;

    protected override INetwork Network => _net;

    [Benchmark, BenchmarkCategory("Forward b1")]
    public void NetGen_Forward() => _net.Forward(Input1, Output1);

    [Benchmark, BenchmarkCategory("Forward b64")]
    public void NetGen_ForwardBatch64() => _net.ForwardBatch(Inputs64, Outputs64);

    [Benchmark, BenchmarkCategory("Train b1")]
    public float NetGen_Train1() => _net.TrainStepBatch(Inputs1, Targets1, Optimizer);

    [Benchmark, BenchmarkCategory("Train b1")]
    public float NetGenThreePasses_Train1()
    {
        _net.ZeroGradients();
        float loss = _net.BackwardBatch(Inputs1, Targets1);
        Optimizer.Step(_net.Parameters, _net.Gradients);
        return loss;
    }

    [Benchmark, BenchmarkCategory("Train b32")]
    public float NetGen_Train32() => _net.TrainStepBatch(Inputs32, Targets32, Optimizer);

    [Benchmark, BenchmarkCategory("Train b32")]
    public float NetGenThreePasses_Train32()
    {
        _net.ZeroGradients();
        float loss = _net.BackwardBatch(Inputs32, Targets32);
        Optimizer.Step(_net.Parameters, _net.Gradients);
        return loss;
    }
}

/// <summary>N4 256-512-512-256: NetGen against the peers of <see cref="NetworkBenchmarks"/>.</summary>
public class N4Benchmarks : NetworkBenchmarks
{
    private readonly N4 _net = new(Seed);

    public override Shape Shape => Shapes.N4;

    protected override INetwork Network => _net;

    [Benchmark, BenchmarkCategory("Forward b1")]
    public void NetGen_Forward() => _net.Forward(Input1, Output1);

    [Benchmark, BenchmarkCategory("Forward b64")]
    public void NetGen_ForwardBatch64() => _net.ForwardBatch(Inputs64, Outputs64);

    [Benchmark, BenchmarkCategory("Train b1")]
    public float NetGen_Train1() => _net.TrainStepBatch(Inputs1, Targets1, Optimizer);

    [Benchmark, BenchmarkCategory("Train b1")]
    public float NetGenThreePasses_Train1()
    {
        _net.ZeroGradients();
        float loss = _net.BackwardBatch(Inputs1, Targets1);
        Optimizer.Step(_net.Parameters, _net.Gradients);
        return loss;
    }

    [Benchmark, BenchmarkCategory("Train b32")]
    public float NetGen_Train32() => _net.TrainStepBatch(Inputs32, Targets32, Optimizer);

    [Benchmark, BenchmarkCategory("Train b32")]
    public float NetGenThreePasses_Train32()
    {
        _net.ZeroGradients();
        float loss = _net.BackwardBatch(Inputs32, Targets32);
        Optimizer.Step(_net.Parameters, _net.Gradients);
        return loss;
    }
}

/// <summary>D16, a single Dense 16×16: NetGen against the peers of <see cref="NetworkBenchmarks"/>.</summary>
public class D16Benchmarks : NetworkBenchmarks
{
    private readonly D16 _net = new(Seed);

    public override Shape Shape => Shapes.D16;

    protected override INetwork Network => _net;

    [Benchmark, BenchmarkCategory("Forward b1")]
    public void NetGen_Forward() => _net.Forward(Input1, Output1);

    [Benchmark, BenchmarkCategory("Forward b64")]
    public void NetGen_ForwardBatch64() => _net.ForwardBatch(Inputs64, Outputs64);

    /// <summary>The 64 rows of <see cref="NetGen_ForwardBatch64"/> as 64 one-row calls: what ForwardBatch must beat.</summary>
    [Benchmark, BenchmarkCategory("Forward b64")]
    public void OneByOne_Forward64()
    {
        for (int row = 0; row < ForwardRows; row++)
        {
            _net.Forward(Inputs64.AsSpan(row * D16.InputSize, D16.InputSize), Outputs64.AsSpan(row * D16.OutputSize, D16.OutputSize));
        }
    }

    [Benchmark, BenchmarkCategory("Train b1")]
    public float NetGen_Train1() => _net.TrainStepBatch(Inputs1, Targets1, Optimizer);

    [Benchmark, BenchmarkCategory("Train b1")]
    public float NetGenThreePasses_Train1()
    {
        _net.ZeroGradients();
        float loss = _net.BackwardBatch(Inputs1, Targets1);
        Optimizer.Step(_net.Parameters, _net.Gradients);
        return loss;
    }

    [Benchmark, BenchmarkCategory("Train b32")]
    public float NetGen_Train32() => _net.TrainStepBatch(Inputs32, Targets32, Optimizer);

    [Benchmark, BenchmarkCategory("Train b32")]
    public float NetGenThreePasses_Train32()
    {
        _net.ZeroGradients();
        float loss = _net.BackwardBatch(Inputs32, Targets32);
        Optimizer.Step(_net.Parameters, _net.Gradients);
        return loss;
    }
}
