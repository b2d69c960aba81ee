using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>One problem found in a declaration, located where the user can fix it.</summary>
internal sealed record Problem(DiagnosticDescriptor Descriptor, Location? Location, object?[] Arguments)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Arguments);
}

/// <summary>What the parser makes of a declaration: a spec when it can be generated, and everything wrong with it.</summary>
internal sealed class ParsedNetwork
{
    public ParsedNetwork(NetworkSpec? spec, IReadOnlyList<Problem> problems)
    {
        Spec = spec;
        Problems = problems;
    }

    /// <summary>The network to generate, or null when the declaration has an error.</summary>
    public NetworkSpec? Spec { get; }

    public IReadOnlyList<Problem> Problems { get; }
}
