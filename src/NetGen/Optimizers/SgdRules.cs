using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen;

/// <summary>Plain SGD, as <c>torch.optim.SGD</c> without momentum or weight decay: θ ← θ − η·g.</summary>
internal readonly struct SgdRule : IUpdateRule
{
    private readonly float _learningRate;

    public SgdRule(float learningRate) => _learningRate = learningRate;

    public float Update(float parameter, float gradient, int index) => parameter - (_learningRate * gradient);

    public Vector128<float> Update(Vector128<float> parameters, Vector128<float> gradients, int index) => Update<Width128, Vector128<float>>(parameters, gradients);

    public Vector256<float> Update(Vector256<float> parameters, Vector256<float> gradients, int index) => Update<Width256, Vector256<float>>(parameters, gradients);

    public Vector512<float> Update(Vector512<float> parameters, Vector512<float> gradients, int index) => Update<Width512, Vector512<float>>(parameters, gradients);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVector Update<TWidth, TVector>(TVector parameters, TVector gradients)
        where TWidth : struct, ISimdWidth<TVector>
        where TVector : struct =>
        TWidth.Subtract(parameters, TWidth.Multiply(TWidth.Broadcast(_learningRate), gradients));
}

/// <summary>SGD with L2 weight decay, as <c>torch.optim.SGD</c> without momentum: θ ← θ − η·(g + λθ).</summary>
internal readonly struct SgdDecayRule : IUpdateRule
{
    private readonly float _learningRate;
    private readonly float _weightDecay;

    public SgdDecayRule(float learningRate, float weightDecay)
    {
        _learningRate = learningRate;
        _weightDecay = weightDecay;
    }

    public float Update(float parameter, float gradient, int index) =>
        parameter - (_learningRate * (gradient + (_weightDecay * parameter)));

    public Vector128<float> Update(Vector128<float> parameters, Vector128<float> gradients, int index) => Update<Width128, Vector128<float>>(parameters, gradients);

    public Vector256<float> Update(Vector256<float> parameters, Vector256<float> gradients, int index) => Update<Width256, Vector256<float>>(parameters, gradients);

    public Vector512<float> Update(Vector512<float> parameters, Vector512<float> gradients, int index) => Update<Width512, Vector512<float>>(parameters, gradients);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVector Update<TWidth, TVector>(TVector parameters, TVector gradients)
        where TWidth : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        var decayed = TWidth.Add(gradients, TWidth.Multiply(TWidth.Broadcast(_weightDecay), parameters));
        return TWidth.Subtract(parameters, TWidth.Multiply(TWidth.Broadcast(_learningRate), decayed));
    }
}

/// <summary>
/// SGD with momentum (dampening 0) or Nesterov momentum and L2 weight decay, as <c>torch.optim.SGD</c>:
/// g ← ∇ + λθ; b ← μb + g (b starts at 0, so the first step gives b = g); θ ← θ − η·(g + μb) with Nesterov, else θ − η·b.
/// </summary>
internal readonly struct MomentumRule : IUpdateRule
{
    private readonly float[] _buffer;
    private readonly float _learningRate;
    private readonly float _weightDecay;
    private readonly float _momentum;
    private readonly bool _nesterov;

    public MomentumRule(float[] buffer, float learningRate, float weightDecay, float momentum, bool nesterov)
    {
        _buffer = buffer;
        _learningRate = learningRate;
        _weightDecay = weightDecay;
        _momentum = momentum;
        _nesterov = nesterov;
    }

    public float Update(float parameter, float gradient, int index)
    {
        ref var slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), index);
        var decayed = gradient + (_weightDecay * parameter);
        var buffer = (_momentum * slot) + decayed;
        slot = buffer;
        return parameter - (_learningRate * (_nesterov ? decayed + (_momentum * buffer) : buffer));
    }

    public Vector128<float> Update(Vector128<float> parameters, Vector128<float> gradients, int index) => Update<Width128, Vector128<float>>(parameters, gradients, index);

    public Vector256<float> Update(Vector256<float> parameters, Vector256<float> gradients, int index) => Update<Width256, Vector256<float>>(parameters, gradients, index);

    public Vector512<float> Update(Vector512<float> parameters, Vector512<float> gradients, int index) => Update<Width512, Vector512<float>>(parameters, gradients, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVector Update<TWidth, TVector>(TVector parameters, TVector gradients, int index)
        where TWidth : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        ref var slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), index);
        var momentum = TWidth.Broadcast(_momentum);
        var decayed = TWidth.Add(gradients, TWidth.Multiply(TWidth.Broadcast(_weightDecay), parameters));
        var buffer = TWidth.Add(TWidth.Multiply(momentum, TWidth.Load(ref slot, 0)), decayed);
        TWidth.Store(buffer, ref slot, 0);
        var step = _nesterov ? TWidth.Add(decayed, TWidth.Multiply(momentum, buffer)) : buffer;
        return TWidth.Subtract(parameters, TWidth.Multiply(TWidth.Broadcast(_learningRate), step));
    }
}
