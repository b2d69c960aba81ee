using System;
using System.Collections.Generic;

namespace NetGen.Benchmarks.Onnx;

/// <summary>
/// Writes a benchmark network as an ONNX model (IR version 8, opset 13): per layer a <c>Gemm</c> with
/// <c>transB = 1</c> — so the weights keep PyTorch's [out, in] layout — then <c>Tanh</c>, <c>Relu</c> or
/// <c>Softmax</c>. Input "input" [N, inputs] and output "output" [N, outputs], N free.
/// </summary>
/// <remarks>Field numbers from onnx.proto: ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto.</remarks>
internal static class OnnxModel
{
    public const string InputName = "input";
    public const string OutputName = "output";

    private const long IrVersion = 8;
    private const long OpsetVersion = 13;
    private const int FloatType = 1;
    private const int IntAttribute = 2;

    public static byte[] Write(Shape shape, ReadOnlySpan<float> parameters)
    {
        var graph = new ProtobufWriter().String(2, "netgen_benchmark");
        var nodes = new List<ProtobufWriter>();
        string current = InputName;
        for (int l = 0; l < shape.Count; l++)
        {
            string weight = $"layers.{l}.weight", bias = $"layers.{l}.bias";
            graph.Message(5, Tensor(weight, [shape.Out[l], shape.In[l]], parameters.Slice(shape.WeightOffset[l], shape.In[l] * shape.Out[l])));
            graph.Message(5, Tensor(bias, [shape.Out[l]], parameters.Slice(shape.BiasOffset[l], shape.Out[l])));
            bool last = l == shape.Count - 1;
            string affine = last && shape.Acts[l] == Act.Identity ? OutputName : $"z{l}";
            nodes.Add(Node("Gemm", [current, weight, bias], affine, ("transB", 1)));
            current = affine;
            string? op = shape.Acts[l] switch
            {
                Act.Tanh => "Tanh",
                Act.ReLU => "Relu",
                Act.Softmax => "Softmax",
                _ => null,
            };
            if (op is not null)
            {
                string activated = last ? OutputName : $"a{l}";
                nodes.Add(Node(op, [current], activated));
                current = activated;
            }
        }

        foreach (var node in nodes)
        {
            graph.Message(1, node);
        }

        graph.Message(11, ValueInfo(InputName, shape.InputSize));
        graph.Message(12, ValueInfo(OutputName, shape.OutputSize));
        return new ProtobufWriter()
            .Int64(1, IrVersion)
            .String(2, "NetGen.Benchmarks")
            .Message(7, graph)
            .Message(8, new ProtobufWriter().String(1, "").Int64(2, OpsetVersion))
            .ToArray();
    }

    private static ProtobufWriter Node(string opType, string[] inputs, string output, params (string Name, long Value)[] attributes)
    {
        var node = new ProtobufWriter();
        foreach (string input in inputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, $"{opType}_{output}").String(4, opType);
        foreach (var (name, value) in attributes)
        {
            node.Message(5, new ProtobufWriter().String(1, name).Int64(3, value).Int64(20, IntAttribute));
        }

        return node;
    }

    private static ProtobufWriter Tensor(string name, long[] dims, ReadOnlySpan<float> values)
    {
        var tensor = new ProtobufWriter();
        foreach (long dim in dims)
        {
            tensor.Int64(1, dim);
        }

        return tensor.Int64(2, FloatType).String(8, name).Floats(9, values);
    }

    /// <summary>A float tensor [N, width] with N a named free dimension.</summary>
    private static ProtobufWriter ValueInfo(string name, int width)
    {
        var shape = new ProtobufWriter()
            .Message(1, new ProtobufWriter().String(2, "N"))
            .Message(1, new ProtobufWriter().Int64(1, width));
        var tensorType = new ProtobufWriter().Int64(1, FloatType).Message(2, shape);
        return new ProtobufWriter().String(1, name).Message(2, new ProtobufWriter().Message(1, tensorType));
    }
}
