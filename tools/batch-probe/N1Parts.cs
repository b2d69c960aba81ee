using NetGen.Benchmarks;
using NetGen.Kernels;

/// <summary>
/// Where N1's batch-64 forward goes (`n1`): the call, the same kernels chained on heap buffers, and each piece as the
/// call runs it (one block of four 16-row panels at Vector256), interleaved round by round with the FMA probe
/// (<see cref="N3Parts"/>'s). A tanh layer runs twice, through the identity and through tanh: the difference is its
/// activation pass over the panels.
/// </summary>
internal static class N1Parts
{
    private const int Rows = 64;

    public static void Run(double peak)
    {
        // The exchange layout: each layer's weights, then its biases.
        const int w2 = (4 * 16) + 16;
        const int w3 = w2 + (16 * 16) + 16;
        var n1 = new N1(1);
        var (x, y, p) = (Probe.Values(Rows * 4), new float[Rows * 2], n1.Parameters.ToArray());
        var panelRows = ColumnKernels.PanelRows(32);
        var panels = Rows / panelRows;
        ref var columns0 = ref Probe.Aligned(16 * Rows, 0);
        _ = ref Probe.Aligned(16 * Rows, 16);
        _ = columns0;

        void Transpose() => ColumnKernels.Transpose(x, ref Probe.Aligned(16 * Rows, 0), 4, panelRows);
        void Layer1<T>(T f)
            where T : struct, IActivationFunction =>
            ColumnKernels.Forward(ref p[0], ref p[4 * 16], ref Probe.Aligned(16 * Rows, 0), ref Probe.Aligned(16 * Rows, 16), 4, 16, panelRows, panels, f);
        void Layer2<T>(T f)
            where T : struct, IActivationFunction =>
            ColumnKernels.Forward(ref p[w2], ref p[w2 + 256], ref Probe.Aligned(16 * Rows, 16), ref Probe.Aligned(16 * Rows, 0), 16, 16, panelRows, panels, f);
        void Layer3() =>
            ColumnKernels.Forward(ref p[w3], ref p[w3 + 32], ref Probe.Aligned(16 * Rows, 0), ref Probe.Aligned(16 * Rows, 16), 16, 2, panelRows, panels, default(IdentityFunction));
        void Back() => ColumnKernels.TransposeBack(ref Probe.Aligned(16 * Rows, 16), y, 2, panelRows);
        void Chain()
        {
            Transpose();
            Layer1(default(TanhFunction));
            Layer2(default(TanhFunction));
            Layer3();
            Back();
        }

        var l1 = 2.0 * Rows * 4 * 16;
        var l2 = 2.0 * Rows * 16 * 16;
        var l3 = 2.0 * Rows * 16 * 2;
        Probe.AgainstFirst(
            "N1 batch 64, its pieces (FLOPs: the pieces' own)",
            ["ForwardBatch 64", "FMA peak probe (12 accumulators), same rounds", "chain: the same kernels, heap buffers", "transpose in, 64 rows × 4", "4→16 tanh, 4 panels", "4→16 tiles only (identity)", "16→16 tanh, 4 panels", "16→16 tiles only (identity)", "16→2 identity, 4 panels", "transpose out, 64 rows × 2"],
            [l1 + l2 + l3, N3Parts.FmaFlops, l1 + l2 + l3, 0, l1, l1, l2, l2, l3, 0],
            [() => n1.ForwardBatch(x, y), N3Parts.Fma, Chain, Transpose, () => Layer1(default(TanhFunction)), () => Layer1(default(IdentityFunction)), () => Layer2(default(TanhFunction)), () => Layer2(default(IdentityFunction)), Layer3, Back],
            peak,
            N3Parts.Batch);
    }
}
