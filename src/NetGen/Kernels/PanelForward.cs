using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// One dense layer on a panel at one width: a panel is two vectors of rows, held transposed (feature-major, one lane
/// per row), so each weight is broadcast once and multiplied into both vectors. The outputs go in tiles of at most
/// <see cref="MaxTile"/>, near-equal in size; a tile keeps its outputs × 2 accumulators in registers and adds the bias
/// first. A layer runs on several panels at once, each group of tiles down every panel in turn, so that each part of
/// the weights is read from memory once per call rather than once per panel (N4's 2 MiB do not fit L2). A ReLU is
/// applied as the last chunk's tiles store; any other activation follows in a pass of its own over the output panel,
/// since a tanh or sigmoid needs registers the accumulators hold, and the spills cost more than reading the panel
/// again from L1.
/// </summary>
internal static partial class PanelForward<TWidth, TVector>
    where TWidth : struct, ISimdWidth<TVector>
    where TVector : struct
{
    /// <summary>
    /// The most outputs a tile keeps in registers: six with 16 registers (12 accumulators, the two input vectors and
    /// the broadcast weight), twelve with AVX-512's 32, which halves how often the tiles stream the input panel.
    /// </summary>
    public static int MaxTile => TWidth.Count == Width512.Count ? 12 : 6;

    /// <summary>
    /// The bytes of input panel the tiles walk before moving on: half of a 512 KiB L2, so every layer of N3 and N4 runs
    /// in one chunk. A tile reads each of its weight rows from memory as a stream, and each chunk starts new ones
    /// that the hardware prefetcher has yet to pick up: with chunks of 16 KiB (256 inputs at Vector256, the panel's
    /// part in L1) N3's and N4's layers ran 3–6 % slower than in one chunk, the panel streaming from L2 instead.
    /// </summary>
    private const int ChunkBytes = 256 * 1024;

    /// <summary>
    /// Tiles walked down every panel before the next ones start: their part of the weights over a chunk of inputs
    /// (48 rows: 150 KB of N3's first layer, 96 KB of N4's 512-input layers) comes from L3 for the first panel and
    /// from L2 for the others.
    /// </summary>
    private const int TilesPerGroup = 8;

    /// <summary>
    /// How far ahead a tile fetches weights into L2, one line per input: the rows two tiles on (the next layer's first
    /// rows from a layer's last tiles, since the parameters lie layer after layer). Other peers and other processes
    /// leave none of them cached between calls, and the hardware prefetcher does not follow twelve streams of a
    /// kilobyte or two: N4's first call after 9 ms of other work took a third longer without these hints.
    /// </summary>
    private const int AheadTiles = 2;

    /// <summary>
    /// The bytes a tile's hints advance per input: half a line with at most six outputs (a tile of six rows × n inputs
    /// spans 0.375·n lines, so n hints of half a line still cover the tile two on), which lets the address be the
    /// weights' own index scaled by 8 in one instruction instead of three of arithmetic in a loop of 27; a whole line
    /// with AVX-512's tiles of twelve (0.75·n lines).
    /// </summary>
    private static nuint AheadStride => (nuint)(MaxTile > 8 ? CacheLines.LineBytes : CacheLines.LineBytes / 2);

    /// <summary>
    /// One layer on <paramref name="panels"/> panels stored one after another. Each output's lanes are summed in the
    /// same order whatever the number of panels: from the bias, then input by input. The last two tiles, whose hints
    /// would run past the weights, aim them at <paramref name="after"/>'s two addresses instead, unless they are 0.
    /// </summary>
    public static void Layer<TActivation>(ref float weights, ref float bias, ref float input, ref float output, int inputs, int outputs, int panels, TActivation activation, HintsAfter after)
        where TActivation : struct, IActivationFunction
    {
        var lanes = 2 * TWidth.Count;
        // ⌈outputs / MaxTile⌉ tiles of ⌊outputs / tiles⌋ outputs, the last outputs % tiles of them one output more.
        var tiles = (outputs + MaxTile - 1) / MaxTile;
        var small = outputs / tiles;
        var smallTiles = tiles - (outputs % tiles);
        // Inputs in chunks whose part of a panel stays in L2 while a group of tiles walks it; a tile's sums start from
        // the bias on the first chunk and from what the chunk before stored, so each runs in the order of one pass.
        var chunk = ChunkBytes / (lanes * sizeof(float));
        var fusesRelu = typeof(TActivation) == typeof(ReluFunction);
        var pairs = PairsPanels(outputs, inputs, chunk);
        for (var from = 0; from < inputs; from += chunk)
        {
            var length = inputs - from < chunk ? inputs - from : chunk;
            var start = from == 0;
            var relu = fusesRelu && from + length == inputs;
            var groupFirst = 0;
            for (var group = 0; group < tiles; group += TilesPerGroup)
            {
                var groupEnd = tiles - group < TilesPerGroup ? tiles : group + TilesPerGroup;
                var first = groupFirst;
                for (var panel = 0; panel < panels; panel++)
                {
                    ref var x = ref Unsafe.Add(ref input, ((panel * inputs) + from) * lanes);
                    ref var panelOutput = ref Unsafe.Add(ref output, panel * outputs * lanes);
                    first = groupFirst;
                    for (var tile = group; tile < groupEnd; tile++)
                    {
                        var count = tile < smallTiles ? small : small + 1;
                        ref var w = ref Unsafe.Add(ref weights, (first * inputs) + from);
                        var ahead = after.First != 0 && tile >= tiles - AheadTiles
                            ? (tile == tiles - AheadTiles ? after.First : after.Second) + ((nuint)from * sizeof(float))
                            : CachePrefetch.Address(ref w, AheadTiles * count * inputs);
                        if (pairs && panel + 1 < panels)
                        {
                            PairTile(count, ref w, ref Unsafe.Add(ref bias, first), ref x, ref Unsafe.Add(ref panelOutput, first * lanes), inputs, outputs, relu, ahead);
                        }
                        else
                        {
                            Tile(count, ref w, ref Unsafe.Add(ref bias, first), ref x, ref Unsafe.Add(ref panelOutput, first * lanes), inputs, length, start, relu, ahead);
                        }

                        first += count;
                    }

                    if (pairs && panel + 1 < panels)
                    {
                        // The pair tile did the next panel as well.
                        panel++;
                    }
                }

                groupFirst = first;
            }
        }

        if (typeof(TActivation) != typeof(IdentityFunction) && !fusesRelu)
        {
            PanelActivations<TWidth, TVector>.Apply(ref output, panels * outputs * lanes, activation);
        }
    }

    private static void Tile(int count, ref float w, ref float bias, ref float x, ref float target, int inputs, int length, bool start, bool relu, nuint ahead)
    {
        if (MaxTile <= SixteenRegisterTileOutputs)
        {
            SixteenRegisterTile(count, ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
            return;
        }

        switch (count)
        {
            case 12:
                Tile<Twelve>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 11:
                Tile<Eleven>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 10:
                Tile<Ten>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 9:
                Tile<Nine>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 8:
                Tile<Eight>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 7:
                Tile<Seven>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 6:
                Tile<Six>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 5:
                Tile<Five>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 4:
                Tile<Four>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 3:
                Tile<Three>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            case 2:
                Tile<Two>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
            default:
                Tile<One>(ref w, ref bias, ref x, ref target, inputs, length, start, relu, ahead);
                break;
        }
    }

    /// <summary>
    /// TOutputs.Count outputs of the panel over <paramref name="length"/> inputs, starting from the bias or from what
    /// <paramref name="target"/> holds, and stored through a ReLU if <paramref name="relu"/>. The count is a constant
    /// per instantiation, so the JIT drops the accumulators and weight rows a smaller tile does not use. Each input
    /// also fetches a line from <paramref name="ahead"/> on into L2 (<see cref="AheadTiles"/>, <see cref="AheadStride"/>).
    /// </summary>
    private static void Tile<TOutputs>(ref float w0, ref float bias, ref float input, ref float target, int inputs, int length, bool start, bool relu, nuint ahead)
        where TOutputs : struct, ITileOutputs
    {
        var n = (nuint)inputs;
        var lanes = (nuint)TWidth.Count;
        var outputs = TOutputs.Count;
        ref var w1 = ref Unsafe.Add(ref w0, outputs > 1 ? n : 0);
        ref var w2 = ref Unsafe.Add(ref w1, outputs > 2 ? n : 0);
        ref var w3 = ref Unsafe.Add(ref w2, outputs > 3 ? n : 0);
        ref var w4 = ref Unsafe.Add(ref w3, outputs > 4 ? n : 0);
        ref var w5 = ref Unsafe.Add(ref w4, outputs > 5 ? n : 0);
        ref var w6 = ref Unsafe.Add(ref w5, outputs > 6 ? n : 0);
        ref var w7 = ref Unsafe.Add(ref w6, outputs > 7 ? n : 0);
        ref var w8 = ref Unsafe.Add(ref w7, outputs > 8 ? n : 0);
        ref var w9 = ref Unsafe.Add(ref w8, outputs > 9 ? n : 0);
        ref var w10 = ref Unsafe.Add(ref w9, outputs > 10 ? n : 0);
        ref var w11 = ref Unsafe.Add(ref w10, outputs > 11 ? n : 0);
        TVector lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3, lo4, hi4, lo5, hi5, lo6, hi6, lo7, hi7, lo8, hi8, lo9, hi9, lo10, hi10, lo11, hi11;
        if (start)
        {
            lo0 = TWidth.Broadcast(Unsafe.Add(ref bias, 0));
            hi0 = lo0;
            lo1 = outputs > 1 ? TWidth.Broadcast(Unsafe.Add(ref bias, 1)) : TWidth.Zero;
            hi1 = lo1;
            lo2 = outputs > 2 ? TWidth.Broadcast(Unsafe.Add(ref bias, 2)) : TWidth.Zero;
            hi2 = lo2;
            lo3 = outputs > 3 ? TWidth.Broadcast(Unsafe.Add(ref bias, 3)) : TWidth.Zero;
            hi3 = lo3;
            lo4 = outputs > 4 ? TWidth.Broadcast(Unsafe.Add(ref bias, 4)) : TWidth.Zero;
            hi4 = lo4;
            lo5 = outputs > 5 ? TWidth.Broadcast(Unsafe.Add(ref bias, 5)) : TWidth.Zero;
            hi5 = lo5;
            lo6 = outputs > 6 ? TWidth.Broadcast(Unsafe.Add(ref bias, 6)) : TWidth.Zero;
            hi6 = lo6;
            lo7 = outputs > 7 ? TWidth.Broadcast(Unsafe.Add(ref bias, 7)) : TWidth.Zero;
            hi7 = lo7;
            lo8 = outputs > 8 ? TWidth.Broadcast(Unsafe.Add(ref bias, 8)) : TWidth.Zero;
            hi8 = lo8;
            lo9 = outputs > 9 ? TWidth.Broadcast(Unsafe.Add(ref bias, 9)) : TWidth.Zero;
            hi9 = lo9;
            lo10 = outputs > 10 ? TWidth.Broadcast(Unsafe.Add(ref bias, 10)) : TWidth.Zero;
            hi10 = lo10;
            lo11 = outputs > 11 ? TWidth.Broadcast(Unsafe.Add(ref bias, 11)) : TWidth.Zero;
            hi11 = lo11;
        }
        else
        {
            lo0 = Sum(ref target, 0, 0);
            hi0 = Sum(ref target, 0, 1);
            lo1 = outputs > 1 ? Sum(ref target, 1, 0) : TWidth.Zero;
            hi1 = outputs > 1 ? Sum(ref target, 1, 1) : TWidth.Zero;
            lo2 = outputs > 2 ? Sum(ref target, 2, 0) : TWidth.Zero;
            hi2 = outputs > 2 ? Sum(ref target, 2, 1) : TWidth.Zero;
            lo3 = outputs > 3 ? Sum(ref target, 3, 0) : TWidth.Zero;
            hi3 = outputs > 3 ? Sum(ref target, 3, 1) : TWidth.Zero;
            lo4 = outputs > 4 ? Sum(ref target, 4, 0) : TWidth.Zero;
            hi4 = outputs > 4 ? Sum(ref target, 4, 1) : TWidth.Zero;
            lo5 = outputs > 5 ? Sum(ref target, 5, 0) : TWidth.Zero;
            hi5 = outputs > 5 ? Sum(ref target, 5, 1) : TWidth.Zero;
            lo6 = outputs > 6 ? Sum(ref target, 6, 0) : TWidth.Zero;
            hi6 = outputs > 6 ? Sum(ref target, 6, 1) : TWidth.Zero;
            lo7 = outputs > 7 ? Sum(ref target, 7, 0) : TWidth.Zero;
            hi7 = outputs > 7 ? Sum(ref target, 7, 1) : TWidth.Zero;
            lo8 = outputs > 8 ? Sum(ref target, 8, 0) : TWidth.Zero;
            hi8 = outputs > 8 ? Sum(ref target, 8, 1) : TWidth.Zero;
            lo9 = outputs > 9 ? Sum(ref target, 9, 0) : TWidth.Zero;
            hi9 = outputs > 9 ? Sum(ref target, 9, 1) : TWidth.Zero;
            lo10 = outputs > 10 ? Sum(ref target, 10, 0) : TWidth.Zero;
            hi10 = outputs > 10 ? Sum(ref target, 10, 1) : TWidth.Zero;
            lo11 = outputs > 11 ? Sum(ref target, 11, 0) : TWidth.Zero;
            hi11 = outputs > 11 ? Sum(ref target, 11, 1) : TWidth.Zero;
        }

        if (start)
        {
            // The tile's outputs, stored only after its loop: their lines on the way meanwhile.
            for (nuint line = 0; line < (nuint)(outputs * 2) * lanes; line += (nuint)CacheLines.LineFloats)
            {
                CachePrefetch.Line(ref Unsafe.Add(ref target, line));
            }
        }

        ref var x = ref input;
        for (nuint i = 0; i < (nuint)length; i++)
        {
            var x0 = TWidth.Load(ref x, 0);
            var x1 = TWidth.Load(ref x, lanes);
            var w = TWidth.Broadcast(Unsafe.Add(ref w0, i));
            lo0 = TWidth.MultiplyAdd(w, x0, lo0);
            hi0 = TWidth.MultiplyAdd(w, x1, hi0);
            if (outputs > 1)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w1, i));
                lo1 = TWidth.MultiplyAdd(w, x0, lo1);
                hi1 = TWidth.MultiplyAdd(w, x1, hi1);
            }

            if (outputs > 2)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w2, i));
                lo2 = TWidth.MultiplyAdd(w, x0, lo2);
                hi2 = TWidth.MultiplyAdd(w, x1, hi2);
            }

            if (outputs > 3)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w3, i));
                lo3 = TWidth.MultiplyAdd(w, x0, lo3);
                hi3 = TWidth.MultiplyAdd(w, x1, hi3);
            }

            if (outputs > 4)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w4, i));
                lo4 = TWidth.MultiplyAdd(w, x0, lo4);
                hi4 = TWidth.MultiplyAdd(w, x1, hi4);
            }

            if (outputs > 5)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w5, i));
                lo5 = TWidth.MultiplyAdd(w, x0, lo5);
                hi5 = TWidth.MultiplyAdd(w, x1, hi5);
            }

            if (outputs > 6)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w6, i));
                lo6 = TWidth.MultiplyAdd(w, x0, lo6);
                hi6 = TWidth.MultiplyAdd(w, x1, hi6);
            }

            if (outputs > 7)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w7, i));
                lo7 = TWidth.MultiplyAdd(w, x0, lo7);
                hi7 = TWidth.MultiplyAdd(w, x1, hi7);
            }

            if (outputs > 8)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w8, i));
                lo8 = TWidth.MultiplyAdd(w, x0, lo8);
                hi8 = TWidth.MultiplyAdd(w, x1, hi8);
            }

            if (outputs > 9)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w9, i));
                lo9 = TWidth.MultiplyAdd(w, x0, lo9);
                hi9 = TWidth.MultiplyAdd(w, x1, hi9);
            }

            if (outputs > 10)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w10, i));
                lo10 = TWidth.MultiplyAdd(w, x0, lo10);
                hi10 = TWidth.MultiplyAdd(w, x1, hi10);
            }

            if (outputs > 11)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w11, i));
                lo11 = TWidth.MultiplyAdd(w, x0, lo11);
                hi11 = TWidth.MultiplyAdd(w, x1, hi11);
            }

            CachePrefetch.LineToL2(ahead + (i * AheadStride));
            x = ref Unsafe.Add(ref x, 2 * lanes);
        }

        Store(lo0, hi0, ref target, 0, relu);
        if (outputs > 1)
        {
            Store(lo1, hi1, ref target, 1, relu);
        }

        if (outputs > 2)
        {
            Store(lo2, hi2, ref target, 2, relu);
        }

        if (outputs > 3)
        {
            Store(lo3, hi3, ref target, 3, relu);
        }

        if (outputs > 4)
        {
            Store(lo4, hi4, ref target, 4, relu);
        }

        if (outputs > 5)
        {
            Store(lo5, hi5, ref target, 5, relu);
        }

        if (outputs > 6)
        {
            Store(lo6, hi6, ref target, 6, relu);
        }

        if (outputs > 7)
        {
            Store(lo7, hi7, ref target, 7, relu);
        }

        if (outputs > 8)
        {
            Store(lo8, hi8, ref target, 8, relu);
        }

        if (outputs > 9)
        {
            Store(lo9, hi9, ref target, 9, relu);
        }

        if (outputs > 10)
        {
            Store(lo10, hi10, ref target, 10, relu);
        }

        if (outputs > 11)
        {
            Store(lo11, hi11, ref target, 11, relu);
        }
    }

    /// <summary>One vector of an output's sums so far: <paramref name="half"/> 0 for its first rows, 1 for the others.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Sum(ref float target, int output, int half) =>
        TWidth.Load(ref target, (((nuint)output * 2) + (nuint)half) * (nuint)TWidth.Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(TVector low, TVector high, ref float target, int output, bool relu)
    {
        if (relu)
        {
            low = TWidth.Activate(low, default(ReluFunction));
            high = TWidth.Activate(high, default(ReluFunction));
        }

        var at = (nuint)output * 2 * (nuint)TWidth.Count;
        TWidth.Store(low, ref target, at);
        TWidth.Store(high, ref target, at + (nuint)TWidth.Count);
    }
}
