using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using Xunit.Abstractions;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Checks every <see cref="VectorMath"/> function at every width against a double-precision reference written here,
/// over a dense sweep of [-20, 20], a log-spaced sweep out to ±1e4 and the points where implementations break.
/// </summary>
public sealed class VectorMathTests
{
    private const double RelativeTolerance = 1e-6;
    private const int UlpTolerance = 4;
    private const float SmallestNormal = 1.17549435e-38f;

    // Results that underflow into (or next to) the subnormals carry few significant bits; they are judged by
    // absolute error: 256 × the smallest subnormal, about 3.6e-43.
    private const double UnderflowTolerance = 256 * (double)float.Epsilon;

    // Where a function crosses zero away from x = 0 (the derivatives of Swish and Mish, near -1.28 and -1.19), the
    // rounding of the input alone rules out relative accuracy; within a window around the crossing the error is
    // judged as absolute.
    private const double ZeroCrossingTolerance = 1e-7;

    private readonly ITestOutputHelper _output;

    public VectorMathTests(ITestOutputHelper output) => _output = output;

    private sealed record Kernel(
        Func<float, float> Scalar,
        Func<Vector128<float>, Vector128<float>> Vector128,
        Func<Vector256<float>, Vector256<float>> Vector256,
        Func<Vector512<float>, Vector512<float>> Vector512,
        Func<double, double> Reference,
        bool PositiveDomain = false,
        (float Low, float High)? ZeroCrossing = null)
    {
        public double AbsoluteToleranceAt(float x) =>
            ZeroCrossing is var (low, high) && x >= low && x <= high ? ZeroCrossingTolerance : 0;
    }

    private static readonly Dictionary<string, Kernel> s_kernels = new()
    {
        ["Exp"] = new(VectorMath.Exp, VectorMath.Exp, VectorMath.Exp, VectorMath.Exp, Math.Exp),
        ["Sigmoid"] = new(VectorMath.Sigmoid, VectorMath.Sigmoid, VectorMath.Sigmoid, VectorMath.Sigmoid, Reference.Sigmoid),
        ["Tanh"] = new(VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh, Math.Tanh),
        ["Swish"] = new(VectorMath.Swish, VectorMath.Swish, VectorMath.Swish, VectorMath.Swish, x => x * Reference.Sigmoid(x)),
        ["SwishDerivative"] = new(
            VectorMath.SwishDerivative, VectorMath.SwishDerivative, VectorMath.SwishDerivative, VectorMath.SwishDerivative,
            Reference.SwishDerivative, ZeroCrossing: (-1.6f, -1f)),
        ["Softplus"] = new(VectorMath.Softplus, VectorMath.Softplus, VectorMath.Softplus, VectorMath.Softplus, Reference.Softplus),
        ["Mish"] = new(VectorMath.Mish, VectorMath.Mish, VectorMath.Mish, VectorMath.Mish, x => x * Math.Tanh(Reference.Softplus(x))),
        ["MishDerivative"] = new(
            VectorMath.MishDerivative, VectorMath.MishDerivative, VectorMath.MishDerivative, VectorMath.MishDerivative,
            Reference.MishDerivative, ZeroCrossing: (-1.5f, -0.9f)),
        ["Elu(1)"] = new(
            x => VectorMath.Elu(x, 1f), x => VectorMath.Elu(x, 1f), x => VectorMath.Elu(x, 1f), x => VectorMath.Elu(x, 1f),
            x => Reference.Elu(x, 1f)),
        ["Elu(0.3)"] = new(
            x => VectorMath.Elu(x, 0.3f), x => VectorMath.Elu(x, 0.3f), x => VectorMath.Elu(x, 0.3f), x => VectorMath.Elu(x, 0.3f),
            x => Reference.Elu(x, 0.3f)),
        ["Log"] = new(VectorMath.Log, VectorMath.Log, VectorMath.Log, VectorMath.Log, Math.Log, PositiveDomain: true),
    };

    public static TheoryData<string> KernelNames => new(s_kernels.Keys);

    private static readonly float[] s_realInputs = Inputs.Real();
    private static readonly float[] s_positiveInputs = Inputs.Positive();

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void Matches_double_precision_reference_at_every_width(string name)
    {
        Kernel kernel = s_kernels[name];
        float[] inputs = kernel.PositiveDomain ? s_positiveInputs : s_realInputs;
        foreach ((string width, float[] results) in Evaluate(kernel, inputs))
        {
            var failures = new List<string>();
            double maxRelative = 0, maxUlps = 0, maxAbsolute = 0;
            float worstInput = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                double reference = kernel.Reference(inputs[i]);
                float actual = results[i];
                double absoluteTolerance = kernel.AbsoluteToleranceAt(inputs[i]);
                if (!IsWithinTolerance(actual, reference, absoluteTolerance) && failures.Count < 10)
                {
                    failures.Add(FormattableString.Invariant($"{name}({inputs[i]:R}) = {actual:R}, reference {reference:R}"));
                }

                // The summary leaves out what is judged by absolute error: underflow, and the zero crossings.
                double error = Math.Abs(actual - reference);
                if (float.IsFinite((float)reference) && Math.Abs(reference) >= 1e-30 && absoluteTolerance == 0)
                {
                    if (error / Math.Abs(reference) > maxRelative)
                    {
                        maxRelative = error / Math.Abs(reference);
                        worstInput = inputs[i];
                    }

                    maxUlps = Math.Max(maxUlps, error / Ulp((float)reference));
                }

                if (float.IsFinite((float)reference) && Math.Abs(reference) <= 1)
                {
                    maxAbsolute = Math.Max(maxAbsolute, error);
                }
            }

            _output.WriteLine(FormattableString.Invariant(
                $"{name,-16} {width,-10} max relative error {maxRelative:E2} (at {worstInput:R}), {maxUlps:F2} ulp; max absolute error where |f| ≤ 1 {maxAbsolute:E2}; {inputs.Length} inputs"));
            Assert.True(failures.Count == 0, $"{width}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void All_widths_agree_bitwise(string name)
    {
        Kernel kernel = s_kernels[name];
        float[] inputs = kernel.PositiveDomain ? s_positiveInputs : s_realInputs;
        (string Width, float[] Results)[] evaluated = Evaluate(kernel, inputs).ToArray();
        (string _, float[] vector128) = evaluated.Single(e => e.Width == "Vector128");
        foreach ((string width, float[] results) in evaluated)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                if (BitConverter.SingleToInt32Bits(results[i]) != BitConverter.SingleToInt32Bits(vector128[i]))
                {
                    Assert.Fail(FormattableString.Invariant(
                        $"{name}({inputs[i]:R}): {width} gives {results[i]:R}, Vector128 gives {vector128[i]:R}"));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelNames))]
    public void Finite_inputs_give_no_NaN_and_infinity_only_where_the_true_value_overflows(string name)
    {
        Kernel kernel = s_kernels[name];
        float[] inputs = kernel.PositiveDomain
            ? [float.Epsilon, SmallestNormal, 1f, float.MaxValue]
            : [0f, -0f, float.Epsilon, -float.Epsilon, 88.7f, -88.7f, 89f, -89f, 1e4f, -1e4f, 3e38f, -3e38f, float.MaxValue, -float.MaxValue];
        foreach ((string width, float[] results) in Evaluate(kernel, inputs))
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                bool overflows = float.IsInfinity((float)kernel.Reference(inputs[i]));
                Assert.False(float.IsNaN(results[i]), FormattableString.Invariant($"{name}({inputs[i]:R}) is NaN at {width}"));
                Assert.True(
                    overflows || float.IsFinite(results[i]),
                    FormattableString.Invariant($"{name}({inputs[i]:R}) = {results[i]:R} at {width}"));
            }
        }
    }

    [Fact]
    public void Exp_saturates_to_infinity_and_zero_where_float_does()
    {
        Assert.True(float.IsFinite(VectorMath.Exp(88.72f)));
        Assert.Equal(float.PositiveInfinity, VectorMath.Exp(88.73f));
        Assert.Equal(float.PositiveInfinity, VectorMath.Exp(float.MaxValue));
        Assert.True(VectorMath.Exp(-103f) > 0f, "e^-103 is a subnormal, not 0");
        Assert.Equal(0f, VectorMath.Exp(-104f));
        Assert.Equal(0f, VectorMath.Exp(-float.MaxValue));
        Assert.Equal(1f, VectorMath.Exp(0f));
        Assert.Equal(Vector512.Create(float.PositiveInfinity), VectorMath.Exp(Vector512.Create(1e4f)));
        Assert.Equal(Vector256<float>.Zero, VectorMath.Exp(Vector256.Create(-1e4f)));
    }

    [Theory]
    [InlineData(1e4f)]
    [InlineData(200f)]
    [InlineData(120f)]
    [InlineData(float.MaxValue)]
    public void Saturating_functions_reach_their_limits_exactly(float x)
    {
        Assert.Equal(1f, VectorMath.Sigmoid(x));
        Assert.Equal(0f, VectorMath.Sigmoid(-x));
        Assert.Equal(1f, VectorMath.Tanh(x));
        Assert.Equal(-1f, VectorMath.Tanh(-x));
        Assert.Equal(x, VectorMath.Swish(x));
        Assert.Equal(x, VectorMath.Mish(x));
        Assert.Equal(x, VectorMath.Softplus(x));
        Assert.Equal(0f, VectorMath.Softplus(-x));
        Assert.Equal(1f, VectorMath.SwishDerivative(x));
        Assert.Equal(1f, VectorMath.MishDerivative(x));
        Assert.Equal(-0.5f, VectorMath.Elu(-x, 0.5f));
        Assert.Equal(Vector128.Create(1f), VectorMath.Tanh(Vector128.Create(x)));
        Assert.Equal(Vector512.Create(0f), VectorMath.Sigmoid(Vector512.Create(-x)));
    }

    [Fact]
    public void Tanh_never_exceeds_one_before_it_saturates()
    {
        // The input is clamped where the rational is exactly ±1; below the clamp it must stay within [-1, 1], with
        // multiply-adds fused or not (this process runs one of the two, the .NET 8 build the other).
        for (var x = 7.5f; x <= 8.2f; x = MathF.BitIncrement(x))
        {
            var vector = VectorMath.Tanh(Vector256.Create(x));
            Assert.True(VectorMath.Tanh(x) <= 1f && vector.GetElement(0) <= 1f, $"tanh({x:R}) = {VectorMath.Tanh(x):R}, vector {vector.GetElement(0):R}");
            Assert.Equal(-VectorMath.Tanh(x), VectorMath.Tanh(-x));
        }

        Assert.Equal(1f, VectorMath.Tanh(8.2f));
    }

    [Fact]
    public void Tanh_keeps_a_NaN_and_saturates_at_infinity_at_every_width()
    {
        // The vector clamp is one vrangeps where AVX-512DQ is, which turns a NaN into a bound: the NaN must come through.
        Assert.True(float.IsNaN(VectorMath.Tanh(float.NaN)));
        Assert.True(float.IsNaN(VectorMath.Tanh(Vector128.Create(float.NaN)).GetElement(1)));
        Assert.True(float.IsNaN(VectorMath.Tanh(Vector256.Create(-float.NaN)).GetElement(2)));
        Assert.True(float.IsNaN(VectorMath.Tanh(Vector512.Create(float.NaN)).GetElement(15)));
        Assert.Equal(-1f, VectorMath.Tanh(float.NegativeInfinity));
        Assert.Equal(Vector128.Create(1f), VectorMath.Tanh(Vector128.Create(float.PositiveInfinity)));
        Assert.Equal(Vector256.Create(-1f), VectorMath.Tanh(Vector256.Create(float.NegativeInfinity)));
        Assert.Equal(Vector512.Create(1f), VectorMath.Tanh(Vector512.Create(float.PositiveInfinity)));
    }

    /// <summary>
    /// Every vector overload keeps a NaN, in its own lane, at every width, and ReLU gives +0 for -0: their clamps are Max
    /// and Min, which keep a NaN from .NET 9 on, while .NET 8's are the processor's maxps and minps, which return the
    /// second operand where either is NaN (and for two zeros), and which the library's net8.0 build orders around.
    /// </summary>
    [Fact]
    public void Vector_overloads_keep_a_NaN_at_every_width()
    {
        var kernels = s_kernels.Select(pair => (pair.Key, pair.Value.Vector128, pair.Value.Vector256, pair.Value.Vector512))
            .Append(("Relu", VectorMath.Relu, VectorMath.Relu, VectorMath.Relu))
            .Append(("Relu6", VectorMath.Relu6, VectorMath.Relu6, VectorMath.Relu6))
            .Append(("LeakyRelu", x => VectorMath.LeakyRelu(x, 0.01f), x => VectorMath.LeakyRelu(x, 0.01f), x => VectorMath.LeakyRelu(x, 0.01f)));
        foreach (var (name, vector128, vector256, vector512) in kernels)
        {
            AssertNaNInItsLane(name, "Vector128", Lanes(vector128(Vector128.Create(0.5f).WithElement(1, float.NaN))));
            AssertNaNInItsLane(name, "Vector256", Lanes(vector256(Vector256.Create(0.5f).WithElement(1, float.NaN))));
            AssertNaNInItsLane(name, "Vector512", Lanes(vector512(Vector512.Create(0.5f).WithElement(1, float.NaN))));
        }

        Assert.Equal(0, BitConverter.SingleToInt32Bits(VectorMath.Relu(Vector128.Create(-0f)).GetElement(3)));
        Assert.Equal(0, BitConverter.SingleToInt32Bits(VectorMath.Relu(Vector256.Create(-0f)).GetElement(7)));
        Assert.Equal(0, BitConverter.SingleToInt32Bits(VectorMath.Relu6(Vector512.Create(-0f)).GetElement(15)));

        static float[] Lanes<TVector>(TVector vector)
            where TVector : struct => MemoryMarshal.Cast<TVector, float>(new[] { vector }).ToArray();

        static void AssertNaNInItsLane(string name, string width, float[] lanes)
        {
            Assert.True(float.IsNaN(lanes[1]), FormattableString.Invariant($"{name}(NaN) = {lanes[1]:R} at {width}"));
            Assert.All(lanes.Where((_, lane) => lane != 1), value => Assert.True(float.IsFinite(value), $"{name}(0.5) = {value} at {width}"));
        }
    }

    [Fact]
    public void Tanh_is_within_the_bound_for_every_float_up_to_saturation()
    {
        // Every float of [2^-6, 8.25] (past the clamp), and every 64th float below it down to the smallest normal: the
        // Vector256 form against the double-precision tanh, and the scalar form bitwise equal to it. tanh is odd, and
        // both forms are odd by construction (x times even factors); the bitwise test covers the other widths.
        int low = BitConverter.SingleToInt32Bits(1f / 64), high = BitConverter.SingleToInt32Bits(8.25f);
        int smallest = BitConverter.SingleToInt32Bits(SmallestNormal);
        const int Chunks = 256;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        double[] worst = new double[Chunks];
        System.Threading.Tasks.Parallel.For(0, Chunks, chunk =>
        {
            // The dense part in even slices, then the sparse part below it, each chunk a slice of both.
            long dense = (long)high - low + 1, sparse = (low - smallest) / 64;
            int start = (int)(low + dense * chunk / Chunks), end = (int)(low + dense * (chunk + 1) / Chunks);
            float[] values = new float[Vector256<float>.Count];
            float[] results = new float[Vector256<float>.Count];
            for (int bits = start; bits < end; bits += values.Length)
            {
                Check(bits, 1);
            }

            for (long i = sparse * chunk / Chunks; i < sparse * (chunk + 1) / Chunks; i += values.Length)
            {
                Check((int)(smallest + (i * 64)), 64);
            }

            void Check(int bits, int step)
            {
                for (int lane = 0; lane < values.Length; lane++)
                {
                    values[lane] = BitConverter.Int32BitsToSingle(bits + (lane * step));
                }

                VectorMath.Tanh(Vector256.Create<float>(values)).CopyTo(results);
                for (int lane = 0; lane < values.Length; lane++)
                {
                    double reference = Math.Tanh(values[lane]);
                    worst[chunk] = Math.Max(worst[chunk], Math.Abs(results[lane] - reference) / reference);
                    if ((!IsWithinTolerance(results[lane], reference, 0) || VectorMath.Tanh(values[lane]) != results[lane]) && failures.Count < 10)
                    {
                        failures.Add(FormattableString.Invariant($"tanh({values[lane]:R}) = {results[lane]:R} (scalar {VectorMath.Tanh(values[lane]):R}), reference {reference:R}"));
                    }
                }
            }
        });

        _output.WriteLine(FormattableString.Invariant($"tanh: max relative error {worst.Max():E2} over every float of [2^-6, 8.25]"));
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData(1e-3f)]
    [InlineData(1e-6f)]
    [InlineData(1e-20f)]
    [InlineData(1e-30f)]
    public void Results_near_zero_keep_their_relative_accuracy(float x)
    {
        AssertRelative(Math.Tanh(x), VectorMath.Tanh(x));
        AssertRelative(Math.Tanh(-x), VectorMath.Tanh(Vector256.Create(-x)).GetElement(3));
        AssertRelative(Reference.ExpM1(-x), VectorMath.Elu(-x, 1f));
        AssertRelative(Reference.ExpM1(-x), VectorMath.Elu(Vector512.Create(-x), 1f).GetElement(0));
        AssertRelative(x * Reference.Sigmoid(x), VectorMath.Swish(Vector128.Create(x)).GetElement(1));
        AssertRelative(-x * Math.Tanh(Reference.Softplus(-x)), VectorMath.Mish(-x));
        AssertRelative(Math.Log(MathF.BitIncrement(1f)), VectorMath.Log(MathF.BitIncrement(1f)));
        AssertRelative(Math.Log(MathF.BitDecrement(1f)), VectorMath.Log(Vector128.Create(MathF.BitDecrement(1f))).GetElement(0));

        static void AssertRelative(double expected, float actual) => Assert.True(
            Math.Abs(actual - expected) <= RelativeTolerance * Math.Abs(expected),
            FormattableString.Invariant($"{actual:R} differs from {expected:R}"));
    }

    [Fact]
    public void Log_handles_its_special_points()
    {
        Assert.Equal(float.NegativeInfinity, VectorMath.Log(0f));
        Assert.Equal(float.PositiveInfinity, VectorMath.Log(float.PositiveInfinity));
        Assert.True(float.IsNaN(VectorMath.Log(-1f)));
        Assert.Equal(0f, VectorMath.Log(1f));
        Assert.Equal(float.NegativeInfinity, VectorMath.Log(Vector512<float>.Zero).GetElement(7));
        Assert.True(float.IsNaN(VectorMath.Log(Vector256.Create(-2f)).GetElement(0)));
        Assert.True(float.IsNaN(VectorMath.Log(Vector128.Create(float.NaN)).GetElement(0)));
    }

    [Fact]
    public void Guard_message_names_parameter_and_both_lengths()
    {
        var exception = Assert.Throws<ArgumentException>(() => Guard.ThrowWrongLength("input", 4, 5, "inputs"));
        Assert.Equal("input", exception.ParamName);
        Assert.StartsWith("input has 5 values, but the network expects 4 inputs.", exception.Message, StringComparison.Ordinal);

        exception = Assert.Throws<ArgumentException>(() => Guard.ThrowWrongLength("output", 2, 1, "outputs"));
        Assert.StartsWith("output has 1 value, but the network expects 2 outputs.", exception.Message, StringComparison.Ordinal);
    }

    private static bool IsWithinTolerance(float actual, double reference, double absoluteTolerance)
    {
        float rounded = (float)reference;
        if (float.IsInfinity(rounded))
        {
            return actual == rounded;
        }

        if (!float.IsFinite(actual))
        {
            return false;
        }

        double tolerance = Math.Max(
            Math.Max(RelativeTolerance * Math.Abs(reference), UlpTolerance * Ulp(rounded)),
            Math.Max(absoluteTolerance, UnderflowTolerance));
        return Math.Abs(actual - reference) <= tolerance;
    }

    /// <summary>The gap between |value| and the next float away from zero.</summary>
    private static double Ulp(float value)
    {
        float magnitude = Math.Abs(value);
        return (double)MathF.BitIncrement(magnitude) - magnitude;
    }

    private static IEnumerable<(string Width, float[] Results)> Evaluate(Kernel kernel, float[] inputs)
    {
        yield return ("scalar", Map(inputs, 1, (input, output) => output[0] = kernel.Scalar(input[0])));
        yield return ("Vector128", Map(inputs, Vector128<float>.Count, (input, output) => kernel.Vector128(Vector128.Create(input)).CopyTo(output)));
        yield return ("Vector256", Map(inputs, Vector256<float>.Count, (input, output) => kernel.Vector256(Vector256.Create(input)).CopyTo(output)));
        yield return ("Vector512", Map(inputs, Vector512<float>.Count, (input, output) => kernel.Vector512(Vector512.Create(input)).CopyTo(output)));
    }

    private delegate void BlockFunction(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Applies <paramref name="function"/> to blocks of <paramref name="blockSize"/>, padding the last block with copies of the first input.</summary>
    private static float[] Map(float[] inputs, int blockSize, BlockFunction function)
    {
        int padded = (inputs.Length + blockSize - 1) / blockSize * blockSize;
        float[] input = new float[padded];
        input.AsSpan().Fill(inputs[0]);
        inputs.CopyTo(input, 0);
        float[] output = new float[padded];
        for (int i = 0; i < padded; i += blockSize)
        {
            function(input.AsSpan(i, blockSize), output.AsSpan(i, blockSize));
        }

        return output[..inputs.Length];
    }

    private static class Inputs
    {
        public static float[] Real()
        {
            var values = new List<float>();
            // Dense: every multiple of 2^-12 in [-20, 20], and random floats in it (all mantissa bits in play).
            for (int i = -20 * 4096; i <= 20 * 4096; i++)
            {
                values.Add(i / 4096f);
            }

            var random = new Random(12345);
            for (int i = 0; i < 100_000; i++)
            {
                values.Add((float)(random.NextDouble() * 40 - 20));
            }

            // Log-spaced: ±10^p for p from -45 to 4 in steps of 0.001.
            for (int i = -45_000; i <= 4_000; i++)
            {
                float magnitude = (float)Math.Pow(10, i / 1000.0);
                values.Add(magnitude);
                values.Add(-magnitude);
            }

            float[] special =
            [
                0f, -0f, float.Epsilon, -float.Epsilon, 1e-30f, -1e-30f, SmallestNormal, -SmallestNormal,
                0.34657359f, -0.34657359f, 0.625f, -0.625f, 9f, -9f, 17.33f, -17.33f, 20f, -20f, 20.5f,
                87.33f, -87.33f, 88.37f, 88.7f, -88.7f, 88.72f, -88.72f, 88.73f, 89f, -89f,
                103f, -103f, 103.97f, -103.97f, 104f, -104f, 1e4f, -1e4f,
            ];
            values.AddRange(special);
            return [.. values];
        }

        public static float[] Positive()
        {
            var values = new List<float>();
            // Log-spaced from the smallest subnormal to float.MaxValue.
            for (int i = -45_000; i <= 38_530; i++)
            {
                float value = (float)Math.Pow(10, i / 1000.0);
                if (value > 0f && float.IsFinite(value))
                {
                    values.Add(value);
                }
            }

            // Dense in (0, 20], and every float within 10^4 ulp of 1, where ln x crosses zero.
            for (int i = 1; i <= 20 * 4096; i++)
            {
                values.Add(i / 4096f);
            }

            float below = 1f, above = 1f;
            for (int i = 0; i < 10_000; i++)
            {
                values.Add(below = MathF.BitDecrement(below));
                values.Add(above = MathF.BitIncrement(above));
            }

            values.AddRange([float.Epsilon, SmallestNormal, MathF.BitDecrement(SmallestNormal), 1f, 2f, 0.70710677f, 1.4142135f, float.MaxValue]);
            return [.. values];
        }
    }

    /// <summary>The functions in double precision, each written in a form that loses no accuracy.</summary>
    private static class Reference
    {
        public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

        public static double SwishDerivative(double z)
        {
            double e = Math.Exp(-Math.Abs(z));
            return Sigmoid(z) + z * e / ((1 + e) * (1 + e));
        }

        public static double Softplus(double x) => Math.Max(x, 0) + Log1P(Math.Exp(-Math.Abs(x)));

        public static double MishDerivative(double z)
        {
            double softplus = Softplus(z);
            double sech = 1 / Math.Cosh(softplus);
            return Math.Tanh(softplus) + z * Sigmoid(z) * sech * sech;
        }

        public static double Elu(double x, float alpha) => x >= 0 ? x : alpha * ExpM1(x);

        // .NET's double.LogP1 and double.ExpM1 are the naive Log(1 + x) and Exp(x) − 1, so they are written out here.
        public static double Log1P(double x) =>
            Math.Abs(x) < 1e-4 ? x - x * x / 2 + x * x * x / 3 - x * x * x * x / 4 : Math.Log(1 + x);

        public static double ExpM1(double x) =>
            Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 + x * x * x * x / 24 : Math.Exp(x) - 1;
    }
}
