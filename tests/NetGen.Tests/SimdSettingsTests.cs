using System;
using System.Collections;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xunit.Abstractions;

namespace NetGen.Tests;

/// <summary>
/// The test suite runs four times: as is, and with <c>DOTNET_EnableAVX512=0</c>, <c>DOTNET_EnableAVX2=0</c> and
/// <c>DOTNET_EnableHWIntrinsic=0</c>, so that every SIMD path of the generated code is exercised on one machine
/// (on .NET 8, <c>DOTNET_EnableAVX512F=0</c>). This checks that the setting of each run actually took.
/// </summary>
public sealed class SimdSettingsTests
{
    private readonly ITestOutputHelper _output;

    public SimdSettingsTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Disabled_instruction_sets_are_not_accelerated_and_enabled_ones_are()
    {
#if NET9_0_OR_GREATER
        bool noAvx512 = IsZero("DOTNET_EnableAVX512");
#else
        // .NET 8 names the setting after AVX-512F and ignores DOTNET_EnableAVX512.
        bool noAvx512 = IsZero("DOTNET_EnableAVX512F");
#endif
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
            // Unrestricted: Vector512 is accelerated exactly where the whole AVX-512 set is, except on the Intel
            // processors where .NET prefers 256-bit vectors by default because 512-bit ones lower the clock.
            var avx512 = Avx512F.IsSupported && Avx512BW.IsSupported && Avx512CD.IsSupported && Avx512DQ.IsSupported && Avx512F.VL.IsSupported;
            var throttles = ThrottlesUnderVector512();
            _output.WriteLine($"AVX-512: {avx512}; a processor that throttles under 512-bit vectors: {throttles}");
            Assert.Equal(avx512 && !throttles, Vector512.IsHardwareAccelerated);
            Assert.True(Vector128.IsHardwareAccelerated, "Vector128 should be accelerated on any x64 or ARM64 machine");
        }
    }

    /// <summary>
    /// Whether .NET leaves Vector512 unaccelerated by default on this processor although it has AVX-512: the JIT's
    /// preferred vector width is 256 bits on GenuineIntel family 6, models 0x55 (Skylake-SP, Cascade Lake, Cooper
    /// Lake) and 0x66 (Cannon Lake), the rule dotnet/runtime's own CpuId test checks against.
    /// </summary>
    private static bool ThrottlesUnderVector512()
    {
        if (!X86Base.IsSupported)
        {
            return false;
        }

        var (_, vendorB, vendorC, vendorD) = X86Base.CpuId(0, 0);
        var genuineIntel = vendorB == 0x756E6547 && vendorC == 0x6C65746E && vendorD == 0x49656E69;
        var signature = X86Base.CpuId(1, 0).Eax;
        var family = (signature >> 8) & 0xF;
        var model = (((signature >> 16) & 0xF) << 4) | ((signature >> 4) & 0xF);
        return genuineIntel && family == 6 && model is (0x55 or 0x66);
    }

    /// <summary>
    /// ForwardBatch's panels are the widest accelerated vectors: with <c>DOTNET_EnableAVX2=0</c> (a processor with AVX
    /// but not AVX2) Vector256 is not accelerated, though AVX is there, and the panels are Vector128's.
    /// </summary>
    [Fact]
    public void Batch_panels_are_two_of_the_widest_accelerated_vectors()
    {
        var widest = Vector512.IsHardwareAccelerated ? 32 : Vector256.IsHardwareAccelerated ? 16 : Vector128.IsHardwareAccelerated ? 8 : 0;

        Assert.Equal(widest, NetGen.Kernels.ColumnKernels.PanelRows(32));
        if (IsZero("DOTNET_EnableAVX2") && !IsZero("DOTNET_EnableHWIntrinsic"))
        {
            Assert.Equal(8, NetGen.Kernels.ColumnKernels.PanelRows(32));
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
