using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NetGen.Safetensors.Json;

/// <summary>
/// A strict parser of JSON (RFC 8259) from UTF-8 bytes, for safetensors headers: a name that appears twice in an
/// object is an error, nesting is bounded, and nothing but whitespace may follow the value. The caller checks
/// that the bytes are valid UTF-8 first (<see cref="Utf8Validation"/>).
/// </summary>
internal sealed class JsonParser
{
    /// <summary>A safetensors header nests three levels deep; this leaves room without letting recursion run away.</summary>
    public const int MaxDepth = 64;

    /// <summary>Offsets and dimensions have at most 20 digits; a longer number is damage, not data.</summary>
    public const int MaxNumberLength = 100;

    private readonly byte[] _text;
    private readonly int _length;
    private int _position;

    private JsonParser(byte[] text, int length)
    {
        _text = text;
        _length = length;
    }

    /// <summary>Parses the first <paramref name="length"/> bytes of <paramref name="text"/> as one JSON value.</summary>
    /// <exception cref="JsonSyntaxException">The text is not JSON, or a name repeats within an object.</exception>
    public static JsonNode Parse(byte[] text, int length)
    {
        var parser = new JsonParser(text, length);
        parser.SkipWhitespace();
        var value = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser._position < length)
        {
            throw new JsonSyntaxException($"unexpected {parser.Describe(parser._position)} after the end of the JSON value", parser._position);
        }

        return value;
    }

    private JsonNode ParseValue(int depth)
    {
        if (_position >= _length)
        {
            throw new JsonSyntaxException("the text ends where a value should start", _position);
        }

        return _text[_position] switch
        {
            (byte)'{' => ParseObject(depth + 1),
            (byte)'[' => ParseArray(depth + 1),
            (byte)'"' => new JsonString(_position, ParseString()),
            (byte)'t' => ParseLiteral("true"),
            (byte)'f' => ParseLiteral("false"),
            (byte)'n' => ParseLiteral("null"),
            (byte)'-' or (>= (byte)'0' and <= (byte)'9') => ParseNumber(),
            _ => throw new JsonSyntaxException($"{Describe(_position)} cannot start a JSON value", _position),
        };
    }

    private JsonObject ParseObject(int depth)
    {
        var start = _position;
        CheckDepth(depth);
        _position++;
        var members = new List<KeyValuePair<string, JsonNode>>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        SkipWhitespace();
        if (TryConsume((byte)'}'))
        {
            return new JsonObject(start, members);
        }

        while (true)
        {
            SkipWhitespace();
            if (_position >= _length || _text[_position] != (byte)'"')
            {
                throw new JsonSyntaxException($"expected a name in quotes, found {Describe(_position)}", _position);
            }

            var namePosition = _position;
            var name = ParseString();
            if (!names.Add(name))
            {
                throw new JsonSyntaxException($"the name \"{name}\" appears twice in one object", namePosition);
            }

            SkipWhitespace();
            Expect((byte)':');
            SkipWhitespace();
            members.Add(new KeyValuePair<string, JsonNode>(name, ParseValue(depth)));
            SkipWhitespace();
            if (TryConsume((byte)'}'))
            {
                return new JsonObject(start, members);
            }

            Expect((byte)',');
        }
    }

    private JsonArray ParseArray(int depth)
    {
        var start = _position;
        CheckDepth(depth);
        _position++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (TryConsume((byte)']'))
        {
            return new JsonArray(start, items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue(depth));
            SkipWhitespace();
            if (TryConsume((byte)']'))
            {
                return new JsonArray(start, items);
            }

            Expect((byte)',');
        }
    }

    private string ParseString()
    {
        var start = _position;
        _position++;
        StringBuilder? escaped = null;
        var runStart = _position;
        while (true)
        {
            if (_position >= _length)
            {
                throw new JsonSyntaxException("a string is not closed", start);
            }

            var b = _text[_position];
            if (b == (byte)'"')
            {
                var tail = Encoding.UTF8.GetString(_text, runStart, _position - runStart);
                _position++;
                return escaped is null ? tail : escaped.Append(tail).ToString();
            }

            if (b < 0x20)
            {
                throw new JsonSyntaxException($"control character {Describe(_position)} inside a string (write it as an escape)", _position);
            }

            if (b != (byte)'\\')
            {
                _position++;
                continue;
            }

            escaped ??= new StringBuilder();
            escaped.Append(Encoding.UTF8.GetString(_text, runStart, _position - runStart));
            ReadEscape(escaped);
            runStart = _position;
        }
    }

    private void ReadEscape(StringBuilder builder)
    {
        var start = _position;
        _position++;
        if (_position >= _length)
        {
            throw new JsonSyntaxException("a string ends inside an escape", start);
        }

        var code = _text[_position++];
        switch (code)
        {
            case (byte)'"': builder.Append('"'); return;
            case (byte)'\\': builder.Append('\\'); return;
            case (byte)'/': builder.Append('/'); return;
            case (byte)'b': builder.Append('\b'); return;
            case (byte)'f': builder.Append('\f'); return;
            case (byte)'n': builder.Append('\n'); return;
            case (byte)'r': builder.Append('\r'); return;
            case (byte)'t': builder.Append('\t'); return;
            case (byte)'u': break;
            default: throw new JsonSyntaxException($"\\{(char)code} is not a JSON escape", start);
        }

        var unit = ReadHex4(start);
        if (unit is >= 0xDC00 and <= 0xDFFF)
        {
            throw new JsonSyntaxException($"\\u{unit:X4} is a low surrogate without a high surrogate before it", start);
        }

        if (unit is >= 0xD800 and <= 0xDBFF)
        {
            if (_position + 1 >= _length || _text[_position] != (byte)'\\' || _text[_position + 1] != (byte)'u')
            {
                throw new JsonSyntaxException($"\\u{unit:X4} is a high surrogate without a low surrogate after it", start);
            }

            _position += 2;
            var low = ReadHex4(start);
            if (low is < 0xDC00 or > 0xDFFF)
            {
                throw new JsonSyntaxException($"\\u{unit:X4} is a high surrogate without a low surrogate after it", start);
            }

            builder.Append((char)unit).Append((char)low);
            return;
        }

        builder.Append((char)unit);
    }

    private int ReadHex4(int escapeStart)
    {
        if (_position + 4 > _length)
        {
            throw new JsonSyntaxException("a \\u escape needs four hexadecimal digits", escapeStart);
        }

        var value = 0;
        for (var k = 0; k < 4; k++)
        {
            var c = _text[_position++];
            int digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => throw new JsonSyntaxException("a \\u escape needs four hexadecimal digits", escapeStart),
            };
            value = (value << 4) | digit;
        }

        return value;
    }

    /// <summary>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private JsonNumber ParseNumber()
    {
        var start = _position;
        TryConsume((byte)'-');
        if (TryConsume((byte)'0'))
        {
            // A leading zero stands alone.
        }
        else if (!ConsumeDigits())
        {
            throw new JsonSyntaxException("a number needs a digit after its sign", start);
        }

        if (TryConsume((byte)'.') && !ConsumeDigits())
        {
            throw new JsonSyntaxException("a number needs a digit after its decimal point", start);
        }

        if (TryConsume((byte)'e') || TryConsume((byte)'E'))
        {
            if (!TryConsume((byte)'+'))
            {
                TryConsume((byte)'-');
            }

            if (!ConsumeDigits())
            {
                throw new JsonSyntaxException("a number needs a digit in its exponent", start);
            }
        }

        if (_position < _length && _text[_position] is (byte)'.' or (>= (byte)'0' and <= (byte)'9'))
        {
            throw new JsonSyntaxException("a number has a leading zero or a second decimal point", start);
        }

        if (_position - start > MaxNumberLength)
        {
            throw new JsonSyntaxException($"a number is {_position - start} characters long; no value in a safetensors header needs more than {MaxNumberLength}", start);
        }

        return new JsonNumber(start, Encoding.ASCII.GetString(_text, start, _position - start));
    }

    private bool ConsumeDigits()
    {
        var start = _position;
        while (_position < _length && _text[_position] is >= (byte)'0' and <= (byte)'9')
        {
            _position++;
        }

        return _position > start;
    }

    private JsonLiteral ParseLiteral(string literal)
    {
        var start = _position;
        for (var k = 0; k < literal.Length; k++)
        {
            if (_position >= _length || _text[_position] != (byte)literal[k])
            {
                throw new JsonSyntaxException($"{Describe(start)} starts no JSON value (did you mean {literal}?)", start);
            }

            _position++;
        }

        return new JsonLiteral(start, literal);
    }

    private void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonSyntaxException($"arrays and objects nest more than {MaxDepth} levels deep", _position);
        }
    }

    private void SkipWhitespace()
    {
        while (_position < _length && _text[_position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _position++;
        }
    }

    private bool TryConsume(byte expected)
    {
        if (_position < _length && _text[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(byte expected)
    {
        if (!TryConsume(expected))
        {
            throw new JsonSyntaxException($"expected '{(char)expected}', found {Describe(_position)}", _position);
        }
    }

    /// <summary>The byte at <paramref name="position"/> for a message: 'x', byte 0x00, or the end of the text.</summary>
    private string Describe(int position)
    {
        if (position >= _length)
        {
            return "the end of the text";
        }

        var b = _text[position];
        return b is >= 0x21 and < 0x7F
            ? $"'{(char)b}'"
            : "byte 0x" + b.ToString("X2", CultureInfo.InvariantCulture);
    }
}
