namespace NetGen.Kernels;

/// <summary>
/// Where a layer's last two tiles aim their hints into L2 (<see cref="CachePrefetch.LineToL2"/>) instead of past its
/// weights, which is where the next layer's lie: what the caller reads once the layer is done. Each hint runs a line
/// per input from its address on; the default, both 0, keeps them past the weights.
/// </summary>
/// <param name="First">The last tile but one's start.</param>
/// <param name="Second">The last tile's start.</param>
internal readonly record struct HintsAfter(nuint First, nuint Second);
