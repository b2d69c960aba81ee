namespace NetGen.Generator;

/// <summary>Names of the pipeline's steps, so that tests can check what the incremental cache reused.</summary>
internal static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string Features = nameof(Features);
    public const string Plan = nameof(Plan);
    public const string WeightFiles = nameof(WeightFiles);
    public const string EmbeddedWeights = nameof(EmbeddedWeights);
}
