using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// One dense layer on a panel at one width: a panel is two vectors of rows, held transposed (feature-major, one lane
/// per row), so each weight is broadcast once and multiplied into both vectors. The outputs go in tiles of at most
/// six, near-equal in size; a tile keeps its outputs × 2 accumulators in registers (12 of AVX2's 16 for a tile of
/// six, with the two input vectors and the broadcast weight) and adds the bias first. A layer runs on several panels
/// at once, each group of tiles down every panel in turn, so that each part of the weights is read from memory once
/// per call rather than once per panel (N4's 2 MiB do not fit L2). The activation follows in a
/// pass of its own over the output panel: applied as the tiles store, a tanh or sigmoid needs registers the twelve
/// accumulators hold, and the spills cost more than reading the panel again from L1.
/// </summary>
internal static class PanelForward<TWidth, TVector>
    where TWidth : struct, ISimdWidth<TVector>
    where TVector : struct
{
    /// <summary>The most outputs a tile keeps in registers.</summary>
    public const int MaxTile = 6;

    /// <summary>
    /// The bytes of input panel the tiles walk before moving on: half of a 512 KiB L2, so every layer of N3 and N4 runs
    /// in one chunk. A tile reads its six weight rows from memory as six streams, and each chunk starts six new ones
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
    /// One layer on <paramref name="panels"/> panels stored one after another. Each output's lanes are summed in the
    /// same order whatever the number of panels: from the bias, then input by input.
    /// </summary>
    public static void Layer<TActivation>(ref float weights, ref float bias, ref float input, ref float output, int inputs, int outputs, int panels, TActivation activation)
        where TActivation : struct, IActivationFunction
    {
        var lanes = 2 * TWidth.Count;
        // ⌈outputs / 6⌉ tiles of ⌊outputs / tiles⌋ outputs, the last outputs % tiles of them one output more.
        var tiles = (outputs + MaxTile - 1) / MaxTile;
        var small = outputs / tiles;
        var smallTiles = tiles - (outputs % tiles);
        // Inputs in chunks whose part of a panel stays in L2 while a group of tiles walks it; a tile's sums start from
        // the bias on the first chunk and from what the chunk before stored, so each runs in the order of one pass.
        var chunk = ChunkBytes / (lanes * sizeof(float));
        for (var from = 0; from < inputs; from += chunk)
        {
            var length = inputs - from < chunk ? inputs - from : chunk;
            var start = from == 0;
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
                        Tile(count, ref w, ref Unsafe.Add(ref bias, first), ref x, ref Unsafe.Add(ref panelOutput, first * lanes), inputs, length, start);
                        first += count;
                    }
                }

                groupFirst = first;
            }
        }

        if (typeof(TActivation) != typeof(IdentityFunction))
        {
            PanelActivations<TWidth, TVector>.Apply(ref output, panels * outputs * lanes, activation);
        }
    }

    private static void Tile(int count, ref float w, ref float bias, ref float x, ref float target, int inputs, int length, bool start)
    {
        switch (count)
        {
            case 6:
                Tile<Six>(ref w, ref bias, ref x, ref target, inputs, length, start);
                break;
            case 5:
                Tile<Five>(ref w, ref bias, ref x, ref target, inputs, length, start);
                break;
            case 4:
                Tile<Four>(ref w, ref bias, ref x, ref target, inputs, length, start);
                break;
            case 3:
                Tile<Three>(ref w, ref bias, ref x, ref target, inputs, length, start);
                break;
            case 2:
                Tile<Two>(ref w, ref bias, ref x, ref target, inputs, length, start);
                break;
            default:
                Tile<One>(ref w, ref bias, ref x, ref target, inputs, length, start);
                break;
        }
    }

    /// <summary>
    /// TOutputs.Count outputs of the panel over <paramref name="length"/> inputs, starting from the bias or from what
    /// <paramref name="target"/> holds. The count is a constant per instantiation, so the JIT drops the accumulators
    /// and weight rows a smaller tile does not use.
    /// </summary>
    private static void Tile<TOutputs>(ref float w0, ref float bias, ref float input, ref float target, int inputs, int length, bool start)
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
        TVector s00, s01, s10, s11, s20, s21, s30, s31, s40, s41, s50, s51;
        if (start)
        {
            s00 = TWidth.Broadcast(bias);
            s01 = s00;
            s10 = outputs > 1 ? TWidth.Broadcast(Unsafe.Add(ref bias, 1)) : TWidth.Zero;
            s11 = s10;
            s20 = outputs > 2 ? TWidth.Broadcast(Unsafe.Add(ref bias, 2)) : TWidth.Zero;
            s21 = s20;
            s30 = outputs > 3 ? TWidth.Broadcast(Unsafe.Add(ref bias, 3)) : TWidth.Zero;
            s31 = s30;
            s40 = outputs > 4 ? TWidth.Broadcast(Unsafe.Add(ref bias, 4)) : TWidth.Zero;
            s41 = s40;
            s50 = outputs > 5 ? TWidth.Broadcast(Unsafe.Add(ref bias, 5)) : TWidth.Zero;
            s51 = s50;
        }
        else
        {
            s00 = Sum(ref target, 0, 0);
            s01 = Sum(ref target, 0, 1);
            s10 = outputs > 1 ? Sum(ref target, 1, 0) : TWidth.Zero;
            s11 = outputs > 1 ? Sum(ref target, 1, 1) : TWidth.Zero;
            s20 = outputs > 2 ? Sum(ref target, 2, 0) : TWidth.Zero;
            s21 = outputs > 2 ? Sum(ref target, 2, 1) : TWidth.Zero;
            s30 = outputs > 3 ? Sum(ref target, 3, 0) : TWidth.Zero;
            s31 = outputs > 3 ? Sum(ref target, 3, 1) : TWidth.Zero;
            s40 = outputs > 4 ? Sum(ref target, 4, 0) : TWidth.Zero;
            s41 = outputs > 4 ? Sum(ref target, 4, 1) : TWidth.Zero;
            s50 = outputs > 5 ? Sum(ref target, 5, 0) : TWidth.Zero;
            s51 = outputs > 5 ? Sum(ref target, 5, 1) : TWidth.Zero;
        }

        ref var x = ref input;
        for (nuint i = 0; i < (nuint)length; i++)
        {
            var x0 = TWidth.Load(ref x, 0);
            var x1 = TWidth.Load(ref x, lanes);
            var w = TWidth.Broadcast(Unsafe.Add(ref w0, i));
            s00 = TWidth.MultiplyAdd(w, x0, s00);
            s01 = TWidth.MultiplyAdd(w, x1, s01);
            if (outputs > 1)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w1, i));
                s10 = TWidth.MultiplyAdd(w, x0, s10);
                s11 = TWidth.MultiplyAdd(w, x1, s11);
            }

            if (outputs > 2)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w2, i));
                s20 = TWidth.MultiplyAdd(w, x0, s20);
                s21 = TWidth.MultiplyAdd(w, x1, s21);
            }

            if (outputs > 3)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w3, i));
                s30 = TWidth.MultiplyAdd(w, x0, s30);
                s31 = TWidth.MultiplyAdd(w, x1, s31);
            }

            if (outputs > 4)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w4, i));
                s40 = TWidth.MultiplyAdd(w, x0, s40);
                s41 = TWidth.MultiplyAdd(w, x1, s41);
            }

            if (outputs > 5)
            {
                w = TWidth.Broadcast(Unsafe.Add(ref w5, i));
                s50 = TWidth.MultiplyAdd(w, x0, s50);
                s51 = TWidth.MultiplyAdd(w, x1, s51);
            }

            x = ref Unsafe.Add(ref x, 2 * lanes);
        }

        Store(s00, s01, ref target, 0);
        if (outputs > 1)
        {
            Store(s10, s11, ref target, 1);
        }

        if (outputs > 2)
        {
            Store(s20, s21, ref target, 2);
        }

        if (outputs > 3)
        {
            Store(s30, s31, ref target, 3);
        }

        if (outputs > 4)
        {
            Store(s40, s41, ref target, 4);
        }

        if (outputs > 5)
        {
            Store(s50, s51, ref target, 5);
        }
    }

    /// <summary>One vector of an output's sums so far: <paramref name="half"/> 0 for its first rows, 1 for the others.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Sum(ref float target, int output, int half) =>
        TWidth.Load(ref target, (((nuint)output * 2) + (nuint)half) * (nuint)TWidth.Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(TVector low, TVector high, ref float target, int output)
    {
        var at = (nuint)output * 2 * (nuint)TWidth.Count;
        TWidth.Store(low, ref target, at);
        TWidth.Store(high, ref target, at + (nuint)TWidth.Count);
    }
}

/// <summary>The outputs of a panel tile, as a type so that each tile size is its own specialisation.</summary>
internal interface ITileOutputs
{
    static abstract int Count { get; }
}

internal readonly struct One : ITileOutputs
{
    public static int Count => 1;
}

internal readonly struct Two : ITileOutputs
{
    public static int Count => 2;
}

internal readonly struct Three : ITileOutputs
{
    public static int Count => 3;
}

internal readonly struct Four : ITileOutputs
{
    public static int Count => 4;
}

internal readonly struct Five : ITileOutputs
{
    public static int Count => 5;
}

internal readonly struct Six : ITileOutputs
{
    public static int Count => 6;
}
