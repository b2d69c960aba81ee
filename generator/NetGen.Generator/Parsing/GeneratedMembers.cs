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
    };
}
