using System.Collections.Generic;

namespace NetGen.Generator.Parsing;

/// <summary>The names NetGen declares on every network class; a user member with one of them would collide.</summary>
internal static class GeneratedMembers
{
    public static readonly HashSet<string> Names = new()
    {
        "InputSize",
        "OutputSize",
        "ParameterCount",
        "Parameters",
        "Gradients",
        "InitializeParameters",
        "Forward",
        "ForwardBatch",
        "Backward",
        "BackwardBatch",
        "ZeroGradients",
        "_parameters",
        "_gradients",
        "_scratch",
        "Kernels",
    };

    /// <summary>Prefixes of generated helpers that come in several sizes (ForwardRows, ForwardRows4, …).</summary>
    public static readonly string[] Prefixes = { "ForwardRows", "BackwardRows" };

    public static bool Contains(string name)
    {
        if (Names.Contains(name))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
