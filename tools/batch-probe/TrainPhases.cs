using System.Runtime.Intrinsics;
using NetGen;
using NetGen.Benchmarks;
using NetGen.Kernels;

/// <summary>
/// Where a 32-row SGD step of N3 and N4 spends its time: the whole <c>TrainStepBatch</c>, then each layer's forward,
/// dW alone (<c>BackwardWeightsOnly</c>) and dX + dW (<c>Backward</c>), interleaved round by round on thread CPU
/// time, each against the FMA peak measured in the same process.
/// </summary>
internal static class TrainPhases
{
    /// <summary>Rows per call: 32, or <c>PROBE_ROWS</c>.</summary>
    private static readonly int Rows = int.TryParse(Environment.GetEnvironmentVariable("PROBE_ROWS"), out var rows) ? rows : 32;

    public static void Run(double peak)
    {
        Console.WriteLine($"{"phase",-30} {"median µs",10} {"fastest",9} {"GFLOP/s",8} {"% peak",7} {"fastest %",9}");
        var n3 = new N3(1);
        var n4 = new N4(1);
        var x3 = Probe.Values(Rows * 784);
        var t3 = OneHot(Rows, 10);
        var x4 = Probe.Values(Rows * 256);
        var t4 = Probe.Values(Rows * 256, 5);
        var sgd3 = new Sgd(1e-6);
        var sgd4 = new Sgd(1e-6);
        var phases = new List<(string Name, double Flops, Action Call)>
        {
            ($"N3 TrainStepBatch {Rows}", Flops(784, 128, 2) + Flops(128, 10, 3), () => n3.TrainStepBatch(x3, t3, sgd3)),
            ($"N4 TrainStepBatch {Rows}", Flops(256, 512, 2) + Flops(512, 512, 3) + Flops(512, 256, 3), () => n4.TrainStepBatch(x4, t4, sgd4)),
        };
        // PROBE_SHAPES=512x48,512x512 for other layers: one that fits L2 beside one that does not shows what L3 costs.
        var shapes = Environment.GetEnvironmentVariable("PROBE_SHAPES") ?? "784x128,128x10,256x512,512x512,512x256";
        foreach (var (inputs, outputs) in shapes.Split(',').Select(s => (int.Parse(s.Split('x')[0]), int.Parse(s.Split('x')[1]))))
        {
            var parameters = Probe.Values((inputs * outputs) + outputs, 7);
            var bias = inputs * outputs;
            var x = Probe.Values(Rows * inputs, 9);
            var x0 = 0;
            if (int.TryParse(Environment.GetEnvironmentVariable("PROBE_X_OFFSET"), out var offset))
            {
                // The inputs a chosen number of floats past a 64-byte boundary, for what alignment costs.
                var copy = GC.AllocateArray<float>((Rows * inputs) + 32, pinned: true);
                unsafe
                {
                    fixed (float* first = copy)
                    {
                        x0 = (int)((64 - ((nint)first % 64)) % 64 / sizeof(float)) + offset;
                    }
                }

                x.CopyTo(copy, x0);
                x = copy;
            }

            var delta = Probe.Values(Rows * outputs, 11);
            var output = new float[Rows * outputs];
            var dx = new float[Rows * inputs];
            var rule = new TinySgd();
            phases.Add(($"{inputs}→{outputs} forward", Flops(inputs, outputs, 1), () =>
                DenseKernels.Forward(ref parameters[0], ref parameters[bias], ref x[x0], ref output[0], inputs, outputs, Rows, default(ReluFunction))));
            phases.Add(($"{inputs}→{outputs} dW", Flops(inputs, outputs, 1), () =>
                DenseKernels.BackwardWeightsOnly(ref parameters[0], 0, bias, ref x[x0], ref delta[0], inputs, outputs, Rows, ref rule)));
            var store = new StoreGradient();
            phases.Add(($"{inputs}→{outputs} dW, stored", Flops(inputs, outputs, 1), () =>
                DenseKernels.BackwardWeightsOnly(ref parameters[0], 0, bias, ref x[x0], ref delta[0], inputs, outputs, Rows, ref store)));
            phases.Add(($"{inputs}→{outputs} dX + dW", Flops(inputs, outputs, 2), () =>
                DenseKernels.Backward(ref parameters[0], ref parameters[0], 0, bias, ref x[x0], ref delta[0], ref dx[0], inputs, outputs, Rows, ref rule)));
        }

        var samples = Probe.InterleavedSamples(phases.Select(p => p.Call).ToArray());
        for (var i = 0; i < phases.Count; i++)
        {
            var sorted = samples[i].Order().ToArray();
            var median = sorted[sorted.Length / 2];
            var fastest = sorted[0];
            var flops = phases[i].Flops;
            Console.WriteLine($"{phases[i].Name,-30} {median / 1000,10:F2} {fastest / 1000,9:F2} {flops / median,8:F1} {100 * flops / median / peak,6:F0}% {100 * flops / fastest / peak,8:F0}%");
        }
    }

    /// <summary><paramref name="steps"/> SGD steps of N3 or N4 on <see cref="Rows"/> rows with SGD, momentum or Adam, then a hash of the parameters' bits.</summary>
    public static void Calls(string network, int steps, string optimizer)
    {
        INetwork net = network == "N3" ? new N3(1) : new N4(1);
        var inputs = Probe.Values(Rows * net.InputSize);
        var targets = network == "N3" ? OneHot(Rows, 10) : Probe.Values(Rows * net.OutputSize, 5);
        IOptimizer rule = optimizer switch
        {
            "momentum" => new Sgd(1e-6, momentum: 0.9),
            "adam" => new Adam(1e-6),
            _ => new Sgd(1e-6),
        };
        for (var i = 0; i < steps; i++)
        {
            net.TrainStepBatch(inputs, targets, rule);
        }

        // The parameters' bits, for comparing two builds' steps bit for bit.
        var hash = 14695981039346656037ul;   // FNV-1a: the same in every process, unlike HashCode
        foreach (var parameter in net.Parameters)
        {
            hash = (hash ^ (uint)BitConverter.SingleToInt32Bits(parameter)) * 1099511628211ul;
        }

        Console.WriteLine($"{network} after {steps} {optimizer} steps: parameters' hash {hash:x16}");
    }

    /// <summary>Multiply-adds × 2 of <paramref name="products"/> products of a layer's size over the rows.</summary>
    private static double Flops(int inputs, int outputs, int products) => 2.0 * Rows * inputs * outputs * products;

    private static float[] OneHot(int rows, int classes)
    {
        var targets = new float[rows * classes];
        for (var r = 0; r < rows; r++)
        {
            targets[(r * classes) + (r % classes)] = 1;
        }

        return targets;
    }

    /// <summary>SGD with a step small enough that the weights stay where they are over millions of calls.</summary>
    private readonly struct TinySgd : IUpdateRule
    {
        public float Update(float parameter, float gradient, int index) => parameter - (1e-9f * gradient);

        public Vector128<float> Update(Vector128<float> parameters, Vector128<float> gradients, int index) => parameters - (Vector128.Create(1e-9f) * gradients);

        public Vector256<float> Update(Vector256<float> parameters, Vector256<float> gradients, int index) => parameters - (Vector256.Create(1e-9f) * gradients);

        public Vector512<float> Update(Vector512<float> parameters, Vector512<float> gradients, int index) => parameters - (Vector512.Create(1e-9f) * gradients);
    }

    /// <summary>dW written as it is, with no arithmetic: what the rule's multiply and subtract cost a tile.</summary>
    private readonly struct StoreGradient : IUpdateRule
    {
        public float Update(float parameter, float gradient, int index) => gradient * 1e-30f;

        public Vector128<float> Update(Vector128<float> parameters, Vector128<float> gradients, int index) => gradients * 1e-30f;

        public Vector256<float> Update(Vector256<float> parameters, Vector256<float> gradients, int index) => gradients * 1e-30f;

        public Vector512<float> Update(Vector512<float> parameters, Vector512<float> gradients, int index) => gradients * 1e-30f;
    }
}
