using System;

namespace NetGen.Safetensors.Json;

/// <summary>Text that is not the JSON the parser accepts, with the byte offset of the problem.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(string message, int position)
        : base(message) => Position = position;

    public int Position { get; }
}
