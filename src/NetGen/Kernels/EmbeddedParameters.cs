using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// Restores parameters NetGen embedded at compile time. The generated code holds them as a UTF-8 literal of
/// base64 (data in the assembly image, nothing allocated) and decodes it straight into the parameter block.
/// Not meant to be called by users.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EmbeddedParameters
{
    /// <summary>Decodes <paramref name="base64"/> (little-endian float32 values) into <paramref name="parameters"/>.</summary>
    /// <param name="base64">The embedded values, base64 of their little-endian bytes, without line breaks.</param>
    /// <param name="parameters">The parameter block; its length must be the number of embedded values.</param>
    /// <exception cref="InvalidOperationException">The data does not fill the block (a generator and runtime of different versions).</exception>
    public static void Restore(ReadOnlySpan<byte> base64, Span<float> parameters)
    {
        var bytes = MemoryMarshal.AsBytes(parameters);
        var status = Base64.DecodeFromUtf8(base64, bytes, out var consumed, out var written);
        if (status != OperationStatus.Done || consumed != base64.Length || written != bytes.Length)
        {
            throw new InvalidOperationException(
                $"The embedded parameters decode to {written} bytes ({status}), but the network has {parameters.Length} parameters ({bytes.Length} bytes); rebuild the project so that NetGen's generator and runtime match.");
        }

        if (!BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<float, int>(parameters);
            BinaryPrimitives.ReverseEndianness(words, words);
        }
    }
}
