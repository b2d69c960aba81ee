using System.Reflection;

namespace NetGen.Tests;

/// <summary>The runtime's version constant (written into weight files) is the version the assembly was built as.</summary>
public sealed class BuildInfoTests
{
    [Fact]
    public void Version_is_the_assembly_informational_version()
    {
        var assembly = typeof(INetwork).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(BuildInfo.Version, informational);
        Assert.StartsWith(assembly.GetName().Version!.ToString(3), BuildInfo.Version, System.StringComparison.Ordinal);
    }
}
