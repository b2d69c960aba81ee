using System;

namespace NetGen;

/// <summary>A maxout layer: each unit is the maximum of <c>pieces</c> affine maps of the previous layer.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MaxoutAttribute : Attribute
{
    /// <param name="units">The number of units (outputs) of the layer.</param>
    /// <param name="pieces">How many affine maps each unit takes the maximum of (at least 2).</param>
    public MaxoutAttribute(int units, int pieces = 2)
    {
        Units = units;
        Pieces = pieces;
    }

    /// <summary>The number of units (outputs) of the layer.</summary>
    public int Units { get; }

    /// <summary>How many affine maps each unit takes the maximum of.</summary>
    public int Pieces { get; }
}
