using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Model;

/// <summary>
/// A type declaration as a partial part must re-declare it, already in C# spelling: <see cref="Keyword"/> is
/// <c>class</c>, <c>record</c>, <c>struct</c>, <c>record struct</c> or <c>interface</c>; <see cref="Name"/> is the
/// identifier (with <c>@</c> where it is a keyword); <see cref="TypeParameters"/> are the type parameters with
/// their variance (<c>out T</c>), which every part must repeat.
/// </summary>
internal sealed record TypeDeclaration(string Keyword, string Name, EquatableArray<string> TypeParameters)
{
    /// <summary>
    /// Whether generated code can create an instance with <c>new</c>: not for an abstract class, nor for a top-level
    /// one declared with an accessibility only nested types may have (already a compile error, under which C# refuses
    /// every use of the name).
    /// </summary>
    public bool IsInstantiable { get; init; }

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
internal sealed record TypeHierarchy(string? Namespace, EquatableArray<TypeDeclaration> ContainingTypes, TypeDeclaration Type, string FlatName)
{
    /// <summary>
    /// Whether the class or a containing type has an all-lower-case name, which C# warns about (CS8981) at every
    /// declaration: the generated part must not repeat a warning the user's declaration already answers for.
    /// </summary>
    public bool RedeclaresLowerCaseName =>
        ContainingTypes.Append(Type).Any(declaration => declaration.Name.TrimStart('@').All(c => c is >= 'a' and <= 'z'));

    /// <summary>
    /// This hierarchy with a <see cref="FlatName"/> that no other network's equals ignoring case, as generated file
    /// names are compared (<c>Brain</c> and <c>brain</c> may both be types): the ordinally first keeps its name, the
    /// others get <c>.2</c>, <c>.3</c>, which no identifier can end with.
    /// </summary>
    public TypeHierarchy DistinctFrom(IReadOnlyList<string> flatNames)
    {
        var before = flatNames.Count(other =>
            string.Equals(other, FlatName, StringComparison.OrdinalIgnoreCase) && string.CompareOrdinal(other, FlatName) < 0);
        return before == 0 ? this : this with { FlatName = FlatName + "." + (before + 1) };
    }
}
