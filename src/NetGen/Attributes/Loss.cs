namespace NetGen;

/// <summary>
/// The loss a network is trained to minimise. Values follow PyTorch's defaults, computed from the outputs y by the same
/// terms in training and evaluation (logarithms clamped at −100 as <c>torch.nn.BCELoss</c> does), so a training and a
/// validation loss on the same rows agree.
/// </summary>
public enum Loss
{
    /// <summary>(1/O)·Σ(y − t)², as <c>torch.nn.MSELoss</c>.</summary>
    MeanSquaredError,

    /// <summary>(1/O)·Σ −[t·log y + (1 − t)·log(1 − y)] after a Sigmoid output, as <c>torch.nn.BCELoss</c>; its gradient is taken from the logit, (y − t)/O.</summary>
    BinaryCrossEntropy,

    /// <summary>−Σ t·log y after a Softmax output with probability targets, as <c>torch.nn.CrossEntropyLoss</c>; its gradient is fused to y − t.</summary>
    CrossEntropy,
}
