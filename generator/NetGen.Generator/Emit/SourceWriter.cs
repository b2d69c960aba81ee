using System;
using System.Text;

namespace NetGen.Generator.Emit;

/// <summary>Writes indented C# source, with blocks that close themselves when disposed.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    /// <summary>Code lines longer than this break after a comma, the rest indented one level further.</summary>
    private const int MaxLineLength = 140;
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        var indentation = _indent * IndentUnit.Length;
        if (indentation + text.Length > MaxLineLength && text.StartsWith("//", StringComparison.Ordinal))
        {
            // Comments break at the last space that fits and go on behind the same marker.
            var marker = text.StartsWith("///", StringComparison.Ordinal) ? "/// " : "// ";
            var space = text.LastIndexOf(' ', MaxLineLength - indentation);
            if (space > marker.Length)
            {
                Line(text.Substring(0, space));
                return Line(marker + text.Substring(space + 1));
            }
        }

        var at = indentation + text.Length > MaxLineLength && !text.StartsWith("//", StringComparison.Ordinal)
            ? BreakPoint(text, MaxLineLength - indentation)
            : -1;
        if (at > 0)
        {
            Line(text.Substring(0, at + 1));
            _indent++;
            Line(text.Substring(at + 2));
            _indent--;
            return this;
        }

        if (text.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>The last ", " outside string literals that leaves the first part within <paramref name="limit"/>, or -1.</summary>
    private static int BreakPoint(string text, int limit)
    {
        var best = -1;
        var quoted = false;
        for (var i = 0; i + 1 < text.Length && i < limit; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] == ',' && text[i + 1] == ' ')
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; disposing writes the closing brace.</summary>
    public Block Block(string header, string closing = "}")
    {
        Line(header);
        Line("{");
        _indent++;
        return new Block(this, closing);
    }

    /// <summary>Opens a bare scope, so that the variables of one unrolled step do not clash with the next.</summary>
    public Block Scope(string comment)
    {
        Line("// " + comment);
        Line("{");
        _indent++;
        return new Block(this, "}");
    }

    internal void Close(string closing)
    {
        _indent--;
        Line(closing);
    }

    public override string ToString() => _builder.ToString();
}

internal readonly struct Block : IDisposable
{
    private readonly SourceWriter _writer;
    private readonly string _closing;

    public Block(SourceWriter writer, string closing)
    {
        _writer = writer;
        _closing = closing;
    }

    public void Dispose() => _writer.Close(_closing);
}
