using System;
using Microsoft.ML.OnnxRuntime;
using NetGen.Benchmarks.Onnx;

namespace NetGen.Benchmarks;

/// <summary>
/// ONNX Runtime's CPU execution provider on the same weights (an ONNX model written by <see cref="OnnxModel"/>):
/// one intra-op and one inter-op thread, sequential execution, every graph optimisation, and one
/// <see cref="OrtIoBinding"/> per batch size over <see cref="OrtValue"/>s that wrap the benchmark's own pinned input
/// and output arrays, so a call is a single <see cref="InferenceSession.RunWithBinding"/> with nothing copied or
/// allocated. Inference only: the training API is not in the runtime package.
/// </summary>
public sealed class OnnxRuntimeMlp : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly Bound _single;
    private readonly Bound _batch;

    public OnnxRuntimeMlp(Shape shape, ReadOnlySpan<float> parameters, (float[] Input, float[] Output) single, (float[] Inputs, float[] Outputs) batch)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(OnnxModel.Write(shape, parameters), options);
        _single = new Bound(_session, shape, single.Input, single.Output);
        _batch = new Bound(_session, shape, batch.Inputs, batch.Outputs);
    }

    /// <summary>Runs the rows bound at construction for one row: reads its input array, writes its output array.</summary>
    public void Forward() => _session.RunWithBinding(_runOptions, _single.Binding);

    /// <summary>Runs the rows bound at construction for the batch.</summary>
    public void ForwardBatch() => _session.RunWithBinding(_runOptions, _batch.Binding);

    public void Dispose()
    {
        _single.Dispose();
        _batch.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private sealed class Bound : IDisposable
    {
        private readonly OrtValue _input;
        private readonly OrtValue _output;

        public Bound(InferenceSession session, Shape shape, float[] input, float[] output)
        {
            long rows = input.Length / shape.InputSize;
            if (rows * shape.InputSize != input.Length || rows * shape.OutputSize != output.Length)
            {
                throw new ArgumentException($"Buffers of {input.Length} and {output.Length} floats are not whole rows of {shape.Sizes}.");
            }

            _input = OrtValue.CreateTensorValueFromMemory(input, [rows, shape.InputSize]);
            _output = OrtValue.CreateTensorValueFromMemory(output, [rows, shape.OutputSize]);
            Binding = session.CreateIoBinding();
            Binding.BindInput(OnnxModel.InputName, _input);
            Binding.BindOutput(OnnxModel.OutputName, _output);
        }

        public OrtIoBinding Binding { get; }

        public void Dispose()
        {
            Binding.Dispose();
            _input.Dispose();
            _output.Dispose();
        }
    }
}
