using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using NetGen.Kernels;

namespace NetGen.Benchmarks;

/// <summary>
/// Latency of the activations NetGen's kernels call, per evaluation: each method runs a chain of
/// <see cref="Chain"/> dependent evaluations (the next input is the last output), so the time per call divided by
/// the chain is the latency of one — what a batch-1 forward pass of a small network waits for at each layer.
/// <c>Exp</c> takes −v so that the chain stays bounded (one extra xor per link).
/// </summary>
[CategoriesColumn]
public class ActivationLatency
{
    public const string Category = "Latency";
    public const int Chain = 64;

    private readonly Vector256<float> _vector = Vector256.Create(0.3f, -0.7f, 1.1f, -2.5f, 0.05f, 4f, -6f, 8f);
    private readonly float _scalar = 0.7f;
    private Vector256<float> _vectorResult;
    private float _scalarResult;

    [Benchmark, BenchmarkCategory(Category)]
    public void Tanh256() => _vectorResult = TanhChain(_vector);

    [Benchmark, BenchmarkCategory(Category)]
    public void Sigmoid256() => _vectorResult = SigmoidChain(_vector);

    [Benchmark, BenchmarkCategory(Category)]
    public void Exp256() => _vectorResult = ExpChain(_vector);

    [Benchmark, BenchmarkCategory(Category)]
    public void TanhScalar()
    {
        float x = _scalar;
        for (int i = 0; i < Chain; i++) x = VectorMath.Tanh(x);
        _scalarResult = x;
    }

    /// <summary>The last results, so that the chains are not optimised away.</summary>
    public (Vector256<float> Vector, float Scalar) Results => (_vectorResult, _scalarResult);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> TanhChain(Vector256<float> x)
    {
        for (int i = 0; i < Chain; i++) x = VectorMath.Tanh(x);
        return x;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> SigmoidChain(Vector256<float> x)
    {
        for (int i = 0; i < Chain; i++) x = VectorMath.Sigmoid(x);
        return x;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> ExpChain(Vector256<float> x)
    {
        for (int i = 0; i < Chain; i++) x = VectorMath.Exp(-x);
        return x;
    }
}
