using System;
using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace NetGen.Tests;

/// <summary>
/// The tests' net8.0 build (<c>-p:TestOnNet8=true</c>, self-contained) runs on the .NET 8 runtime, whose Min, Max and
/// intrinsics differ from later ones, with NetGen's net8.0 build; the usual build runs on .NET 10 with its net10.0 build.
/// </summary>
public sealed class TargetRuntimeTests
{
    private readonly ITestOutputHelper _output;

    public TargetRuntimeTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Runs_on_the_runtime_of_its_target_framework()
    {
        var library = typeof(INetwork).Assembly.GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false);
        var libraryTarget = ((System.Runtime.Versioning.TargetFrameworkAttribute)library[0]).FrameworkName;
        _output.WriteLine($"{RuntimeInformation.FrameworkDescription}, NetGen built for {libraryTarget}");
#if NET9_0_OR_GREATER
        Assert.True(Environment.Version.Major >= 10, RuntimeInformation.FrameworkDescription);
        Assert.Equal(".NETCoreApp,Version=v10.0", libraryTarget);
#else
        Assert.Equal(8, Environment.Version.Major);
        Assert.StartsWith(".NET 8.", RuntimeInformation.FrameworkDescription, StringComparison.Ordinal);
        Assert.Equal(".NETCoreApp,Version=v8.0", libraryTarget);
#endif
    }
}
