using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NetGen;

/// <summary>
/// Reads the records of CSV text (RFC 4180: fields separated by one character, optionally in double quotes, with ""
/// for a quote inside them and separators or line breaks allowed there), skipping blank lines. Unquoted fields are
/// trimmed of spaces and tabs.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char separator, string source)
{
    private readonly StringBuilder _field = new();
    private int _line;

    /// <summary>The physical line (from 1) on which the record last returned by <see cref="Read"/> starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the text.</summary>
    /// <exception cref="InvalidDataException">A quoted field is not closed, or text follows its closing quote.</exception>
    public bool Read(List<string> fields)
    {
        fields.Clear();
        string? text;
        do
        {
            text = reader.ReadLine();
            _line++;
            if (text is null)
            {
                return false;
            }
        }
        while (text.Trim().Length == 0);

        RecordLine = _line;
        int position = 0;
        while (true)
        {
            fields.Add(ReadField(ref text, ref position));
            if (position >= text.Length)
            {
                return true;
            }

            position++; // the separator
        }
    }

    /// <summary>Reads one field starting at <paramref name="position"/>, which ends on its separator or the line's end.</summary>
    private string ReadField(ref string text, ref int position)
    {
        int start = position;
        while (start < text.Length && text[start] is ' ' or '\t' && text[start] != separator)
        {
            start++;
        }

        if (start >= text.Length || text[start] != '"')
        {
            int end = text.IndexOf(separator, position);
            end = end < 0 ? text.Length : end;
            string field = text.Substring(position, end - position).Trim(' ', '\t');
            position = end;
            return field;
        }

        _field.Clear();
        position = start + 1;
        while (true)
        {
            if (position >= text.Length)
            {
                // A line break inside quotes belongs to the field.
                string? next = reader.ReadLine();
                _line++;
                if (next is null)
                {
                    throw new InvalidDataException($"{source} line {RecordLine}: a quoted field is not closed before the end of the file; add the closing \".");
                }

                _field.Append('\n');
                text = next;
                position = 0;
                continue;
            }

            char c = text[position++];
            if (c != '"')
            {
                _field.Append(c);
            }
            else if (position < text.Length && text[position] == '"')
            {
                _field.Append('"');
                position++;
            }
            else
            {
                break;
            }
        }

        while (position < text.Length && text[position] is ' ' or '\t' && text[position] != separator)
        {
            position++;
        }

        if (position < text.Length && text[position] != separator)
        {
            throw new InvalidDataException(
                $"{source} line {_line}: text follows the closing quote of a field; put the whole field in quotes and write a quote inside it as \"\".");
        }

        return _field.ToString();
    }
}
