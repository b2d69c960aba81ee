namespace NetGen.Generator.Parsing;

internal static class AttributeNames
{
    public const string Network = "NetGen.NetworkAttribute";
    public const string Dense = "NetGen.DenseAttribute";
    public const string Maxout = "NetGen.MaxoutAttribute";
}
