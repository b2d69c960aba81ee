using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>The row-wise activations on a panel at one width: every lane is a row, so each runs across the rows at once.</summary>
internal static class PanelActivations<TWidth, TVector>
    where TWidth : struct, ISimdWidth<TVector>
    where TVector : struct
{
    /// <summary>The activation on <paramref name="length"/> values, in place (a whole number of vectors).</summary>
    public static void Apply<TActivation>(ref float values, int length, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var count = (nuint)TWidth.Count;
        for (nuint at = 0; at < (nuint)length; at += count)
        {
            TWidth.Store(TWidth.Activate(TWidth.Load(ref values, at), activation), ref values, at);
        }
    }

    /// <summary>Lane-wise maximum over the pieces, each a contiguous block of <paramref name="length"/> values.</summary>
    public static void Maxout(ref float pieces, ref float output, int length, int pieceCount)
    {
        var count = (nuint)TWidth.Count;
        var stride = (nuint)length;
        for (nuint at = 0; at < stride; at += count)
        {
            var maximum = TWidth.Load(ref pieces, at);
            for (nuint piece = 1; piece < (nuint)pieceCount; piece++)
            {
                maximum = TWidth.Max(maximum, TWidth.Load(ref pieces, at + (piece * stride)));
            }

            TWidth.Store(maximum, ref output, at);
        }
    }

    /// <summary>Softmax of each lane over <paramref name="outputs"/> features, in place, for both vectors of the panel.</summary>
    public static void Softmax(ref float panel, int outputs)
    {
        Rows(ref panel, outputs);
        Rows(ref Unsafe.Add(ref panel, TWidth.Count), outputs);
    }

    private static void Rows(ref float first, int outputs)
    {
        var stride = 2 * (nuint)TWidth.Count;
        var n = (nuint)outputs;
        var maximum = TWidth.Load(ref first, 0);
        for (nuint o = 1; o < n; o++)
        {
            maximum = TWidth.Max(maximum, TWidth.Load(ref first, o * stride));
        }

        var sum = TWidth.Zero;
        for (nuint o = 0; o < n; o++)
        {
            var e = TWidth.Exp(TWidth.Subtract(TWidth.Load(ref first, o * stride), maximum));
            TWidth.Store(e, ref first, o * stride);
            sum = TWidth.Add(sum, e);
        }

        var scale = TWidth.Divide(TWidth.Broadcast(1f), sum);
        for (nuint o = 0; o < n; o++)
        {
            TWidth.Store(TWidth.Multiply(TWidth.Load(ref first, o * stride), scale), ref first, o * stride);
        }
    }
}
