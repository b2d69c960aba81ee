namespace NetGen;

/// <summary>The loss a network is trained to minimise. Values follow PyTorch's defaults.</summary>
public enum Loss
{
    /// <summary>(1/O)·Σ(y − t)², as <c>torch.nn.MSELoss</c>.</summary>
    MeanSquaredError,

    /// <summary>(1/O)·Σ −[t·log y + (1 − t)·log(1 − y)] after a Sigmoid output, computed from the logit, as <c>torch.nn.BCELoss</c>.</summary>
    BinaryCrossEntropy,

    /// <summary>−Σ t·log y after a Softmax output with probability targets, as <c>torch.nn.CrossEntropyLoss</c>; its gradient is fused to y − t.</summary>
    CrossEntropy,
}
