namespace NetGen;

/// <summary>The quality of a network on a dataset.</summary>
/// <param name="Loss">The mean loss over the rows, per <see cref="LossFunctions.Compute"/>.</param>
/// <param name="Accuracy">
/// The fraction of correct predictions where it applies: for <see cref="NetGen.Loss.CrossEntropy"/> rows whose output argmax
/// equals the target argmax; for <see cref="NetGen.Loss.BinaryCrossEntropy"/> outputs on the same side of 0.5 as their target,
/// over all rows and outputs; null for <see cref="NetGen.Loss.MeanSquaredError"/>.
/// </param>
public sealed record Evaluation(double Loss, double? Accuracy);
