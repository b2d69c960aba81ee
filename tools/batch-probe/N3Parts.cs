using NetGen.Benchmarks;
using NetGen.Kernels;

/// <summary>
/// Where N3's batch-64 forward goes (`n3`): the call, the same kernels chained on heap buffers, and each piece of the
/// chain alone as the call runs it (two blocks of two 16-row panels at Vector256), interleaved round by round; then
/// the first layer's tiles on data resident in L1 and in L2, against the FMA peak.
/// </summary>
internal static class N3Parts
{
    private const int Rows = 64;

    /// <summary>FLOPs of one <see cref="Probe.FmaPeak"/>: twelve chains of Vector256 multiply-adds.</summary>
    public const double FmaFlops = 2.0 * 8 * FmaChains.Accumulators * FmaChains.Iterations;

    /// <summary>Calls between two readings of the clock (a system call of ~0.7 µs here).</summary>
    public const int Batch = 16;

    /// <summary>The FMA peak probe as one more variant of interleaved rounds.</summary>
    public static void Fma() => Sink += Probe.FmaPeak();

    /// <summary>Keeps the FMA chains' result alive.</summary>
    public static float Sink;

    public static void Run(double peak)
    {
        var n3 = new N3(1);
        var x = Probe.Values(Rows * 784);
        var y = new float[Rows * 10];
        var p = n3.Parameters.ToArray();
        const int w2 = (784 * 128) + 128;
        const int b2 = w2 + (128 * 10);
        var panelRows = ColumnKernels.PanelRows(32);
        const int panels = 2;
        var blockRows = panels * panelRows;
        ref var columns0 = ref Probe.Aligned(784 * panelRows * 4, 0);
        _ = ref Probe.Aligned(128 * panelRows * 4, 0);
        float[] columnsArray = new float[1];
        var layer1Flops = 2.0 * Rows * 784 * 128;
        var layer2Flops = 2.0 * Rows * 128 * 10;

        void Transposes()
        {
            for (var row = 0; row < Rows; row += blockRows)
            {
                ColumnKernels.Transpose(x.AsSpan(row * 784, blockRows * 784), ref Probe.Aligned(784 * panelRows * 4, 0), 784, panelRows);
            }
        }

        void Layer1(int blockPanels)
        {
            for (var row = 0; row < Rows; row += blockPanels * panelRows)
            {
                ColumnKernels.Forward(ref p[0], ref p[784 * 128], ref Probe.Aligned(784 * panelRows * 4, 0), ref Probe.Aligned(128 * panelRows * 4, 0), 784, 128, panelRows, blockPanels, default(ReluFunction));
            }
        }

        void Layer2()
        {
            for (var row = 0; row < Rows; row += blockRows)
            {
                ColumnKernels.Forward(ref p[w2], ref p[b2], ref Probe.Aligned(128 * panelRows * 4, 0), ref Probe.Aligned(784 * panelRows * 4, 0), 128, 10, panelRows, panels, default(IdentityFunction));
            }
        }

        void Softmax()
        {
            for (var row = 0; row < Rows; row += blockRows)
            {
                ColumnKernels.Softmax(ref Probe.Aligned(784 * panelRows * 4, 0), 10, panelRows, panels);
            }
        }

        void Back()
        {
            for (var row = 0; row < Rows; row += blockRows)
            {
                ColumnKernels.TransposeBack(ref Probe.Aligned(784 * panelRows * 4, 0), y.AsSpan(row * 10, blockRows * 10), 10, panelRows);
            }
        }

        void Chain()
        {
            for (var row = 0; row < Rows; row += blockRows)
            {
                ref var columns = ref Probe.Aligned(784 * panelRows * 4, 0);
                ref var hidden = ref Probe.Aligned(128 * panelRows * 4, 0);
                ColumnKernels.Transpose(x.AsSpan(row * 784, blockRows * 784), ref columns, 784, panelRows);
                ColumnKernels.Forward(ref p[0], ref p[784 * 128], ref columns, ref hidden, 784, 128, panelRows, panels, default(ReluFunction));
                ColumnKernels.Forward(ref p[w2], ref p[b2], ref hidden, ref columns, 128, 10, panelRows, panels, default(IdentityFunction));
                ColumnKernels.Softmax(ref columns, 10, panelRows, panels);
                ColumnKernels.TransposeBack(ref columns, y.AsSpan(row * 10, blockRows * 10), 10, panelRows);
            }
        }

        _ = columns0;
        _ = columnsArray;
        var total = layer1Flops + layer2Flops;
        Probe.AgainstFirst(
            "N3 batch 64, its pieces (FLOPs: the pieces' own)",
            ["ForwardBatch 64", "FMA peak probe (12 accumulators), same rounds", "chain: the same kernels, heap buffers", "transpose in, 2 × 32 rows", "784→128 ReLU, 2 blocks × 2 panels", "128→10, 2 blocks × 2 panels", "softmax, 2 × 2 panels", "transpose out, 2 × 32 rows", "784→128 ReLU, 1 block × 4 panels", "784→128 ReLU, 4 blocks × 1 panel"],
            [total, FmaFlops, total, 0, layer1Flops, layer2Flops, 0, 0, layer1Flops, layer1Flops],
            [() => n3.ForwardBatch(x, y), Fma, Chain, Transposes, () => Layer1(2), Layer2, Softmax, Back, () => Layer1(4), () => Layer1(1)],
            peak,
            Batch);

        // The tiles alone on one panel: weights and panel in L1; weights in L1 and the panel streaming from L2; both
        // from L2. Shapes (inputs × outputs) chosen for where their bytes fit, each a whole number of six-output tiles.
        (string Name, int Inputs, int Outputs, int Panels)[] shapes =
        [
            ("128→36: weights 18 KB + panel 8 KB (L1)", 128, 36, 1),
            ("FMA peak probe (12 accumulators), same rounds", 0, 0, 0),
            ("128→36 on 4 panels (32 KB of panels)", 128, 36, 4),
            ("256→18: 18 KB + 16 KB (about L1)", 256, 18, 1),
            ("784→6: one tile, weights 19 KB, panel 50 KB (L2)", 784, 6, 1),
            ("784→6 on 4 panels (4 tiles a call)", 784, 6, 4),
            ("784→12: two tiles", 784, 12, 1),
            ("784→48: one group, 150 KB + 50 KB (L2)", 784, 48, 1),
            ("784→126: 21 tiles, 395 KB + 50 KB (L2)", 784, 126, 1),
            ("784→128 (N3's), 1 panel", 784, 128, 1),
            ("16→6: a call's own cost (~0 FLOPs)", 16, 6, 1),
        ];
        var calls = shapes.Select(s =>
        {
            if (s.Panels == 0)
            {
                return (Action)Fma;
            }

            var weights = Probe.Values(s.Inputs * s.Outputs);
            var bias = Probe.Values(s.Outputs);
            var input = Probe.Pointer(ref Probe.Aligned(s.Inputs * panelRows * 4, 16));
            var output = Probe.Pointer(ref Probe.Aligned(s.Outputs * panelRows * 4, 16));
            return (Action)(() => ColumnKernels.Forward(ref weights[0], ref bias[0], ref Probe.At(input), ref Probe.At(output), s.Inputs, s.Outputs, panelRows, s.Panels, default(ReluFunction)));
        }).ToArray();
        Probe.AgainstFirst(
            "The tiles alone, one 16-row panel, ReLU",
            shapes.Select(s => s.Name).ToArray(),
            shapes.Select(s => s.Panels == 0 ? FmaFlops : 2.0 * panelRows * s.Inputs * s.Outputs * s.Panels).ToArray(),
            calls,
            peak,
            Batch);
    }
}
