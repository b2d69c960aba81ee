namespace NetGen.Generator.Model;

/// <summary>A type declaration as it must be re-declared to add a partial part: <c>partial class Name</c>.</summary>
internal sealed record TypeDeclaration(string Keyword, string Name);

/// <summary>Where the network class sits: its namespace (null for the global one) and its containing types, outermost first.</summary>
internal sealed record TypeHierarchy(string? Namespace, EquatableArray<TypeDeclaration> ContainingTypes, TypeDeclaration Type)
{
    /// <summary>A name unique per network, safe as a file name and an identifier.</summary>
    public string FlatName
    {
        get
        {
            var prefix = Namespace is null ? string.Empty : Namespace + ".";
            foreach (var containing in ContainingTypes)
            {
                prefix += containing.Name + ".";
            }

            return prefix + Type.Name;
        }
    }
}
