using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// a·b + c rounded once, lane by lane, on every target framework and processor: the generated kernels of an app on
/// .NET 9 fuse (its framework has <c>Vector256.FusedMultiplyAdd</c>) while it runs this library's .NET 8 build, which
/// does not; and a processor with AVX but not FMA (Sandy and Ivy Bridge, or <c>DOTNET_EnableAVX2=0</c>, which turns
/// FMA off with AVX2) has no instruction for it, where the framework's own fallback calls the C library's
/// <c>fmaf</c> once per lane.
/// </summary>
internal static class FusedOperations
{
    /// <summary>
    /// Whether the processor rounds a·b + c once in one instruction (x64 FMA, ARM64 AdvSimd); the JIT folds it.
    /// ARM64 is asked through <see cref="ArmBase"/>, not <see cref="AdvSimd"/>: the JIT resolves every method a
    /// method it inlines calls, in branches it then drops too, and on x64 the first reference to AdvSimd loads its
    /// thousands of methods, a millisecond of the first <c>Forward</c> under load. Every ARM64 processor .NET runs on
    /// has AdvSimd; with it turned off, the framework's fused operations round once in software, as before.
    /// </summary>
    public static bool IsHardwareAccelerated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Fma.IsSupported || ArmBase.IsSupported;
    }

    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported
            ? Avx512F.FusedMultiplyAdd(a, b, c)
            : Vector512.Create(MultiplyAdd(a.GetLower(), b.GetLower(), c.GetLower()), MultiplyAdd(a.GetUpper(), b.GetUpper(), c.GetUpper()));

    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported
            ? Fma.MultiplyAdd(a, b, c)
            : Vector256.Create(MultiplyAdd(a.GetLower(), b.GetLower(), c.GetLower()), MultiplyAdd(a.GetUpper(), b.GetUpper(), c.GetUpper()));

    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c)
    {
        if (Fma.IsSupported)
        {
            return Fma.MultiplyAdd(a, b, c);
        }

        if (ArmBase.IsSupported)
        {
            return MultiplyAddOnArm(a, b, c);
        }

        if (Vector128.IsHardwareAccelerated)
        {
            return ThroughDouble(a, b, c);
        }

        return LaneByLane(a, b, c);
    }

    /// <summary>ARM64's a·b + c, in a method of its own so that x64 code never names <see cref="AdvSimd"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MultiplyAddOnArm(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
        AdvSimd.IsSupported ? AdvSimd.FusedMultiplyAdd(c, a, b) : LaneByLane(a, b, c);

    /// <summary>a·b + c by the C library's <c>fmaf</c>, lane by lane: where no vector instruction is accelerated.</summary>
    private static Vector128<float> LaneByLane(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
        Vector128.Create(
            MathF.FusedMultiplyAdd(a.GetElement(0), b.GetElement(0), c.GetElement(0)),
            MathF.FusedMultiplyAdd(a.GetElement(1), b.GetElement(1), c.GetElement(1)),
            MathF.FusedMultiplyAdd(a.GetElement(2), b.GetElement(2), c.GetElement(2)),
            MathF.FusedMultiplyAdd(a.GetElement(3), b.GetElement(3), c.GetElement(3)));

    /// <summary>
    /// a·b + c rounded once without a fused instruction, about six times the cost of a multiply and an add: the
    /// product of two floats is exact in double, the sum is rounded to odd (the double nearest the exact sum, moved
    /// to its odd neighbour when it is inexact and even), and a double rounded to odd has enough extra bits that
    /// rounding it to float gives the correctly rounded sum (Boldo and Melquiond, "Emulation of FMA and correctly
    /// rounded sums: proved algorithms using rounding to odd", 2008).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> ThroughDouble(Vector128<float> a, Vector128<float> b, Vector128<float> c)
    {
        var lower = SumRoundedToOdd(Vector128.WidenLower(a) * Vector128.WidenLower(b), Vector128.WidenLower(c));
        var upper = SumRoundedToOdd(Vector128.WidenUpper(a) * Vector128.WidenUpper(b), Vector128.WidenUpper(c));
        return Vector128.Narrow(lower, upper);
    }

    /// <summary>p + c rounded to odd, from the nearest sum and its exact error (Knuth's two-sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> SumRoundedToOdd(Vector128<double> p, Vector128<double> c)
    {
        var sum = p + c;
        var cPart = sum - p;
        var error = (p - (sum - cPart)) + (c - cPart);

        // Inexact: a nonzero error (an infinite or NaN sum has a NaN error and stays as it is). Moving to the odd
        // neighbour is one step of the bits toward the exact sum: down when the error has the other sign, then up by
        // setting the last bit.
        var inexact = Vector128.GreaterThan(Vector128.Abs(error), Vector128<double>.Zero).AsInt64();
        var towardZero = Vector128.LessThan((sum ^ error).AsInt64(), Vector128<long>.Zero) & inexact;
        return ((sum.AsInt64() + towardZero) | (inexact & Vector128<long>.One)).AsDouble();
    }
}
