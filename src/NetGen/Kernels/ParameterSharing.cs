using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>
/// Selects the constructor a generated network keeps for <see cref="INetwork.CreateReplicaSharingParameters"/>: it
/// takes the parameter block of the network it replicates. A type of its own, so that the constructor cannot collide
/// with one the user declares. Not meant to be used by users.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ParameterSharing;
