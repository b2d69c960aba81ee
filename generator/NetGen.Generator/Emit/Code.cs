using System.Collections.Generic;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emit;

/// <summary>Fully qualified names and small expression builders the writers share; no decisions.</summary>
internal static class Code
{
    public const string Span = "global::System.Span<float>";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    public const string Guard = "global::NetGen.Kernels.Guard";
    public const string TrainingSteps = "global::NetGen.Kernels.TrainingSteps";

    /// <summary>The namespace of the file-local kernels classes, where the aliases cannot meet the user's type names.</summary>
    public const string KernelsNamespace = "NetGen.Generated";

    public static string GeneratedCode(string version) =>
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"NetGen\", \"{version}\")]";

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
        index == "0" ? target : $"Unsafe.Add(ref {target}, {index})";

    /// <summary>A vector load through the runtime's <c>RowMath</c> class of its width.</summary>
    public static string Load(string rowMath, string target, string index) => $"{rowMath}.Load(ref {target}, {index})";

    /// <summary>A vector store through the runtime's <c>RowMath</c> class of its width.</summary>
    public static string Store(string rowMath, string value, string target, string index) => $"{rowMath}.Store({value}, ref {target}, {index});";

    public static string Apply(InlineActivation activation, string value) =>
        activation.Alpha is null ? $"{activation.Function}({value})" : $"{activation.Function}({value}, {activation.Alpha})";

    /// <summary>A reference to a row of a chain buffer: <c>ref hidden[16]</c>.</summary>
    public static string Ref(BufferRef buffer) => $"ref {buffer.Buffer}[{Literals.Int(buffer.Offset)}]";

    /// <summary>A block of rows of a scratch region, as a span.</summary>
    public static string Rows(Region region) => $"scratch.Slice({Literals.Int(region.Offset)}, rows * {region.Width})";

    /// <summary>One row of a scratch region, as a span.</summary>
    public static string Row(Region region) => $"scratch.Slice({Literals.Int(region.Offset)}, {region.Width})";

    /// <summary>The first element of a scratch region.</summary>
    public static string Ref(Region region) => $"ref scratch[{Literals.Int(region.Offset)}]";
}
