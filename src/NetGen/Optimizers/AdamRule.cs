using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen;

/// <summary>
/// One step of Adam with decoupled weight decay, as <c>torch.optim.AdamW</c>: θ ← θ·(1 − ηλ); m ← β₁m + (1 − β₁)g;
/// v ← β₂v + (1 − β₂)g²; θ ← θ − (η / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε), the step's scalars prepared in double.
/// </summary>
internal readonly struct AdamRule : IUpdateRule
{
    private readonly float[] _firstMoment;
    private readonly float[] _secondMoment;
    private readonly float _beta1;
    private readonly float _beta2;
    private readonly float _oneMinusBeta1;
    private readonly float _oneMinusBeta2;
    private readonly float _epsilon;
    private readonly float _stepSize;
    private readonly float _sqrtCorrection2;
    private readonly float _decay;

    public AdamRule(Adam adam, float[] firstMoment, float[] secondMoment, long step)
    {
        _firstMoment = firstMoment;
        _secondMoment = secondMoment;
        _beta1 = (float)adam.Beta1;
        _beta2 = (float)adam.Beta2;
        _oneMinusBeta1 = (float)(1 - adam.Beta1);
        _oneMinusBeta2 = (float)(1 - adam.Beta2);
        _epsilon = (float)adam.Epsilon;
        // As torch: step size η / (1 − β₁ᵗ), denominator √v / √(1 − β₂ᵗ) + ε.
        double t = step;
        _stepSize = (float)(adam.LearningRate / (1.0 - Math.Pow(adam.Beta1, t)));
        _sqrtCorrection2 = (float)Math.Sqrt(1.0 - Math.Pow(adam.Beta2, t));
        _decay = (float)(1.0 - (adam.LearningRate * adam.WeightDecay));
    }

    public float Update(float parameter, float gradient, int index)
    {
        ref var m = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_firstMoment), index);
        ref var v = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_secondMoment), index);
        var first = (_beta1 * m) + (_oneMinusBeta1 * gradient);
        var second = (_beta2 * v) + (_oneMinusBeta2 * gradient * gradient);
        m = first;
        v = second;
        return (parameter * _decay) - (_stepSize * first / ((MathF.Sqrt(second) / _sqrtCorrection2) + _epsilon));
    }

    public Vector128<float> Update(Vector128<float> parameters, Vector128<float> gradients, int index) => Update<Width128, Vector128<float>>(parameters, gradients, index);

    public Vector256<float> Update(Vector256<float> parameters, Vector256<float> gradients, int index) => Update<Width256, Vector256<float>>(parameters, gradients, index);

    public Vector512<float> Update(Vector512<float> parameters, Vector512<float> gradients, int index) => Update<Width512, Vector512<float>>(parameters, gradients, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVector Update<TWidth, TVector>(TVector parameters, TVector gradients, int index)
        where TWidth : struct, ISimdWidth<TVector>
        where TVector : struct
    {
        ref var m = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_firstMoment), index);
        ref var v = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_secondMoment), index);
        var first = TWidth.Add(TWidth.Multiply(TWidth.Broadcast(_beta1), TWidth.Load(ref m, 0)), TWidth.Multiply(TWidth.Broadcast(_oneMinusBeta1), gradients));
        var second = TWidth.Add(
            TWidth.Multiply(TWidth.Broadcast(_beta2), TWidth.Load(ref v, 0)),
            TWidth.Multiply(TWidth.Multiply(TWidth.Broadcast(_oneMinusBeta2), gradients), gradients));
        TWidth.Store(first, ref m, 0);
        TWidth.Store(second, ref v, 0);
        var denominator = TWidth.Add(TWidth.Divide(TWidth.Sqrt(second), TWidth.Broadcast(_sqrtCorrection2)), TWidth.Broadcast(_epsilon));
        var step = TWidth.Divide(TWidth.Multiply(TWidth.Broadcast(_stepSize), first), denominator);
        return TWidth.Subtract(TWidth.Multiply(parameters, TWidth.Broadcast(_decay)), step);
    }
}
