using System.Collections.Generic;

namespace NetGen.Safetensors.Json;

/// <summary>A value of a parsed JSON document, with the byte offset where it starts (for messages).</summary>
internal abstract class JsonNode
{
    protected JsonNode(int position) => Position = position;

    /// <summary>The offset of the value's first byte in the parsed text.</summary>
    public int Position { get; }

    /// <summary>What the value is, with its article, for messages: "a string", "an object".</summary>
    public abstract string Kind { get; }
}

/// <summary>A JSON object, its members in document order; the parser guarantees that no name appears twice.</summary>
internal sealed class JsonObject : JsonNode
{
    public JsonObject(int position, IReadOnlyList<KeyValuePair<string, JsonNode>> members)
        : base(position) => Members = members;

    public IReadOnlyList<KeyValuePair<string, JsonNode>> Members { get; }

    public override string Kind => "an object";
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(int position, IReadOnlyList<JsonNode> items)
        : base(position) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public override string Kind => "an array";
}

internal sealed class JsonString : JsonNode
{
    public JsonString(int position, string value)
        : base(position) => Value = value;

    public string Value { get; }

    public override string Kind => "a string";
}

/// <summary>A JSON number, kept as its text: safetensors only needs non-negative integers, read exactly.</summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(int position, string text)
        : base(position) => Text = text;

    public string Text { get; }

    public override string Kind => "a number";

    /// <summary>Reads the number as an integer in [0, long.MaxValue]; false for a fraction, an exponent, a sign or more digits.</summary>
    public bool TryGetNonNegativeInteger(out long value)
    {
        value = 0;
        if (Text.Length == 0 || Text.Length > 19)
        {
            return false;
        }

        foreach (var c in Text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            var digit = c - '0';
            if (value > (long.MaxValue - digit) / 10)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}

/// <summary>true, false or null.</summary>
internal sealed class JsonLiteral : JsonNode
{
    public JsonLiteral(int position, string text)
        : base(position) => Text = text;

    public string Text { get; }

    public override string Kind => Text == "null" ? "null" : "a boolean";
}
