namespace NetGen;

/// <summary>An optimizer whose state can be bound to one network, so that a second network is refused.</summary>
internal interface INetworkBound
{
    /// <exception cref="System.InvalidOperationException">The optimizer is bound to another network.</exception>
    void BindTo(INetwork network);
}
