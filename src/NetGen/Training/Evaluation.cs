namespace NetGen;

/// <summary>The quality of a network on a dataset.</summary>
/// <param name="Loss">The mean loss over the rows, per <see cref="LossFunctions.Compute"/> (the terms training uses).</param>
/// <param name="Accuracy">
/// The fraction of correct predictions for a classifier, else null. A classifier is a network trained with a
/// cross-entropy, or evaluated on targets that are class labels (<see cref="Dataset.HasClassLabels"/>) whatever its loss:
/// a row is correct when <see cref="Predictions.Predict"/> gives its target's class (<see cref="Dataset.ClassOf"/>).
/// With <see cref="NetGen.Loss.BinaryCrossEntropy"/> and several outputs (independent yes/no answers) every output
/// counts, correct when it is on the same side of 0.5 as its target. Null for regression: mean squared error on targets
/// that are not class labels.
/// </param>
public sealed record Evaluation(double Loss, double? Accuracy);
