namespace NetGen;

/// <summary>The kinds of layer a network is declared with.</summary>
public enum LayerKind
{
    /// <summary>A fully connected layer followed by its activation (<see cref="DenseAttribute"/>).</summary>
    Dense,

    /// <summary>Each unit the maximum of several affine maps of the input (<see cref="MaxoutAttribute"/>).</summary>
    Maxout,
}
