using System;
using System.Collections;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xunit.Abstractions;

namespace NetGen.Tests;

/// <summary>
/// The test suite runs four times: as is, and with <c>DOTNET_EnableAVX512=0</c>, <c>DOTNET_EnableAVX2=0</c> and
/// <c>DOTNET_EnableHWIntrinsic=0</c>, so that every SIMD path of the generated code is exercised on one machine.
/// This checks that the setting of each run actually took.
/// </summary>
public sealed class SimdSettingsTests
{
    private readonly ITestOutputHelper _output;

    public SimdSettingsTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Disabled_instruction_sets_are_not_accelerated_and_enabled_ones_are()
    {
        bool noAvx512 = IsZero("DOTNET_EnableAVX512");
        bool noAvx2 = IsZero("DOTNET_EnableAVX2");
        bool noIntrinsics = IsZero("DOTNET_EnableHWIntrinsic");
        _output.WriteLine(
            $"EnableAVX512=0: {noAvx512}, EnableAVX2=0: {noAvx2}, EnableHWIntrinsic=0: {noIntrinsics}; accelerated: " +
            $"Vector128 {Vector128.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector512 {Vector512.IsHardwareAccelerated}");

        if (noAvx512)
        {
            Assert.False(Vector512.IsHardwareAccelerated, "DOTNET_EnableAVX512=0, yet Vector512 is accelerated");
        }

        if (noAvx2)
        {
            // AVX-512 builds on AVX2, so it goes too.
            Assert.False(Vector256.IsHardwareAccelerated, "DOTNET_EnableAVX2=0, yet Vector256 is accelerated");
            Assert.False(Vector512.IsHardwareAccelerated, "DOTNET_EnableAVX2=0, yet Vector512 is accelerated");
        }

        if (noIntrinsics)
        {
            Assert.False(Vector128.IsHardwareAccelerated, "DOTNET_EnableHWIntrinsic=0, yet Vector128 is accelerated");
            Assert.False(Vector256.IsHardwareAccelerated, "DOTNET_EnableHWIntrinsic=0, yet Vector256 is accelerated");
            Assert.False(Vector512.IsHardwareAccelerated, "DOTNET_EnableHWIntrinsic=0, yet Vector512 is accelerated");
        }

        if (!HasAnyVectorSetting())
        {
            // Unrestricted: Vector512 is accelerated exactly where AVX-512 is (on this AMD Zen 4 machine, it is).
            // (.NET also leaves Vector512 off by default on Intel CPUs that throttle under it, Skylake-X to Cascade Lake.)
            Assert.Equal(Avx512F.IsSupported, Vector512.IsHardwareAccelerated);
            Assert.True(Vector128.IsHardwareAccelerated, "Vector128 should be accelerated on any x64 or ARM64 machine");
        }
    }

    private static bool IsZero(string variable) => Environment.GetEnvironmentVariable(variable)?.Trim() == "0";

    /// <summary>Whether any setting that restricts the JIT's vector instructions is present.</summary>
    private static bool HasAnyVectorSetting() =>
        Environment.GetEnvironmentVariables().Keys.Cast<object>().Select(key => key.ToString() ?? "").Any(name =>
            (name.StartsWith("DOTNET_Enable", StringComparison.OrdinalIgnoreCase)
             || name.StartsWith("COMPlus_Enable", StringComparison.OrdinalIgnoreCase)
             || name.Equals("DOTNET_PreferredVectorBitWidth", StringComparison.OrdinalIgnoreCase))
            && !name.EndsWith("Diagnostics", StringComparison.OrdinalIgnoreCase));
}
