namespace NetGen.Generator.Model;

/// <summary>
/// A type declaration as a partial part must re-declare it, already in C# spelling: <see cref="Keyword"/> is
/// <c>class</c>, <c>record</c>, <c>struct</c>, <c>record struct</c> or <c>interface</c>; <see cref="Name"/> is the
/// identifier (with <c>@</c> where it is a keyword); <see cref="TypeParameters"/> are the type parameters with
/// their variance (<c>out T</c>), which every part must repeat.
/// </summary>
internal sealed record TypeDeclaration(string Keyword, string Name, EquatableArray<string> TypeParameters)
{
    /// <summary>The header of the generated part, such as <c>partial record struct Outer&lt;T&gt;</c>.</summary>
    public string PartialHeader => TypeParameters.Count == 0
        ? $"partial {Keyword} {Name}"
        : $"partial {Keyword} {Name}<{string.Join(", ", TypeParameters)}>";
}

/// <summary>
/// Where the network class sits: its namespace in C# spelling (null for the global one) and its containing
/// types, outermost first.
/// </summary>
/// <param name="FlatName">A name unique per network within the compilation, safe as a file name: the metadata name
/// with its arity (<c>Game.Outer`1.Brain</c>), so that <c>Outer</c> and <c>Outer&lt;T&gt;</c> do not collide.</param>
internal sealed record TypeHierarchy(string? Namespace, EquatableArray<TypeDeclaration> ContainingTypes, TypeDeclaration Type, string FlatName);
