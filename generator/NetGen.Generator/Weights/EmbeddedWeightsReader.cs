using System;
using System.Linq;
using System.Threading;
using NetGen.Generator.Model;
using NetGen.Safetensors;

namespace NetGen.Generator.Weights;

/// <summary>
/// Reads a whole weight file for embedding, by the same rules and in the same order as the runtime's
/// LoadParameters: the same header validation, tensor matching, conversion and self-check vectors (run here on
/// the double-precision reference of the declared network). Throws <see cref="WeightFileException"/> with the
/// loader's message.
/// </summary>
internal static class EmbeddedWeightsReader
{
    public static float[] Read(byte[] file, NetworkSpec spec, string source, CancellationToken cancellationToken)
    {
        var errors = new WeightFileErrors(source);
        var layout = WeightLayouts.From(spec);
        if (file.Length < HeaderLength.Size)
        {
            throw HeaderLength.TooShort(file.Length, errors);
        }

        var headerLength = HeaderLength.Read(file, file.Length, errors);
        var headerBytes = new byte[headerLength];
        Buffer.BlockCopy(file, HeaderLength.Size, headerBytes, 0, headerLength);
        var header = SafetensorsHeader.Parse(headerBytes, headerLength, errors);
        var dataStart = HeaderLength.Size + headerLength;
        header.CheckDataLength(file.Length - dataStart, errors);

        var matched = TensorMatcher.Match(header, layout, ignoreUnexpected: false, unexpectedHint: string.Empty, errors);
        var checks = CheckVector.ReadAll(header.Metadata, spec.Inputs, spec.Outputs, errors);
        cancellationToken.ThrowIfCancellationRequested();

        var parameters = new float[layout.ParameterCount];
        foreach (var tensor in matched)
        {
            var data = file.AsSpan(dataStart + (int)tensor.Entry.Begin, (int)tensor.Entry.ByteLength);
            var destination = parameters.AsSpan((int)tensor.Expected.ParameterOffset, (int)tensor.Expected.ElementCount);
            TensorDecoding.Decode(tensor.Entry, data, destination, errors);
        }

        foreach (var check in checks)
        {
            var output = ReferenceForward.Run(spec, parameters, check.Input).Select(v => (float)v).ToArray();
            check.Verify(output, errors);
        }

        return parameters;
    }
}
