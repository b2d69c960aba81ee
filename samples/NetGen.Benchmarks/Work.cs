using System;

namespace NetGen.Benchmarks;

/// <summary>
/// What one call of a benchmark method must do at least: floating-point operations (a multiply-add counts 2) and
/// bytes of compulsory memory traffic. Activations, losses and softmax are left out of the FLOPs (they are not FMA
/// work); the bytes are the parameters' traffic plus the rows' inputs and outputs.
/// </summary>
/// <remarks>
/// Forward: 2·Σ in·out FLOPs per row; the weights read once (4·P bytes). A training step (forward, backward,
/// SGD update) per row: 2·Σ in·out forward, 2·Σ in·out for dW, 2·Σ in·out for Wᵀδ except the first layer's;
/// plus 2·P for the update; bytes 12·P — the weights read for the forward pass, read and written by the update —
/// which is what a fused step needs (an unfused one also writes and reads the gradients).
/// </remarks>
public readonly record struct Work(double Flops, double Bytes)
{
    /// <summary>The work of one call in a network benchmark category ("Forward b64", "Train b32", …).</summary>
    public static Work Of(Shape shape, string category)
    {
        (bool train, int rows) = ParseCategory(category);
        long parameters = shape.ParameterCount;
        long io = (long)rows * (shape.InputSize + shape.OutputSize);
        long multiplyAdds = shape.MultiplyAddsPerRow;
        if (!train)
        {
            return new Work(2.0 * multiplyAdds * rows, 4.0 * (parameters + io));
        }

        long firstLayer = (long)shape.In[0] * shape.Out[0];
        double perRow = 2.0 * multiplyAdds + 2.0 * multiplyAdds + 2.0 * (multiplyAdds - firstLayer);
        return new Work(perRow * rows + 2.0 * parameters, 4.0 * (3 * parameters + io));
    }

    /// <summary>"Forward b64" → (false, 64); "Train b1" → (true, 1).</summary>
    public static (bool Train, int Rows) ParseCategory(string category)
    {
        int b = category.LastIndexOf(" b", StringComparison.Ordinal);
        if (b < 0 || !int.TryParse(category.AsSpan(b + 2), out int rows))
        {
            throw new ArgumentException($"'{category}' is not a network category such as 'Forward b1'.", nameof(category));
        }

        return (category.StartsWith("Train", StringComparison.Ordinal), rows);
    }
}
