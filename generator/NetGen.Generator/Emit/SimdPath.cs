using System.Collections.Generic;

namespace NetGen.Generator.Emit;

/// <summary>
/// One of the three code paths every kernel has: Vector512, Vector256 (with Vector128 tails) and scalar. The JIT
/// folds the <c>IsHardwareAccelerated</c> checks that choose between them, so only one survives in machine code.
/// </summary>
internal sealed class SimdPath
{
    public static readonly SimdPath Vector512 = new("Vector512", new[] { 16, 8, 4, 1 });
    public static readonly SimdPath Vector256 = new("Vector256", new[] { 8, 4, 1 });
    public static readonly SimdPath Scalar = new("Scalar", new[] { 1 });

    public static readonly IReadOnlyList<SimdPath> All = new[] { Vector512, Vector256, Scalar };

    /// <summary>
    /// The paths worth emitting for rows of <paramref name="length"/> values: a row shorter than a path's main
    /// vector would give the same code as the next narrower path, so that path is left out.
    /// </summary>
    public static IReadOnlyList<SimdPath> For(int length)
    {
        var paths = new List<SimdPath>(3);
        if (length >= Vector512.Width)
        {
            paths.Add(Vector512);
        }

        if (length >= 4)
        {
            paths.Add(Vector256);
        }

        paths.Add(Scalar);
        return paths;
    }

    private SimdPath(string name, int[] widths)
    {
        Name = name;
        Widths = widths;
    }

    public string Name { get; }

    /// <summary>The widths used, widest first: the main loop's, then those that take the tail.</summary>
    public IReadOnlyList<int> Widths { get; }

    public int Width => Widths[0];

    public bool IsScalar => Width == 1;

    /// <summary>The condition that selects this path, or null for the scalar fallback.</summary>
    public string? Condition => IsScalar ? null : $"{VectorClass(Width)}.IsHardwareAccelerated";

    public static string VectorClass(int width) => width switch
    {
        16 => "Vector512",
        8 => "Vector256",
        _ => "Vector128",
    };

    /// <summary>The zero of a width's type.</summary>
    public static string Zero(int width) => width == 1 ? "0f" : VectorClass(width) + ".Create(0f)";
}
