namespace NetGen.Kernels;

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

internal readonly struct Seven : ITileOutputs
{
    public static int Count => 7;
}

internal readonly struct Eight : ITileOutputs
{
    public static int Count => 8;
}

internal readonly struct Nine : ITileOutputs
{
    public static int Count => 9;
}

internal readonly struct Ten : ITileOutputs
{
    public static int Count => 10;
}

internal readonly struct Eleven : ITileOutputs
{
    public static int Count => 11;
}

internal readonly struct Twelve : ITileOutputs
{
    public static int Count => 12;
}
