using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

/// <summary>A compile-time switch of the micro-kernels (CopyingTile.cs, WeightTile.cs): one instantiation per value, no branch in the loop.</summary>
internal interface IFlag
{
    static abstract bool On { get; }
}

internal struct Yes : IFlag
{
    public static bool On => true;
}

internal struct No : IFlag
{
    public static bool On => false;
}

/// <summary>Pieces of the micro-kernels' register tiles.</summary>
internal static class TileParts
{
    /// <summary>The micro-kernels' layer: 512 inputs, 512 outputs (rows 2 KiB apart both ways), 32 rows.</summary>
    public const int Inputs = 512;

    public const int Outputs = 512;

    public const int BatchRows = 32;

    /// <summary>One row of a tile of three vectors: each accumulator plus its vector times <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd(ref Vector256<float> a0, ref Vector256<float> a1, ref Vector256<float> a2, Vector256<float> v0, Vector256<float> v1, Vector256<float> v2, Vector256<float> b)
    {
        a0 = Fma.MultiplyAdd(v0, b, a0);
        a1 = Fma.MultiplyAdd(v1, b, a1);
        a2 = Fma.MultiplyAdd(v2, b, a2);
    }
}
