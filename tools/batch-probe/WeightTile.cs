using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static TileParts;

/// <summary>
/// dW on Vector256 as a micro-kernel (`dw-tile`): the library's loop of a 512 → 512 layer's dW for 32 rows with an
/// SGD rule (δ regrouped by four outputs, each column block of 96 inputs packed, tiles of four weight rows by three
/// vectors, the tile's weight lines hinted one per batch row, each weight updated in place after its sums), copied on
/// raw pointers so that one thing changes at a time: the weight rows' stride, the packed inputs' offset modulo 4 KiB
/// against the weights, whether the update is stored, the hints, and a floor that updates four rows in L1 throughout.
/// The last 32 inputs (a block of four vectors) are left out. Interleaved round by round on the thread's CPU clock.
/// </summary>
internal static unsafe class WeightTile
{
    /// <summary>The tile's rows four at a time (<see cref="Tile{TStore, TEveryRow}"/>).</summary>
    private struct Four : IFlag
    {
        public static bool On => true;
    }

    private const int Block = 96;

    /// <param name="Name">The row's label.</param>
    /// <param name="Stride">Floats between weight rows (512, or 528 for 2 KiB + 64 B).</param>
    /// <param name="Offset">Bytes from the weights' start to the packed inputs' start, modulo 4 KiB.</param>
    /// <param name="Store">The update stored (else folded into a register that is stored once per call).</param>
    /// <param name="Hints">The weight lines hinted one per batch row, as the library does.</param>
    /// <param name="Floor">Every tile updates the same four rows of 96 floats (in L1): no weight stream.</param>
    /// <param name="OneDelta">Every tile reads the first four outputs' δ (in L1): no δ stream.</param>
    /// <param name="TileMajor">The block's inputs packed tile by tile (each tile's 24 columns of every row consecutive, 96 bytes a row) instead of row by row (384 bytes a row).</param>
    /// <param name="Branchless">Every batch row hints, rows past the tile's lines at its last line again: no branch in the loop.</param>
    /// <param name="Batch">Batch rows summed per tile: 32, or 64 over the same inputs twice (the tile's fixed costs halved per FLOP).</param>
    private sealed record Variant(string Name, int Stride, int Offset, bool Store = true, bool Hints = true, bool Floor = false, bool OneDelta = false, int Batch = BatchRows, bool TileMajor = false, bool Branchless = false, bool Unrolled = false);

    public static void Run(double peak)
    {
        var variants = new List<Variant>
        {
            new("as the library: packed x at +0 from the weights", Inputs, 0),
            new("packed x at +64", Inputs, 64),
            new("packed x at +1024", Inputs, 1024),
            new("packed x at +2048", Inputs, 2048),
            new("weight rows 2 KiB + 64 B apart", Inputs + 16, 0),
            new("the update not stored", Inputs, 0, Store: false),
            new("rows 2 KiB + 64 B apart, not stored", Inputs + 16, 0, Store: false),
            new("no hints", Inputs, 0, Hints: false),
            new("rows 2 KiB + 64 B apart, no hints", Inputs + 16, 0, Hints: false),
            new("floor: four weight rows in L1 throughout", Inputs, 0, Floor: true),
            new("as the library again", Inputs, 0),
            new("floor, and δ of four outputs only (in L1)", Inputs, 0, Floor: true, OneDelta: true),
            new("floor, one δ, no hints", Inputs, 0, Hints: false, Floor: true, OneDelta: true),
            new("x packed tile by tile (rows 96 B apart)", Inputs, 0, TileMajor: true),
            new("the same, floor, one δ, no hints", Inputs, 0, Hints: false, Floor: true, OneDelta: true, TileMajor: true),
            new("hints without a branch (every row, the last line again)", Inputs, 0, Branchless: true),
            new("64 rows a tile (flops doubled)", Inputs, 0, Batch: 64),
            new("64 rows, floor, one δ", Inputs, 0, Floor: true, OneDelta: true, Batch: 64),
            new("the row loop unrolled by four (the hints once per four rows)", Inputs, 0, Unrolled: true),
            new("unrolled by four, floor, one δ, no hints", Inputs, 0, Hints: false, Floor: true, OneDelta: true, Unrolled: true),
        };
        variants = Probe.Chosen(variants);
        var layers = variants.Select(v => new Layer(v)).ToArray();
        var flops = 2.0 * BatchRows * (Inputs / Block * Block) * Outputs;
        Probe.AgainstFirst("dW of 512 → 512, 32 rows, SGD", [.. variants.Select(v => v.Name)], [.. variants.Select(v => flops * v.Batch / BatchRows)], [.. layers.Select(l => (Action)l.Dw)], peak);
    }

    private sealed class Layer
    {
        private readonly Variant _variant;
        private readonly float* _weights;
        private readonly float* _x;
        private readonly float* _delta;
        private readonly float* _grouped;
        private readonly float* _packed;
        private readonly float* _floor;
        private Vector256<float> _sink;

        public Layer(Variant variant)
        {
            _variant = variant;
            _weights = Probe.PageAligned((variant.Stride * Outputs) + 1024, 128);
            _x = Probe.PageAligned(BatchRows * Inputs, 0);
            _delta = Probe.PageAligned(BatchRows * Outputs, 0);
            _grouped = Probe.PageAligned(BatchRows * Outputs, 0);
            var packed = Probe.PageAligned((BatchRows * Block) + 2048, 0);
            var want = ((nuint)_weights + (nuint)variant.Offset) % 4096;
            _packed = (float*)((byte*)packed + ((want + 4096 - ((nuint)packed % 4096)) % 4096));
            _floor = Probe.PageAligned(4 * Block, 0);
            var random = new Random(variant.Stride);
            for (var i = 0; i < variant.Stride * Outputs; i++)
            {
                _weights[i] = (float)random.NextDouble() - 0.5f;
            }

            for (var i = 0; i < BatchRows * Inputs; i++)
            {
                _x[i] = (float)random.NextDouble() - 0.5f;
                _delta[i] = (float)random.NextDouble() - 0.5f;
            }
        }

        public void Dw()
        {
            var v = _variant;
            var stride = (nuint)v.Stride;
            const nuint m = Outputs;
            const nuint rows = BatchRows;
            for (nuint r = 0; r < rows; r++)
            {
                for (nuint o = 0; o < m; o += 4)
                {
                    Vector128.Load(_delta + (r * m) + o).Store(_grouped + (o * rows) + (4 * r));
                }
            }

            var sink = _sink;
            for (nuint from = 0; from + Block <= Inputs; from += Block)
            {
                for (nuint r = 0; r < rows; r++)
                {
                    for (nuint k = 0; k < Block; k += 8)
                    {
                        var to = v.TileMajor ? _packed + (k / 24 * BatchRows * 24) + (r * 24) + (k % 24) : _packed + (r * Block) + k;
                        Vector256.Load(_x + (r * Inputs) + from + k).Store(to);
                    }
                }

                for (nuint o = 0; o < m; o += 4)
                {
                    for (nuint t = 0; t < Block; t += 24)
                    {
                        var target = v.Floor ? _floor + t : _weights + (o * stride) + from + t;
                        var targetStride = v.Floor ? Block : stride;
                        var xs = v.TileMajor ? _packed + (t * BatchRows) : _packed + t;
                        var xStride = v.TileMajor ? 24u : Block;
                        if (v.Unrolled)
                        {
                            Tile<Yes, Four>(target, targetStride, xs, _grouped + (v.OneDelta ? 0 : o * rows), v.Hints, (nuint)v.Batch, xStride, ref sink);
                        }
                        else if (v.Store)
                        {
                            if (v.Branchless)
                            {
                                Tile<Yes, Yes>(target, targetStride, xs, _grouped + (o * rows), v.Hints, (nuint)v.Batch, xStride, ref sink);
                            }
                            else
                            {
                                Tile<Yes, No>(target, targetStride, xs, _grouped + (v.OneDelta ? 0 : o * rows), v.Hints, (nuint)v.Batch, xStride, ref sink);
                            }
                        }
                        else
                        {
                            Tile<No, No>(target, targetStride, xs, _grouped + (v.OneDelta ? 0 : o * rows), v.Hints, (nuint)v.Batch, xStride, ref sink);
                        }
                    }
                }
            }

            _sink = sink;
        }
    }

    /// <summary>
    /// The library's <c>WeightTile4x3</c> on Vector256 with δ grouped (four floats a batch row) and SGD's update;
    /// with <typeparamref name="TEveryRow"/> <see cref="Yes"/>, every batch row hints, those past the tile's eight lines at
    /// its last; with <see cref="Four"/>, the 32 rows go four at a time, the four hints of a group together.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Tile<TStore, TEveryRow>(float* target, nuint n, float* xi, float* delta, bool hints, nuint batch, nuint xStride, ref Vector256<float> sink)
        where TStore : struct, IFlag
        where TEveryRow : struct, IFlag
    {
        Vector256<float> a00 = default, a01 = default, a02 = default;
        Vector256<float> a10 = default, a11 = default, a12 = default;
        Vector256<float> a20 = default, a21 = default, a22 = default;
        Vector256<float> a30 = default, a31 = default, a32 = default;
        var first = (nuint)target & ~(nuint)63;
        var rowBytes = n * sizeof(float);
        var count = hints ? 8u : 0u;
        var xr = xi;
        var dr = delta;
        if (typeof(TEveryRow) == typeof(Four))
        {
            // The rows four at a time: one loop exit and one hint test per four rows.
            for (nuint r = 0; r < BatchRows; r += 4)
            {
                if (r < count)
                {
                    var line = first + ((r / 4) * 64);
                    Sse.Prefetch0((void*)line);
                    Sse.Prefetch0((void*)(line + rowBytes));
                    Sse.Prefetch0((void*)(line + (2 * rowBytes)));
                    Sse.Prefetch0((void*)(line + (3 * rowBytes)));
                }

                for (nuint k = 0; k < 4; k++)
                {
                    Row(ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32, xr + (k * xStride), dr + (4 * k));
                }

                xr += 4 * xStride;
                dr += 16;
            }

            batch = 0;
        }

        for (nuint r = 0; r < batch; r++)
        {
            if (r == BatchRows)
            {
                xr = xi;
                dr = delta;
            }

            if (TEveryRow.On && typeof(TEveryRow) == typeof(Yes))
            {
                var k = Math.Min(r, 7);
                Sse.Prefetch0((void*)(first + ((k % 4) * rowBytes) + ((k / 4) * 64)));
            }
            else if (r < count)
            {
                Sse.Prefetch0((void*)(first + ((r % 4) * rowBytes) + ((r / 4) * 64)));
            }

            Row(ref a00, ref a01, ref a02, ref a10, ref a11, ref a12, ref a20, ref a21, ref a22, ref a30, ref a31, ref a32, xr, dr);
            xr += xStride;
            dr += 4;
        }

        Apply<TStore>(target, a00, a01, a02, ref sink);
        Apply<TStore>(target + n, a10, a11, a12, ref sink);
        Apply<TStore>(target + (2 * n), a20, a21, a22, ref sink);
        Apply<TStore>(target + (3 * n), a30, a31, a32, ref sink);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row(ref Vector256<float> a00, ref Vector256<float> a01, ref Vector256<float> a02, ref Vector256<float> a10, ref Vector256<float> a11, ref Vector256<float> a12,
        ref Vector256<float> a20, ref Vector256<float> a21, ref Vector256<float> a22, ref Vector256<float> a30, ref Vector256<float> a31, ref Vector256<float> a32, float* xr, float* dr)
    {
        var x0 = Vector256.Load(xr);
        var x1 = Vector256.Load(xr + 8);
        var x2 = Vector256.Load(xr + 16);
        TileParts.MultiplyAdd(ref a00, ref a01, ref a02, x0, x1, x2, Vector256.Create(dr[0]));
        TileParts.MultiplyAdd(ref a10, ref a11, ref a12, x0, x1, x2, Vector256.Create(dr[1]));
        TileParts.MultiplyAdd(ref a20, ref a21, ref a22, x0, x1, x2, Vector256.Create(dr[2]));
        TileParts.MultiplyAdd(ref a30, ref a31, ref a32, x0, x1, x2, Vector256.Create(dr[3]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Apply<TStore>(float* at, Vector256<float> g0, Vector256<float> g1, Vector256<float> g2, ref Vector256<float> sink)
        where TStore : struct, IFlag
    {
        var rate = Vector256.Create(-1e-9f);
        var w0 = Fma.MultiplyAdd(g0, rate, Vector256.Load(at));
        var w1 = Fma.MultiplyAdd(g1, rate, Vector256.Load(at + 8));
        var w2 = Fma.MultiplyAdd(g2, rate, Vector256.Load(at + 16));
        if (TStore.On)
        {
            w0.Store(at);
            w1.Store(at + 8);
            w2.Store(at + 16);
        }
        else
        {
            sink = Avx.Max(sink, Avx.Max(w0, Avx.Max(w1, w2)));
        }
    }
}
