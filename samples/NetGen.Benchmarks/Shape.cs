namespace NetGen.Benchmarks;

/// <summary>The activations the benchmark networks use.</summary>
public enum Act { Identity, Tanh, ReLU, Softmax }

/// <summary>A network's shape for the hand-written baselines, with offsets into the exchange layout
/// (PyTorch nn.Linear: per layer weight [out, in] row-major, then bias [out]).</summary>
public sealed class Shape
{
    public Shape(int inputs, Loss loss, params (int Units, Act Act)[] layers)
    {
        Loss = loss;
        Count = layers.Length;
        In = new int[Count];
        Out = new int[Count];
        Acts = new Act[Count];
        WeightOffset = new int[Count];
        BiasOffset = new int[Count];
        int offset = 0, width = inputs;
        for (int l = 0; l < Count; l++)
        {
            In[l] = width;
            Out[l] = layers[l].Units;
            Acts[l] = layers[l].Act;
            WeightOffset[l] = offset;
            offset += In[l] * Out[l];
            BiasOffset[l] = offset;
            offset += Out[l];
            width = Out[l];
        }

        ParameterCount = offset;
    }

    public int Count { get; }
    public int[] In { get; }
    public int[] Out { get; }
    public Act[] Acts { get; }
    public int[] WeightOffset { get; }
    public int[] BiasOffset { get; }
    public int ParameterCount { get; }
    public Loss Loss { get; }
    public int InputSize => In[0];
    public int OutputSize => Out[Count - 1];

    /// <summary>Multiply-adds of one row's forward pass: Σ in·out over the layers.</summary>
    public long MultiplyAddsPerRow
    {
        get
        {
            long sum = 0;
            for (int l = 0; l < Count; l++) sum += (long)In[l] * Out[l];
            return sum;
        }
    }

    /// <summary>Human-readable sizes, e.g. "4-16-16-2".</summary>
    public string Sizes => InputSize + "-" + string.Join("-", Out);
}
