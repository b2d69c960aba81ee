using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// z = W·x + b and a = f(z) for blocks of rows at one vector width. Enough rows go through transposed panels
/// (<c>DenseForward.Panels.cs</c>); the rest in tiles of four outputs, each a set of accumulators reduced together
/// into one vector (the last tile overlaps the one before when the count is not a multiple of four); four rows share
/// every weight loaded.
/// </summary>
internal static partial class DenseForward<TWidth, TVector>
    where TWidth : struct, ISimdWidth<TVector>
    where TVector : struct
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rows<TActivation>(ref float weights, ref float bias, ref float input, ref float preActivation, ref float output, int inputs, int outputs, int rows, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var row = FitsPanels(inputs, outputs, rows) ? Panels(ref weights, ref bias, ref input, ref preActivation, ref output, inputs, outputs, rows, activation) : 0;
        for (; row + 4 <= rows; row += 4)
        {
            FourRows(ref weights, ref bias, ref Unsafe.Add(ref input, row * inputs), ref Offset(ref preActivation, row * outputs), ref Unsafe.Add(ref output, row * outputs), inputs, outputs, activation);
        }

        for (; row < rows; row++)
        {
            OneRow(ref weights, ref bias, ref Unsafe.Add(ref input, row * inputs), ref Offset(ref preActivation, row * outputs), ref Unsafe.Add(ref output, row * outputs), inputs, outputs, activation);
        }
    }

    private static void OneRow<TActivation>(ref float weights, ref float bias, ref float x, ref float z, ref float a, int inputs, int outputs, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        if (outputs < 4)
        {
            for (var o = 0; o < outputs; o++)
            {
                var sum = Dot(ref Unsafe.Add(ref weights, o * inputs), ref x, inputs);
                var value = TWidth.Sum(sum) + Unsafe.Add(ref bias, o);
                Store(ref z, ref a, (nuint)o, value, activation);
            }

            return;
        }

        for (var first = 0; first < outputs; first += 4)
        {
            var o = first + 4 <= outputs ? first : outputs - 4;
            ref var w0 = ref Unsafe.Add(ref weights, o * inputs);
            ref var w1 = ref Unsafe.Add(ref w0, inputs);
            ref var w2 = ref Unsafe.Add(ref w1, inputs);
            ref var w3 = ref Unsafe.Add(ref w2, inputs);
            TVector s0 = TWidth.Zero, s1 = TWidth.Zero, s2 = TWidth.Zero, s3 = TWidth.Zero;
            var n = (nuint)inputs;
            var count = (nuint)TWidth.Count;
            nuint i = 0;
            for (; i + count <= n; i += count)
            {
                var xi = TWidth.Load(ref x, i);
                s0 = TWidth.MultiplyAdd(TWidth.Load(ref w0, i), xi, s0);
                s1 = TWidth.MultiplyAdd(TWidth.Load(ref w1, i), xi, s1);
                s2 = TWidth.MultiplyAdd(TWidth.Load(ref w2, i), xi, s2);
                s3 = TWidth.MultiplyAdd(TWidth.Load(ref w3, i), xi, s3);
            }

            if (i < n)
            {
                i = n - count;
                var xi = TWidth.KeepFrom(TWidth.Load(ref x, i), TWidth.Count - (inputs % TWidth.Count));
                s0 = TWidth.MultiplyAdd(TWidth.Load(ref w0, i), xi, s0);
                s1 = TWidth.MultiplyAdd(TWidth.Load(ref w1, i), xi, s1);
                s2 = TWidth.MultiplyAdd(TWidth.Load(ref w2, i), xi, s2);
                s3 = TWidth.MultiplyAdd(TWidth.Load(ref w3, i), xi, s3);
            }

            Store(ref z, ref a, (nuint)o, TWidth.SumsOfFour(s0, s1, s2, s3) + Vector128.LoadUnsafe(ref bias, (nuint)o), activation);
        }
    }

    private static void FourRows<TActivation>(ref float weights, ref float bias, ref float x, ref float z, ref float a, int inputs, int outputs, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        if (outputs < 4)
        {
            for (var row = 0; row < 4; row++)
            {
                OneRow(ref weights, ref bias, ref Unsafe.Add(ref x, row * inputs), ref Offset(ref z, row * outputs), ref Unsafe.Add(ref a, row * outputs), inputs, outputs, activation);
            }

            return;
        }

        var n = (nuint)inputs;
        var count = (nuint)TWidth.Count;
        ref var x1 = ref Unsafe.Add(ref x, n);
        ref var x2 = ref Unsafe.Add(ref x1, n);
        ref var x3 = ref Unsafe.Add(ref x2, n);
        for (var first = 0; first < outputs; first += 4)
        {
            var o = first + 4 <= outputs ? first : outputs - 4;
            ref var w0 = ref Unsafe.Add(ref weights, o * inputs);
            ref var w1 = ref Unsafe.Add(ref w0, inputs);
            ref var w2 = ref Unsafe.Add(ref w1, inputs);
            ref var w3 = ref Unsafe.Add(ref w2, inputs);
            TVector s00 = TWidth.Zero, s01 = TWidth.Zero, s02 = TWidth.Zero, s03 = TWidth.Zero;
            TVector s10 = TWidth.Zero, s11 = TWidth.Zero, s12 = TWidth.Zero, s13 = TWidth.Zero;
            TVector s20 = TWidth.Zero, s21 = TWidth.Zero, s22 = TWidth.Zero, s23 = TWidth.Zero;
            TVector s30 = TWidth.Zero, s31 = TWidth.Zero, s32 = TWidth.Zero, s33 = TWidth.Zero;
            nuint i = 0;
            for (; i + count <= n; i += count)
            {
                var v0 = TWidth.Load(ref x, i);
                var v1 = TWidth.Load(ref x1, i);
                var v2 = TWidth.Load(ref x2, i);
                var v3 = TWidth.Load(ref x3, i);
                var wv = TWidth.Load(ref w0, i);
                s00 = TWidth.MultiplyAdd(wv, v0, s00);
                s10 = TWidth.MultiplyAdd(wv, v1, s10);
                s20 = TWidth.MultiplyAdd(wv, v2, s20);
                s30 = TWidth.MultiplyAdd(wv, v3, s30);
                wv = TWidth.Load(ref w1, i);
                s01 = TWidth.MultiplyAdd(wv, v0, s01);
                s11 = TWidth.MultiplyAdd(wv, v1, s11);
                s21 = TWidth.MultiplyAdd(wv, v2, s21);
                s31 = TWidth.MultiplyAdd(wv, v3, s31);
                wv = TWidth.Load(ref w2, i);
                s02 = TWidth.MultiplyAdd(wv, v0, s02);
                s12 = TWidth.MultiplyAdd(wv, v1, s12);
                s22 = TWidth.MultiplyAdd(wv, v2, s22);
                s32 = TWidth.MultiplyAdd(wv, v3, s32);
                wv = TWidth.Load(ref w3, i);
                s03 = TWidth.MultiplyAdd(wv, v0, s03);
                s13 = TWidth.MultiplyAdd(wv, v1, s13);
                s23 = TWidth.MultiplyAdd(wv, v2, s23);
                s33 = TWidth.MultiplyAdd(wv, v3, s33);
            }

            if (i < n)
            {
                // The last chunk overlaps the one before; its lanes already counted are zeroed in the inputs.
                i = n - count;
                var skipped = TWidth.Count - (inputs % TWidth.Count);
                var v0 = TWidth.KeepFrom(TWidth.Load(ref x, i), skipped);
                var v1 = TWidth.KeepFrom(TWidth.Load(ref x1, i), skipped);
                var v2 = TWidth.KeepFrom(TWidth.Load(ref x2, i), skipped);
                var v3 = TWidth.KeepFrom(TWidth.Load(ref x3, i), skipped);
                var wv = TWidth.Load(ref w0, i);
                s00 = TWidth.MultiplyAdd(wv, v0, s00);
                s10 = TWidth.MultiplyAdd(wv, v1, s10);
                s20 = TWidth.MultiplyAdd(wv, v2, s20);
                s30 = TWidth.MultiplyAdd(wv, v3, s30);
                wv = TWidth.Load(ref w1, i);
                s01 = TWidth.MultiplyAdd(wv, v0, s01);
                s11 = TWidth.MultiplyAdd(wv, v1, s11);
                s21 = TWidth.MultiplyAdd(wv, v2, s21);
                s31 = TWidth.MultiplyAdd(wv, v3, s31);
                wv = TWidth.Load(ref w2, i);
                s02 = TWidth.MultiplyAdd(wv, v0, s02);
                s12 = TWidth.MultiplyAdd(wv, v1, s12);
                s22 = TWidth.MultiplyAdd(wv, v2, s22);
                s32 = TWidth.MultiplyAdd(wv, v3, s32);
                wv = TWidth.Load(ref w3, i);
                s03 = TWidth.MultiplyAdd(wv, v0, s03);
                s13 = TWidth.MultiplyAdd(wv, v1, s13);
                s23 = TWidth.MultiplyAdd(wv, v2, s23);
                s33 = TWidth.MultiplyAdd(wv, v3, s33);
            }

            var b = Vector128.LoadUnsafe(ref bias, (nuint)o);
            var at = (nuint)o;
            var stride = (nuint)outputs;
            Store(ref z, ref a, at, TWidth.SumsOfFour(s00, s01, s02, s03) + b, activation);
            Store(ref z, ref a, at + stride, TWidth.SumsOfFour(s10, s11, s12, s13) + b, activation);
            Store(ref z, ref a, at + (2 * stride), TWidth.SumsOfFour(s20, s21, s22, s23) + b, activation);
            Store(ref z, ref a, at + (3 * stride), TWidth.SumsOfFour(s30, s31, s32, s33) + b, activation);
        }
    }

    /// <summary>w·x as a vector of partial sums.</summary>
    private static TVector Dot(ref float w, ref float x, int inputs)
    {
        var n = (nuint)inputs;
        var count = (nuint)TWidth.Count;
        var sum = TWidth.Zero;
        nuint i = 0;
        for (; i + count <= n; i += count)
        {
            sum = TWidth.MultiplyAdd(TWidth.Load(ref w, i), TWidth.Load(ref x, i), sum);
        }

        if (i < n)
        {
            i = n - count;
            var xi = TWidth.KeepFrom(TWidth.Load(ref x, i), TWidth.Count - (inputs % TWidth.Count));
            sum = TWidth.MultiplyAdd(TWidth.Load(ref w, i), xi, sum);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TActivation>(ref float z, ref float a, nuint at, Vector128<float> value, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        if (!Unsafe.IsNullRef(ref z))
        {
            value.StoreUnsafe(ref z, at);
        }

        activation.Apply(value).StoreUnsafe(ref a, at);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TActivation>(ref float z, ref float a, nuint at, float value, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        if (!Unsafe.IsNullRef(ref z))
        {
            Unsafe.Add(ref z, at) = value;
        }

        Unsafe.Add(ref a, at) = activation.Apply(value);
    }

    /// <summary>A row further into a buffer that may be absent (a null reference stays null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float Offset(ref float buffer, int elements) =>
        ref Unsafe.IsNullRef(ref buffer) ? ref buffer : ref Unsafe.Add(ref buffer, elements);
}
