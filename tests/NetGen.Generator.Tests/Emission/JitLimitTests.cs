using System.Linq;
using NetGen.Generator.Tests.Snapshots;
using Xunit.Abstractions;

namespace NetGen.Generator.Tests.Emission;

/// <summary>
/// No generated method may pass the JIT's MinOpts limits (DEFAULT_MIN_OPTS_CODE_SIZE 60,000 IL bytes,
/// INSTR_COUNT 20,000, LV_NUM_COUNT 2,000, BB_COUNT 2,000): such a method would be compiled unoptimised.
/// </summary>
public sealed class JitLimitTests(ITestOutputHelper output)
{
    private const int MaxILBytes = 60_000;
    private const int MaxInstructions = 20_000;
    private const int MaxLocals = 2_000;
    private const int MaxBasicBlocks = 2_000;

    public static TheoryData<string, int, string> Networks() => new()
    {
        { "784-128-10", 784, "[Dense(128, Activation.ReLU)] [Dense(10, Activation.Softmax)]" },
        { "256-512-512-256", 256, "[Dense(512, Activation.ReLU)] [Dense(512, Activation.ReLU)] [Dense(256)]" },
        // The widest layers NetGen accepts (NetworkLimits.MaxLayerWidth = 4096).
        { "4096-4096-4096", 4096, "[Dense(4096, Activation.Tanh)] [Dense(4096)]" },
        { "4096-Maxout(256x16)-4096", 4096, "[Maxout(256, pieces: 16)] [Dense(4096, Activation.Mish)]" },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_generated_method_stays_under_the_MinOpts_limits(string name, int inputs, string layers) =>
        Check(name, $"using NetGen;\n\nnamespace Limits;\n\n[Network(inputs: {inputs})]\n{layers}\npublic partial class Network;\n");

    /// <summary>Small networks are unrolled: their kernels are the longest straight-line methods.</summary>
    [Theory]
    [InlineData(nameof(Declarations.NpcBrain))]
    [InlineData(nameof(Declarations.OddMaxout))]
    public void Unrolled_kernels_stay_under_the_MinOpts_limits(string name) => Check(name, Declarations.Snapshots[name]);

    private void Check(string name, string source)
    {
        var run = GeneratorHarness.Run(source, ReferenceSet.Net100);
        Assert.Null(run.Exception);
        Assert.Single(run.Sources);
        Assert.True(run.OutputDiagnostics.IsEmpty, run.Describe());

        var methods = MethodBodyStatistics.Read(GeneratorHarness.EmitImage(run.OutputCompilation));
        Assert.NotEmpty(methods);
        output.WriteLine($"{name}: {methods.Count} methods, {run.GeneratedText.Length:N0} chars of source");
        Report("IL bytes", methods.OrderByDescending(m => m.ILBytes).First());
        Report("locals", methods.OrderByDescending(m => m.Locals).First());
        Report("instructions", methods.OrderByDescending(m => m.Instructions).First());
        Report("branch targets", methods.OrderByDescending(m => m.BranchTargets).First());
        Report("basic blocks", methods.OrderByDescending(m => m.BasicBlocks).First());

        Assert.All(methods, m =>
        {
            Assert.True(m.ILBytes < MaxILBytes, $"{m.Method}: {m.ILBytes} IL bytes");
            Assert.True(m.Locals < MaxLocals, $"{m.Method}: {m.Locals} locals");
            Assert.True(m.Instructions < MaxInstructions, $"{m.Method}: {m.Instructions} IL instructions");
            Assert.True(m.BranchTargets < MaxBasicBlocks, $"{m.Method}: {m.BranchTargets} branch targets");
            Assert.True(m.BasicBlocks < MaxBasicBlocks, $"{m.Method}: about {m.BasicBlocks} basic blocks");
        });
    }

    private void Report(string what, MethodBodyStatistics worst) =>
        output.WriteLine($"  most {what}: {worst.Method} — {worst.ILBytes:N0} IL bytes, {worst.Locals} locals, "
            + $"{worst.Instructions:N0} instructions, {worst.BranchTargets} branch targets, ~{worst.BasicBlocks} basic blocks");
}
