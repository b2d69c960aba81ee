namespace NetGen;

/// <summary>How <see cref="WeightFiles.LoadParameters(INetwork, string, WeightLoadOptions)"/> treats a file.</summary>
public sealed class WeightLoadOptions
{
    /// <summary>
    /// Load a file that holds tensors the network does not have (e.g. a PyTorch state_dict with extra buffers) by
    /// skipping them; they are still validated as safetensors. Off by default: an unknown tensor is an error.
    /// </summary>
    public bool IgnoreUnexpectedTensors { get; set; }
}
