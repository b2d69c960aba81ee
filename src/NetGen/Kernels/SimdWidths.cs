using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// The vector operations the shared layer kernels need, for one width: the kernels are written once over this
/// interface and the JIT specialises them per width (each implementation is a struct of static members).
/// </summary>
internal interface ISimdWidth<TVector>
    where TVector : struct
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    static abstract TVector Zero { get; }

    static abstract TVector Load(ref float source, nuint index);

    static abstract void Store(TVector value, ref float target, nuint index);

    static abstract TVector Broadcast(float value);

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Subtract(TVector left, TVector right);

    static abstract TVector Multiply(TVector left, TVector right);

    static abstract TVector Divide(TVector left, TVector right);

    /// <summary>e^x in every lane (<see cref="VectorMath"/>'s).</summary>
    static abstract TVector Exp(TVector value);

    /// <summary>√x in every lane.</summary>
    static abstract TVector Sqrt(TVector value);

    /// <summary>
    /// left·right + addend, fused where the framework has the API (as the generated code does) and the processor the
    /// instruction. Without it (AVX but no FMA) an exact fused result costs about six times a multiply and an add,
    /// which would make the layer kernels slower than scalar code, so they round twice there. The condition is
    /// written out (not <see cref="FusedOperations.IsHardwareAccelerated"/>) so that the JIT drops the other branch
    /// as it imports the caller: a getter folds only after inlining, by when the framework's software
    /// <c>FusedMultiplyAdd</c> in the dead branch has pushed the kernel's vectors out of registers.
    /// </summary>
    static abstract TVector MultiplyAdd(TVector left, TVector right, TVector addend);

    static abstract TVector Max(TVector left, TVector right);

    /// <summary>Keeps the lanes from <paramref name="skipped"/> on and zeroes those below it.</summary>
    static abstract TVector KeepFrom(TVector value, int skipped);

    /// <summary>Keeps the lanes below <paramref name="count"/> and zeroes the others.</summary>
    static abstract TVector KeepBelow(TVector value, int count);

    /// <summary>Lane i of the result is the sum of the lanes of aᵢ.</summary>
    static abstract Vector128<float> SumsOfFour(TVector a0, TVector a1, TVector a2, TVector a3);

    static abstract float Sum(TVector value);

    static abstract TVector Activate<TActivation>(TVector value, TActivation activation)
        where TActivation : struct, IActivationFunction;

    /// <summary>The rule's update of the parameters at <paramref name="index"/>, through its overload for this width.</summary>
    static abstract TVector Update<TRule>(ref TRule rule, TVector parameters, TVector gradients, int index)
        where TRule : struct, IUpdateRule;

    /// <summary>The derivative at every lane, through its overload for this width.</summary>
    static abstract TVector Derive<TDerivative>(TVector value, TDerivative derivative)
        where TDerivative : struct, IDerivativeOperator;
}

internal readonly struct Width512 : ISimdWidth<Vector512<float>>
{
    public static int Count => 16;

    public static Vector512<float> Zero => Vector512<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source, nuint index) => Vector512.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float target, nuint index) => value.StoreUnsafe(ref target, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> left, Vector512<float> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Subtract(Vector512<float> left, Vector512<float> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Multiply(Vector512<float> left, Vector512<float> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Divide(Vector512<float> left, Vector512<float> right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> value) => VectorMath.Exp(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sqrt(Vector512<float> value) => Vector512.Sqrt(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> left, Vector512<float> right, Vector512<float> addend) =>
#if NET9_0_OR_GREATER
        Fma.IsSupported || ArmBase.IsSupported ? Vector512.FusedMultiplyAdd(left, right, addend) : (left * right) + addend;
#else
        (left * right) + addend;
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Max(Vector512<float> left, Vector512<float> right) =>
#if NET9_0_OR_GREATER
        Vector512.Max(left, right);
#else
        // .NET 8's Max is maxps, which returns right where either is NaN: a NaN left is put back, as later Max keep it.
        Vector512.ConditionalSelect(Vector512.Equals(left, left), Vector512.Max(left, right), left);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> KeepFrom(Vector512<float> value, int skipped) =>
        value & Vector512.GreaterThanOrEqual(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create(skipped)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> KeepBelow(Vector512<float> value, int count) =>
        value & Vector512.LessThan(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create(count)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SumsOfFour(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3) =>
        Width256.SumsOfFour(Fold(a0), Fold(a1), Fold(a2), Fold(a3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector512<float> value) => Vector128.Sum(Width256.Fold(Fold(value)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Activate<TActivation>(Vector512<float> value, TActivation activation)
        where TActivation : struct, IActivationFunction => activation.Apply(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Update<TRule>(ref TRule rule, Vector512<float> parameters, Vector512<float> gradients, int index)
        where TRule : struct, IUpdateRule => rule.Update(parameters, gradients, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Derive<TDerivative>(Vector512<float> value, TDerivative derivative)
        where TDerivative : struct, IDerivativeOperator => derivative.Invoke(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Fold(Vector512<float> value) => value.GetLower() + value.GetUpper();
}

internal readonly struct Width256 : ISimdWidth<Vector256<float>>
{
    public static int Count => 8;

    public static Vector256<float> Zero => Vector256<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source, nuint index) => Vector256.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float target, nuint index) => value.StoreUnsafe(ref target, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> left, Vector256<float> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Subtract(Vector256<float> left, Vector256<float> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Multiply(Vector256<float> left, Vector256<float> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Divide(Vector256<float> left, Vector256<float> right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> value) => VectorMath.Exp(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sqrt(Vector256<float> value) => Vector256.Sqrt(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> left, Vector256<float> right, Vector256<float> addend) =>
#if NET9_0_OR_GREATER
        Fma.IsSupported || ArmBase.IsSupported ? Vector256.FusedMultiplyAdd(left, right, addend) : (left * right) + addend;
#else
        (left * right) + addend;
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Max(Vector256<float> left, Vector256<float> right) =>
#if NET9_0_OR_GREATER
        Vector256.Max(left, right);
#else
        // .NET 8's Max is maxps, which returns right where either is NaN: a NaN left is put back, as later Max keep it.
        Vector256.ConditionalSelect(Vector256.Equals(left, left), Vector256.Max(left, right), left);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> KeepFrom(Vector256<float> value, int skipped) =>
        value & Vector256.GreaterThanOrEqual(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(skipped)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> KeepBelow(Vector256<float> value, int count) =>
        value & Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SumsOfFour(Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3) =>
        HorizontalSums.Sums(Fold(a0), Fold(a1), Fold(a2), Fold(a3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector256<float> value) => Vector128.Sum(Fold(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Activate<TActivation>(Vector256<float> value, TActivation activation)
        where TActivation : struct, IActivationFunction => activation.Apply(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Update<TRule>(ref TRule rule, Vector256<float> parameters, Vector256<float> gradients, int index)
        where TRule : struct, IUpdateRule => rule.Update(parameters, gradients, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Derive<TDerivative>(Vector256<float> value, TDerivative derivative)
        where TDerivative : struct, IDerivativeOperator => derivative.Invoke(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Fold(Vector256<float> value) => value.GetLower() + value.GetUpper();
}

internal readonly struct Width128 : ISimdWidth<Vector128<float>>
{
    public static int Count => 4;

    public static Vector128<float> Zero => Vector128<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(ref float source, nuint index) => Vector128.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float target, nuint index) => value.StoreUnsafe(ref target, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Broadcast(float value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> left, Vector128<float> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Subtract(Vector128<float> left, Vector128<float> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Multiply(Vector128<float> left, Vector128<float> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Divide(Vector128<float> left, Vector128<float> right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> value) => VectorMath.Exp(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sqrt(Vector128<float> value) => Vector128.Sqrt(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> left, Vector128<float> right, Vector128<float> addend) =>
#if NET9_0_OR_GREATER
        Fma.IsSupported || ArmBase.IsSupported ? Vector128.FusedMultiplyAdd(left, right, addend) : (left * right) + addend;
#else
        (left * right) + addend;
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Max(Vector128<float> left, Vector128<float> right) =>
#if NET9_0_OR_GREATER
        Vector128.Max(left, right);
#else
        // .NET 8's Max is maxps, which returns right where either is NaN: a NaN left is put back, as later Max keep it.
        Vector128.ConditionalSelect(Vector128.Equals(left, left), Vector128.Max(left, right), left);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> KeepFrom(Vector128<float> value, int skipped) =>
        value & Vector128.GreaterThanOrEqual(Vector128.Create(0, 1, 2, 3), Vector128.Create(skipped)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> KeepBelow(Vector128<float> value, int count) =>
        value & Vector128.LessThan(Vector128.Create(0, 1, 2, 3), Vector128.Create(count)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SumsOfFour(Vector128<float> a0, Vector128<float> a1, Vector128<float> a2, Vector128<float> a3) =>
        HorizontalSums.Sums(a0, a1, a2, a3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector128<float> value) => Vector128.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Activate<TActivation>(Vector128<float> value, TActivation activation)
        where TActivation : struct, IActivationFunction => activation.Apply(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Update<TRule>(ref TRule rule, Vector128<float> parameters, Vector128<float> gradients, int index)
        where TRule : struct, IUpdateRule => rule.Update(parameters, gradients, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Derive<TDerivative>(Vector128<float> value, TDerivative derivative)
        where TDerivative : struct, IDerivativeOperator => derivative.Invoke(value);
}
