using System.Collections.Generic;

namespace NetGen.Generator.Emit;

/// <summary>Fully qualified names and small expression builders shared by the emitters.</summary>
internal static class Code
{
    // The kernels class sits in the global namespace of the generated file, where these aliases (see
    // Aliases) cannot be captured by the user's types; the partial class part uses global:: names instead.
    public const string Unsafe = "Unsafe";
    public const string MemoryMarshal = "MemoryMarshal";
    public const string Span = "global::System.Span<float>";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    public const string Activations = "Activations";
    public const string Losses = "Losses";
    public const string Guard = "global::NetGen.Kernels.Guard";
    public const string AggressiveInlining = "[MethodImpl(MethodImplOptions.AggressiveInlining)]";

    /// <summary>The using aliases at the top of every generated file.</summary>
    public static readonly string[] Aliases =
    {
        "using Activations = global::NetGen.Kernels.Activations;",
        "using Losses = global::NetGen.Kernels.Losses;",
        "using MemoryMarshal = global::System.Runtime.InteropServices.MemoryMarshal;",
        "using MethodImpl = global::System.Runtime.CompilerServices.MethodImplAttribute;",
        "using MethodImplOptions = global::System.Runtime.CompilerServices.MethodImplOptions;",
        "using Unsafe = global::System.Runtime.CompilerServices.Unsafe;",
        "using Vector128 = global::System.Runtime.Intrinsics.Vector128;",
        "using Vector256 = global::System.Runtime.Intrinsics.Vector256;",
        "using Vector512 = global::System.Runtime.Intrinsics.Vector512;",
    };

    /// <summary>An element index <c>variable * stride + other + constant</c>, leaving out what is absent.</summary>
    public static string Index(string? variable, long stride, string? other, long constant)
    {
        var parts = new List<string>(3);
        if (variable is not null)
        {
            parts.Add(stride == 1 ? variable : $"{variable} * {Literals.Int(stride)}");
        }

        if (other is not null)
        {
            parts.Add(other);
        }

        if (constant != 0 || parts.Count == 0)
        {
            parts.Add(Literals.Int(constant));
        }

        return string.Join(" + ", parts);
    }

    /// <summary><c>Unsafe.Add(ref target, index)</c>: an element read or written without a bounds check.</summary>
    public static string Element(string target, string index) =>
        index == "0" ? target : $"{Unsafe}.Add(ref {target}, {index})";

    public static string Load(int width, string target, string index) =>
        width == 1 ? Element(target, index) : $"{SimdPath.VectorClass(width)}.LoadUnsafe(ref {target}, {index})";

    public static string Store(int width, string value, string target, string index) =>
        width == 1 ? $"{Element(target, index)} = {value};" : $"{SimdPath.VectorClass(width)}.StoreUnsafe({value}, ref {target}, {index});";

    /// <summary>a·b + c, fused where the target framework has the API.</summary>
    public static string MultiplyAdd(int width, string a, string b, string c, bool fused) =>
        width == 1 || !fused ? $"{a} * {b} + {c}" : $"{SimdPath.VectorClass(width)}.FusedMultiplyAdd({a}, {b}, {c})";
}
