namespace NetGen.Generator.Model;

/// <summary>Mirrors <c>NetGen.Activation</c> value for value (the generator cannot reference the runtime assembly).</summary>
internal enum ActivationKind
{
    Identity,
    Step,
    Sigmoid,
    Tanh,
    ReLU,
    LeakyReLU,
    ELU,
    ReLU6,
    Swish,
    Mish,
    Softmax,
}

/// <summary>Mirrors <c>NetGen.Loss</c> value for value.</summary>
internal enum LossKind
{
    MeanSquaredError,
    BinaryCrossEntropy,
    CrossEntropy,
}

internal enum LayerKind
{
    Dense,
    Maxout,
}
