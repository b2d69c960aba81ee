using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// a·b + c rounded once, lane by lane against <see cref="MathF.FusedMultiplyAdd"/> (IEEE 754's fusedMultiplyAdd):
/// the emulation for processors without the instruction on every run, and whichever path this run dispatches to.
/// </summary>
public sealed class FusedOperationsTests
{
    /// <summary>
    /// Operands of every kind, a quarter of them near ties: a 12-bit by 13-bit product can fall exactly halfway
    /// between two floats, and a tiny c then decides the rounding, which a sum rounded to double first loses.
    /// </summary>
    private static (float A, float B, float C) Operands(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                float a = random.Next(1 << 11, 1 << 12), b = random.Next(1 << 12, 1 << 13);
                return (random.Next(2) == 0 ? a : -a, b, (random.Next(2) == 0 ? 1 : -1) * MathF.Pow(2, -random.Next(1, 140)));
            case 1:
                float x = Magnitude(random), y = Magnitude(random);
                return (x, y, -(x * y) * (1 + ((float)(random.NextDouble() - 0.5) * 1e-6f)));
            case 2:
                return (Bits(random), Bits(random), Bits(random));
            default:
                return (Magnitude(random), Magnitude(random), Magnitude(random));
        }

        static float Magnitude(Random random) => (float)((random.NextDouble() * 2) - 1) * MathF.Pow(2, random.Next(-80, 64));

        static float Bits(Random random) => BitConverter.Int32BitsToSingle(random.Next() | (random.Next(2) << 31));
    }

    private static void AssertRoundedOnce(float a, float b, float c, float actual)
    {
        var expected = MathF.FusedMultiplyAdd(a, b, c);
        if (!(float.IsNaN(expected) && float.IsNaN(actual)))
        {
            Assert.True(
                BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
                $"{a:R}·{b:R} + {c:R}: {actual:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void Through_double_rounds_once_where_a_double_sum_rounds_twice()
    {
        var random = new Random(7);
        var roundedTwice = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var (a0, b0, c0) = Operands(random);
            var (a1, b1, c1) = Operands(random);
            var sums = FusedOperations.ThroughDouble(Vector128.Create(a0, a1, -a0, b1), Vector128.Create(b0, b1, b0, a1), Vector128.Create(c0, c1, -c0, c1));

            AssertRoundedOnce(a0, b0, c0, sums[0]);
            AssertRoundedOnce(a1, b1, c1, sums[1]);
            AssertRoundedOnce(-a0, b0, -c0, sums[2]);
            AssertRoundedOnce(b1, a1, c1, sums[3]);
            roundedTwice += (float)(((double)a0 * b0) + c0) != MathF.FusedMultiplyAdd(a0, b0, c0) ? 1 : 0;
        }

        // The operands reach the cases that need rounding to odd.
        Assert.True(roundedTwice > 100, $"only {roundedTwice} operands where a double sum rounds differently");
    }

    [Theory]
    [InlineData(0f, 5f, -0f)]
    [InlineData(-0f, -5f, -0f)]
    [InlineData(-2f, 3f, 6f)]
    [InlineData(float.PositiveInfinity, 2f, 1f)]
    [InlineData(float.PositiveInfinity, 2f, float.NegativeInfinity)]
    [InlineData(float.NaN, 1f, 1f)]
    [InlineData(float.MaxValue, 2f, -1f)]
    [InlineData(float.MaxValue, 2f, float.MinValue)]
    [InlineData(1e-30f, 1e-20f, float.Epsilon)]
    [InlineData(1.5e-38f, 0.75f, -1.1e-38f)]
    [InlineData(float.Epsilon, 0.5f, 0f)]
    [InlineData(float.Epsilon, -1.5f, 0f)]
    public void Through_double_keeps_signed_zeros_infinities_NaN_and_subnormals(float a, float b, float c)
    {
        var sums = FusedOperations.ThroughDouble(Vector128.Create(a, -a, a, b), Vector128.Create(b, b, -b, a), Vector128.Create(c, -c, c, c));

        AssertRoundedOnce(a, b, c, sums[0]);
        AssertRoundedOnce(-a, b, -c, sums[1]);
        AssertRoundedOnce(a, -b, c, sums[2]);
        AssertRoundedOnce(b, a, c, sums[3]);
    }

    [Fact]
    public void Every_width_rounds_once_on_this_run()
    {
        var random = new Random(11);
        var (a, b, c) = (new float[16], new float[16], new float[16]);
        for (var round = 0; round < 2_000; round++)
        {
            for (var i = 0; i < 16; i++)
            {
                (a[i], b[i], c[i]) = Operands(random);
            }

            var v512 = FusedOperations.MultiplyAdd(Vector512.Create(a), Vector512.Create(b), Vector512.Create(c));
            var v256 = FusedOperations.MultiplyAdd(Vector256.Create(a), Vector256.Create(b), Vector256.Create(c));
            var v128 = FusedOperations.MultiplyAdd(Vector128.Create(a), Vector128.Create(b), Vector128.Create(c));
            for (var i = 0; i < 16; i++)
            {
                AssertRoundedOnce(a[i], b[i], c[i], v512[i]);
                if (i < 8)
                {
                    AssertRoundedOnce(a[i], b[i], c[i], v256[i]);
                }

                if (i < 4)
                {
                    AssertRoundedOnce(a[i], b[i], c[i], v128[i]);
                }
            }
        }
    }

    /// <summary>
    /// The layer kernels' multiply-add is fused only where one instruction does it: without FMA (AVX without AVX2,
    /// <c>DOTNET_EnableAVX2=0</c>) an exact fused sum costs several times a multiply and an add, and Vector128
    /// kernels paying it would run slower than scalar code.
    /// </summary>
    [Fact]
    public void Layer_kernels_fuse_only_where_the_processor_has_the_instruction()
    {
        var (a, b, c) = (1f + MathF.Pow(2, -12), 1f + MathF.Pow(2, -12), -1f);
        var fused = MathF.FusedMultiplyAdd(a, b, c);
        var roundedTwice = (a * b) + c;
        Assert.NotEqual(fused, roundedTwice);
#if NET9_0_OR_GREATER
        var expected = FusedOperations.IsHardwareAccelerated ? fused : roundedTwice;
#else
        // The kernels' build for net8.0, whose framework has no vector FusedMultiplyAdd, multiplies and adds.
        var expected = roundedTwice;
#endif

        Assert.Equal(expected, Width128.MultiplyAdd(Vector128.Create(a), Vector128.Create(b), Vector128.Create(c))[3]);
        Assert.Equal(expected, Width256.MultiplyAdd(Vector256.Create(a), Vector256.Create(b), Vector256.Create(c))[7]);
        Assert.Equal(expected, Width512.MultiplyAdd(Vector512.Create(a), Vector512.Create(b), Vector512.Create(c))[15]);
    }

    /// <summary>
    /// The JIT resolves every method that a method it inlines calls, in branches it then drops too, and on x64 the
    /// first reference to AdvSimd loads its thousands of methods during a network's first <c>Forward</c>. So only
    /// the ARM64 path that x64 code never reaches names AdvSimd; the processor tests ask <see cref="ArmBase"/>.
    /// </summary>
    [Fact]
    public void Only_the_ARM64_path_names_AdvSimd()
    {
        var callers = typeof(FusedOperations).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>()
                .Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)))
            .Where(method => CalledMethods(method).Any(callee => callee.DeclaringType is { } owner &&
                (owner == typeof(AdvSimd) || owner.DeclaringType == typeof(AdvSimd))))
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .ToList();

        Assert.Equal(["FusedOperations.MultiplyAddOnArm"], callers);
    }

    /// <summary>The methods <paramref name="method"/>'s IL calls, loads or constructs.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var opCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)!)
            .ToDictionary(code => (ushort)code.Value);
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (ushort)(0xFE00 | il[at + 1]) : il[at];
            var code = opCodes[value];
            at += code.Size;
            if (code.OperandType == OperandType.InlineMethod)
            {
                yield return method.Module.ResolveMethod(BitConverter.ToInt32(il, at),
                    method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null)!;
            }

            at += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }
    }
}
