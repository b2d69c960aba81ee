using System;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// Blocks of rows through the panels of <c>ForwardBatch</c>: two vectors of rows transposed, the layer as register-
/// blocked outer products (<see cref="PanelForward{TWidth, TVector}"/>), and back into rows. The weights are read
/// once per panel rather than once per four rows, and no horizontal sums are left; the transposes cost a few
/// percent of the products.
/// </summary>
internal static partial class DenseForward<TWidth, TVector>
{
    /// <summary>The most stack the input and output panels take (ForwardBatch's budget).</summary>
    private const int PanelBytes = 128 * 1024;

    /// <summary>Whether a layer's rows go through panels: enough of them to fill most of one, and panels within the stack budget.</summary>
    private static bool FitsPanels(int inputs, int outputs, int rows) =>
        rows >= MinimumPanelRows && (long)(inputs + outputs) * 2 * TWidth.Count * sizeof(float) <= PanelBytes;

    /// <summary>Rows a panel must hold to pay for its transposes and its empty lanes (as ForwardBatch).</summary>
    private static int MinimumPanelRows => (2 * TWidth.Count * 3) / 8;

    /// <summary>
    /// Panels of rows while enough are left to fill most of one; returns how many rows they covered. The buffer is not
    /// cleared: every lane of a panel is written (the rows, then zeros) before it is read.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private static int Panels<TActivation>(ref float weights, ref float bias, ref float input, ref float preActivation, ref float output, int inputs, int outputs, int rows, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var panelRows = 2 * TWidth.Count;
        var buffer = CacheLines.Align(stackalloc float[((inputs + outputs) * panelRows) + CacheLines.Slack]);
        ref var columns = ref buffer[0];
        ref var results = ref buffer[inputs * panelRows];
        var keep = !Unsafe.IsNullRef(ref preActivation);
        var row = 0;
        for (; rows - row >= MinimumPanelRows; row += panelRows)
        {
            var count = rows - row < panelRows ? rows - row : panelRows;
            PanelTranspose.In(ref Unsafe.Add(ref input, row * inputs), ref columns, inputs, count, panelRows);
            ref var a = ref Unsafe.Add(ref output, row * outputs);
            if (keep)
            {
                PanelForward<TWidth, TVector>.Layer(ref weights, ref bias, ref columns, ref results, inputs, outputs, 1, default(IdentityFunction), after: default);
                ref var z = ref Unsafe.Add(ref preActivation, row * outputs);
                PanelTranspose.Out(ref results, ref z, outputs, count, panelRows);
                Activate(ref z, ref a, count * outputs, activation);
            }
            else
            {
                PanelForward<TWidth, TVector>.Layer(ref weights, ref bias, ref columns, ref results, inputs, outputs, 1, activation, after: default);
                PanelTranspose.Out(ref results, ref a, outputs, count, panelRows);
            }
        }

        return row;
    }

    /// <summary>a = f(z) over <paramref name="length"/> values.</summary>
    private static void Activate<TActivation>(ref float z, ref float a, int length, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var n = (nuint)length;
        var count = (nuint)TWidth.Count;
        nuint i = 0;
        for (; i + count <= n; i += count)
        {
            TWidth.Store(TWidth.Activate(TWidth.Load(ref z, i), activation), ref a, i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref a, i) = activation.Apply(Unsafe.Add(ref z, i));
        }
    }
}
