using System;
using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>The namespace and containing types a network's partial part is declared in, closed in reverse when disposed.</summary>
internal sealed class ContainingScopes : IDisposable
{
    private readonly List<Block> _blocks = new();

    public ContainingScopes(SourceWriter writer, TypeHierarchy type)
    {
        if (type.Namespace is { } ns)
        {
            _blocks.Add(writer.Block($"namespace {ns}"));
        }

        foreach (var containing in type.ContainingTypes)
        {
            _blocks.Add(writer.Block(containing.PartialHeader));
        }
    }

    public void Dispose()
    {
        for (var i = _blocks.Count - 1; i >= 0; i--)
        {
            _blocks[i].Dispose();
        }
    }
}
