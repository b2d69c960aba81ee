using System.Collections.Generic;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The names NetGen declares on every network class; a user member with one of them would collide. The kernels
/// live in a class of their own in namespace <c>NetGen.Generated</c>, so their names cannot.
/// </summary>
internal static class GeneratedMembers
{
    private static readonly HashSet<string> Names = new()
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
        "TrainStep",
        "TrainStepBatch",
        "_parameters",
        "_gradients",
        "_scratch",
        "s_architecture",
        "RestoreEmbeddedParameters",
    };

    public static bool Contains(string name) => Names.Contains(name);
}
