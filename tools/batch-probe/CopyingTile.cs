using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static TileParts;

/// <summary>
/// dX's copying tile on Vector256 as a micro-kernel (`dx-tile`): the library's loop of a 512 → 512 layer's dX for
/// 32 rows (panels of three vectors, strips of 128 weight rows, eight tiles of four rows per strip, the first tile
/// reading the strip in place and writing the copy the other seven read, tiles 0–2 hinting at the next strip), copied
/// here on raw pointers so that one thing at a time can change: where the copy goes against the rows it reads modulo
/// 4 KiB, whether it is stored at all, the weight rows' stride, their pages, the hints, the strips' length and order,
/// who copies and how the copy is laid out. Every variant's dX in one process, interleaved round by round on the
/// thread's CPU clock; `PROBE_VARIANTS` picks rows by index (the library's form, 0, always), `PROBE_ROUNDS` the
/// rounds. The sums are not checked: only the time is the question.
/// </summary>
internal static class CopyingTile
{
    private const int Panel = 24;

    /// <summary>What the first tile of a strip does with the copy.</summary>
    private enum Copy
    {
        /// <summary>Stored as the library does, 96 bytes a row, into the buffer the other tiles read.</summary>
        Packed,

        /// <summary>Not stored: the tile only reads the strip in place.</summary>
        None,

        /// <summary>Every row's three vectors stored to one 96-byte slot, <see cref="Variant.Offset"/> bytes past the residue modulo 4 KiB of the strip's rows.</summary>
        Slot,

        /// <summary>Stored as the library does, but read from a copy of every strip made beforehand, its rows 96 bytes apart (the weights laid out by panels).</summary>
        Contiguous,

        /// <summary>No tile reads in place: all eight read the packed buffer (the strip copied beforehand, untimed in spirit: the floor).</summary>
        Floor,
    }

    /// <param name="Name">The row's label.</param>
    /// <param name="Stride">Floats between weight rows (512, or 528 for 2 KiB + 64 B).</param>
    /// <param name="Copy">What the first tile does with the copy.</param>
    /// <param name="Offset">
    /// Bytes: for <see cref="Copy.Packed"/>, the buffer's start minus the weights' start modulo 4 KiB, or with
    /// <paramref name="PerPanel"/>, minus the panel's first row; for <see cref="Copy.Slot"/>, the slot's.
    /// </param>
    /// <param name="PerPanel">The packed buffer moved for each panel so that its offset from the panel's rows stays <paramref name="Offset"/>.</param>
    /// <param name="Hints">Tiles 0–2 hint at the next strip as the library does.</param>
    /// <param name="Huge">The weights on a 2 MiB page.</param>
    /// <param name="FirstHints">Tile 0 hints at the next strip (else tiles 1–3 do).</param>
    /// <param name="Strip">Weight rows per strip.</param>
    /// <param name="StripOuter">Every panel of a strip before the next strip (else every strip of a panel before the next panel).</param>
    /// <param name="Distributed">Tiles 1–7 copy the next strip into a second buffer; tile 0 reads its copy like the others.</param>
    /// <param name="OwnAhead">The copying tile also hints at both lines of its own row this many rows ahead (0: none).</param>
    /// <param name="Resident">Every panel reads the first panel's weights (64 KiB of lines: in L2 throughout).</param>
    /// <param name="Holes">
    /// The copy in segments of 20 rows, one per 2 KiB, each segment's last 128 bytes left out where they fall on the
    /// two lines of the panel's weight rows modulo 2 KiB: no line of the copy shares a set with the rows read in place.
    /// </param>
    private sealed record Variant(string Name, int Stride, Copy Copy, int Offset, bool PerPanel = false, bool Hints = true, bool Huge = false, bool FirstHints = true,
        int Strip = 128, bool StripOuter = false, bool Distributed = false, bool Resident = false, bool Holes = false, bool Gapless = false, int OwnAhead = 0);

    public static void Run(double peak)
    {
        var variants = new List<Variant>
        {
            new("as the library: copy at +0 from the weights", Inputs, Copy.Packed, 0),
            new("copy at +64", Inputs, Copy.Packed, 64),
            new("copy at +256", Inputs, Copy.Packed, 256),
            new("copy at +2048", Inputs, Copy.Packed, 2048),
            new("copy at +0 from each panel's rows", Inputs, Copy.Packed, 0, PerPanel: true),
            new("copy at +1024 from each panel's rows", Inputs, Copy.Packed, 1024, PerPanel: true),
            new("no stores", Inputs, Copy.None, 0),
            new("stores to one slot at +0 (aliasing)", Inputs, Copy.Slot, 0),
            new("stores to one slot at +1024 (never aliasing)", Inputs, Copy.Slot, 1024),
            new("rows 2 KiB + 64 B apart, copy at +0", Inputs + 16, Copy.Packed, 0),
            new("rows 2 KiB + 64 B apart, no stores", Inputs + 16, Copy.None, 0),
            new("no hints, copy at +0", Inputs, Copy.Packed, 0, Hints: false),
            new("no hints, no stores", Inputs, Copy.None, 0, Hints: false),
            new("floor: every tile reads the copy", Inputs, Copy.Floor, 0),
            new("the strip read from rows 96 B apart", Inputs, Copy.Contiguous, 0),
            new("weights on a 2 MiB page", Inputs, Copy.Packed, 0, Huge: true),
            new("2 MiB page, rows 2 KiB + 64 B apart", Inputs + 16, Copy.Packed, 0, Huge: true),
            new("hints in tiles 1–3, not 0", Inputs, Copy.Packed, 0, FirstHints: false),
            new("as the library again", Inputs, Copy.Packed, 0),
            new("strips of 64 rows", Inputs, Copy.Packed, 0, Strip: 64),
            new("strips of 256 rows", Inputs, Copy.Packed, 0, Strip: 256),
            new("every panel of a strip, then the next strip", Inputs, Copy.Packed, 0, StripOuter: true),
            new("the same, strips of 64 rows", Inputs, Copy.Packed, 0, Strip: 64, StripOuter: true),
            new("the next strip copied by tiles 1–7 (2 × 12 KiB)", Inputs, Copy.Packed, 0, Distributed: true),
            new("the same, strips of 64 rows (2 × 6 KiB)", Inputs, Copy.Packed, 0, Strip: 64, Distributed: true),
            new("floor, strips of 64 rows", Inputs, Copy.Floor, 0, Strip: 64),
            new("every panel on the first panel's weights (in L2)", Inputs, Copy.Packed, 0, Resident: true),
            new("the same, rows 2 KiB + 64 B apart", Inputs + 16, Copy.Packed, 0, Resident: true),
            new("the same, no stores", Inputs, Copy.None, 0, Resident: true),
            new("the same, no hints", Inputs, Copy.Packed, 0, Resident: true, Hints: false),
            new("every panel of a strip, strips of 256 rows", Inputs, Copy.Packed, 0, Strip: 256, StripOuter: true),
            new("floor, strips of 256 rows", Inputs, Copy.Floor, 0, Strip: 256),
            new("the copy with holes on the rows' sets", Inputs, Copy.Packed, 0, Holes: true),
            new("the same, no stores", Inputs, Copy.None, 0, Holes: true),
            new("floor with the copy in segments", Inputs, Copy.Floor, 0, Holes: true),
            new("own rows hinted 4 ahead", Inputs, Copy.Packed, 0, OwnAhead: 4),
            new("own rows hinted 8 ahead", Inputs, Copy.Packed, 0, OwnAhead: 8),
            new("own rows hinted 12 ahead", Inputs, Copy.Packed, 0, OwnAhead: 12),
            new("segments' code, no holes (contiguous)", Inputs, Copy.Packed, 0, Holes: true, Gapless: true),
            new("the same, floor", Inputs, Copy.Floor, 0, Holes: true, Gapless: true),
        };
        variants = Probe.Chosen(variants);
        var layers = variants.Select(v => new Layer(v)).ToArray();
        var flops = 2.0 * BatchRows * (Inputs / Panel * Panel) * Outputs;
        Probe.AgainstFirst("dX of 512 → 512, 32 rows", [.. variants.Select(v => v.Name)], [.. variants.Select(_ => flops)], [.. layers.Select(l => (Action)l.Dx)], peak);
    }

    private sealed unsafe class Layer
    {
        private readonly Variant _variant;
        private readonly float* _weights;
        private readonly float* _delta;
        private readonly float* _dx;
        private readonly float* _packed;
        private readonly float* _scratch;
        private readonly float* _strips;
        private readonly (nuint I, nuint O)[] _steps;

        public Layer(Variant variant)
        {
            _variant = variant;
            // The weights 128 bytes past a page, where the library's parameters land (n4place); each buffer apart.
            _weights = variant.Huge
                ? (float*)(Placement.HugeBuffer((variant.Stride * Outputs * sizeof(float)) + 8192) + 128)
                : Probe.PageAligned((variant.Stride * Outputs) + 1024, 128);
            _delta = Probe.PageAligned(BatchRows * Outputs, 0);
            _dx = Probe.PageAligned(BatchRows * Inputs, 0);
            _packed = Probe.PageAligned(4 * 4096, 0);
            _steps = variant.Resident
                ? [.. from i in Enumerable.Range(0, Inputs / Panel) from o in Enumerable.Range(0, Outputs / variant.Strip) select ((nuint)(i * Panel), (nuint)(o * variant.Strip))]
                : variant.StripOuter
                ? [.. from o in Enumerable.Range(0, Outputs / variant.Strip) from i in Enumerable.Range(0, Inputs / Panel) select ((nuint)(i * Panel), (nuint)(o * variant.Strip))]
                : [.. from i in Enumerable.Range(0, Inputs / Panel) from o in Enumerable.Range(0, Outputs / variant.Strip) select ((nuint)(i * Panel), (nuint)(o * variant.Strip))];
            _scratch = Probe.PageAligned(2048, 0);
            var random = new Random(variant.Stride);
            for (var i = 0; i < variant.Stride * Outputs; i++)
            {
                _weights[i] = (float)random.NextDouble() - 0.5f;
            }

            for (var i = 0; i < BatchRows * Outputs; i++)
            {
                _delta[i] = (float)random.NextDouble() - 0.5f;
            }

            if (variant.Copy == Copy.Contiguous)
            {
                _strips = Probe.PageAligned(Inputs / Panel * Outputs * Panel, 0);
                var at = _strips;
                for (var i = 0; i + Panel <= Inputs; i += Panel)
                {
                    for (var o = 0; o < Outputs; o++, at += Panel)
                    {
                        new Span<float>(_weights + (o * variant.Stride) + i, Panel).CopyTo(new Span<float>(at, Panel));
                    }
                }
            }
        }

        /// <summary><paramref name="pointer"/> moved up by less than 4 KiB so that it sits <paramref name="offset"/> bytes past <paramref name="reference"/> modulo 4 KiB.</summary>
        private static float* At(float* pointer, float* reference, int offset)
        {
            var want = ((nuint)reference + (nuint)offset) % 4096;
            var have = (nuint)pointer % 4096;
            return (float*)((byte*)pointer + ((want + 4096 - have) % 4096));
        }

        public void Dx()
        {
            var v = _variant;
            var stride = (nuint)v.Stride;
            var n = (nuint)Inputs;
            var m = (nuint)Outputs;
            var length = (nuint)v.Strip;
            var page = (float*)((nuint)_packed & ~(nuint)4095);
            var contiguous = v.Copy == Copy.Contiguous;
            var steps = _steps;
            for (var s = 0; s < steps.Length; s++)
            {
                var (i, o) = steps[s];
                // Distributed: the copy of step s was made during step s − 1 into the other half; hints two steps ahead.
                var packed = v.Distributed
                    ? page + ((nuint)(s % 2) * 4096)
                    : v.Holes
                        ? v.Gapless ? page : Holed(page, _weights + i)
                        : At(page, v.PerPanel ? _weights + i : _weights, v.Copy == Copy.Packed ? v.Offset : 0);
                var column = v.Resident ? 0 : i;
                var inPlace = contiguous ? _strips + (((i / Panel * m) + o) * Panel) : _weights + (o * stride) + column;
                var d = _delta + o;
                var first = o == 0;
                var hinted = s + (v.Distributed ? 2 : 1);
                var fetching = hinted < steps.Length;
                var (hintI, hintO) = fetching ? steps[hinted] : (0, 0);
                var next = contiguous ? _strips + (((hintI / Panel * m) + hintO) * Panel) : _weights + (hintO * stride) + (v.Resident ? 0 : hintI);
                var copying = v.Distributed && s + 1 < steps.Length;
                var (copyI, copyO) = copying ? steps[s + 1] : (0, 0);
                var copyFrom = _weights + (copyO * stride) + copyI;
                var copyTo = page + ((nuint)((s + 1) % 2) * 4096);
                for (nuint r = 0; r < BatchRows; r += 4)
                {
                    var dr = d + (r * m);
                    var xr = _dx + (r * n) + i;
                    var tile = r / 4;
                    var ahead = v.Hints && fetching && (v.FirstHints ? tile < 3 : tile is >= 1 and < 4);
                    tile = v.FirstHints ? tile : tile - 1;
                    var line = ahead ? next + (tile == 0 ? 0 : tile == 1 ? Panel / 2 : Panel - 1) : packed;
                    var aheadStride = ahead ? contiguous ? Panel : stride : 0;
                    if (copying && r > 0)
                    {
                        // Tiles 1–7 each copy a seventh of the next step's strip before their own product.
                        var part = r / 4;
                        var from = (part - 1) * length / 7;
                        var to = part * length / 7;
                        Pack(copyFrom + (from * stride), stride, copyTo + (from * Panel), to - from);
                    }

                    // With holes (or their code without them), the copy's segments of 20 rows start 512 (480) floats apart.
                    var segment = v.Holes ? SegmentRows : length;
                    var skip = v.Holes && !v.Gapless ? (nuint)(512 - (SegmentRows * Panel)) : 0;
                    if (r > 0 || v.Copy == Copy.Floor || (v.Distributed && s > 0))
                    {
                        Tile<No, No>(packed, Panel, dr, xr, n, m, length, first, packed, line, aheadStride, segment, skip, 0, 0);
                    }
                    else if (v.Copy is Copy.Packed or Copy.Contiguous)
                    {
                        Tile<Yes, Yes>(inPlace, contiguous ? Panel : stride, dr, xr, n, m, length, first, packed, line, aheadStride, segment, 0, skip, (nuint)v.OwnAhead);
                    }
                    else if (v.Copy == Copy.Slot)
                    {
                        Tile<Yes, No>(inPlace, stride, dr, xr, n, m, length, first, At(_scratch, inPlace, v.Offset), line, aheadStride, segment, 0, 0, 0);
                    }
                    else
                    {
                        Tile<No, No>(inPlace, stride, dr, xr, n, m, length, first, packed, line, aheadStride, segment, 0, 0, 0);
                    }
                }
            }
        }
    }

    /// <summary>Rows of the copy in a segment, one segment per 2 KiB.</summary>
    private const int SegmentRows = 20;

    /// <summary>A segmented copy's start in <paramref name="page"/>: each segment's unused last 128 bytes on the lines of <paramref name="rows"/> modulo 2 KiB.</summary>
    private static unsafe float* Holed(float* page, float* rows)
    {
        var line = (nuint)rows & ~(nuint)63;
        var want = (line + 128) % 2048;
        return (float*)((byte*)page + ((want + 2048 - ((nuint)page % 2048)) % 2048));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void Pack(float* from, nuint stride, float* to, nuint rows)
    {
        for (nuint o = 0; o < rows; o++, from += stride, to += Panel)
        {
            Vector256.Load(from).Store(to);
            Vector256.Load(from + 8).Store(to + 8);
            Vector256.Load(from + 16).Store(to + 16);
        }
    }

    /// <summary>
    /// The library's <c>InputTile4&lt;TCopy, ThirdVector&gt;</c> on Vector256; <typeparamref name="TAdvance"/> false
    /// keeps the copy in one slot. The rows go in segments of <paramref name="segment"/>, after each of which the
    /// weights skip <paramref name="weightSkip"/> floats and the copy <paramref name="copySkip"/>; the tile hints at
    /// both lines of its own row <paramref name="own"/> rows ahead unless that is 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void Tile<TStore, TAdvance>(float* w, nuint stride, float* delta, float* dx, nuint n, nuint m, nuint length, bool first, float* copy, float* ahead, nuint aheadStride,
        nuint segment, nuint weightSkip, nuint copySkip, nuint own)
        where TStore : struct, IFlag
        where TAdvance : struct, IFlag
    {
        const int c = 8;
        var x1 = dx + n;
        var x2 = x1 + n;
        var x3 = x2 + n;
        Vector256<float> a00 = Start(dx, first), a01 = Start(dx + c, first), a02 = Start(dx + (2 * c), first);
        Vector256<float> a10 = Start(x1, first), a11 = Start(x1 + c, first), a12 = Start(x1 + (2 * c), first);
        Vector256<float> a20 = Start(x2, first), a21 = Start(x2 + c, first), a22 = Start(x2 + (2 * c), first);
        Vector256<float> a30 = Start(x3, first), a31 = Start(x3 + c, first), a32 = Start(x3 + (2 * c), first);
        var d1 = delta + m;
        var d2 = d1 + m;
        var d3 = d2 + m;
        var wo = w;
        for (nuint o = 0, end; o < length; o = end)
        {
            end = Math.Min(length, o + segment);
            if (o > 0)
            {
                wo += weightSkip;
                copy += copySkip;
            }

            for (; o < end; o++)
            {
                var w0 = Vector256.Load(wo);
                var w1 = Vector256.Load(wo + c);
                var w2 = Vector256.Load(wo + (2 * c));
                if (TStore.On)
                {
                    w0.Store(copy);
                    w1.Store(copy + c);
                    w2.Store(copy + (2 * c));
                    if (TAdvance.On)
                    {
                        copy += 3 * c;
                    }
                }

                Sse.Prefetch0(ahead);
                ahead += aheadStride;
                if (own != 0 && o + own < length)
                {
                    Sse.Prefetch0(wo + (own * stride));
                    Sse.Prefetch0(wo + (own * stride) + 23);
                }

                TileParts.MultiplyAdd(ref a00, ref a01, ref a02, w0, w1, w2, Vector256.Create(delta[o]));
                TileParts.MultiplyAdd(ref a10, ref a11, ref a12, w0, w1, w2, Vector256.Create(d1[o]));
                TileParts.MultiplyAdd(ref a20, ref a21, ref a22, w0, w1, w2, Vector256.Create(d2[o]));
                TileParts.MultiplyAdd(ref a30, ref a31, ref a32, w0, w1, w2, Vector256.Create(d3[o]));
                wo += stride;
            }
        }

        Store(dx, a00, a01, a02);
        Store(x1, a10, a11, a12);
        Store(x2, a20, a21, a22);
        Store(x3, a30, a31, a32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> Start(float* at, bool first) => first ? Vector256<float>.Zero : Vector256.Load(at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(float* at, Vector256<float> a0, Vector256<float> a1, Vector256<float> a2)
    {
        a0.Store(at);
        a1.Store(at + 8);
        a2.Store(at + 16);
    }
}
