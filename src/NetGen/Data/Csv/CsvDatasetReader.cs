using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetGen;

/// <summary>Turns the records of a CSV file into a <see cref="Dataset"/>: column roles, number parsing, class labels.</summary>
internal sealed class CsvDatasetReader
{
    private readonly CsvOptions _options;
    private readonly string _source;
    private string[]? _header;
    private int _columnCount;
    private int[] _featureColumns = [];
    private int[] _targetColumns = [];

    private CsvDatasetReader(CsvOptions options, string source)
    {
        _options = options;
        _source = source;
    }

    public static Dataset Read(TextReader text, CsvOptions options, string source) => new CsvDatasetReader(options, source).Read(text);

    private Dataset Read(TextReader text)
    {
        var records = new CsvRecordReader(text, _options.Separator, _source);
        var fields = new List<string>();
        if (_options.HasHeader)
        {
            if (!records.Read(fields))
            {
                throw new InvalidDataException($"{_source} is empty; it needs a header line and at least one row.");
            }

            _header = CheckHeader(fields, records.RecordLine);
        }

        var features = new List<float>();
        var targetValues = new List<float>();
        var targetTexts = new List<(string Text, int Line)>();
        bool labels = _options.TargetKind == CsvTargets.ClassLabels || _options.ClassNames is not null;
        int rows = 0;
        while (records.Read(fields))
        {
            if (rows == 0)
            {
                ResolveColumns(_header?.Length ?? fields.Count);
            }

            CheckFieldCount(fields.Count, records.RecordLine);
            foreach (int column in _featureColumns)
            {
                features.Add(ParseNumber(fields[column], records.RecordLine, column, "feature"));
            }

            foreach (int column in _targetColumns)
            {
                targetTexts.Add((fields[column], records.RecordLine));
            }

            rows++;
        }

        if (rows == 0)
        {
            throw new InvalidDataException($"{_source} has no data rows{(_header is null ? string.Empty : " after its header")}; a dataset needs at least one row.");
        }

        labels |= _options.TargetKind == CsvTargets.Auto && _targetColumns.Length == 1 && targetTexts.Any(t => !IsNumber(t.Text));
        IReadOnlyList<string>? classNames = null;
        float[] targets;
        if (labels)
        {
            (targets, classNames) = OneHot(targetTexts);
        }
        else
        {
            for (int i = 0; i < targetTexts.Count; i++)
            {
                targetValues.Add(ParseNumber(targetTexts[i].Text, targetTexts[i].Line, _targetColumns[i % _targetColumns.Length], "target"));
            }

            targets = targetValues.ToArray();
        }

        var featureNames = _header is null ? null : _featureColumns.Select(c => _header[c]).ToArray();
        return new Dataset(features.ToArray(), targets, _featureColumns.Length, targets.Length / rows, featureNames, classNames);
    }

    private string[] CheckHeader(List<string> names, int line)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
            {
                throw new InvalidDataException($"{_source} line {line}: the header's column {i} has no name; name every column.");
            }

            if (seen.TryGetValue(names[i], out int first))
            {
                throw new InvalidDataException($"{_source} line {line}: the header names columns {first} and {i} both \"{names[i]}\"; column names must be distinct.");
            }

            seen[names[i]] = i;
        }

        return names.ToArray();
    }

    /// <summary>Decides which columns are targets, ignored and features, once the number of columns is known.</summary>
    private void ResolveColumns(int columnCount)
    {
        _columnCount = columnCount;
        var targets = _options.Targets is { Count: > 0 } given ? given.Select(Resolve).ToArray() : [columnCount - 1];
        var ignored = (_options.Ignore ?? []).Select(Resolve).ToHashSet();
        foreach (int target in targets)
        {
            if (ignored.Contains(target))
            {
                throw new ArgumentException($"{_source}: {Describe(target)} is both a target and ignored; leave it out of one of the lists.", "options");
            }
        }

        if (targets.Distinct().Count() != targets.Length)
        {
            throw new ArgumentException($"{_source}: a target column is listed twice in Targets.", "options");
        }

        _targetColumns = targets;
        _featureColumns = Enumerable.Range(0, columnCount).Where(c => !ignored.Contains(c) && !targets.Contains(c)).ToArray();
        if (_featureColumns.Length == 0)
        {
            throw new ArgumentException($"{_source} has {columnCount} columns and every one is a target or ignored; a dataset needs at least one feature column.", "options");
        }

        if (_targetColumns.Length > 1 && (_options.TargetKind == CsvTargets.ClassLabels || _options.ClassNames is not null))
        {
            throw new ArgumentException($"{_source}: class labels come from a single target column, but Targets lists {_targetColumns.Length}.", "options");
        }
    }

    private int Resolve(CsvColumn column)
    {
        if (column.Name is null)
        {
            return column.Index < _columnCount ? column.Index
                : throw new ArgumentException($"{_source} has {_columnCount} columns (0 to {_columnCount - 1}), so there is no column {column.Index}.", "options");
        }

        if (_header is null)
        {
            throw new ArgumentException($"{_source}: {column} is given by name, but HasHeader is false; give its index instead, counting from 0.", "options");
        }

        int index = Array.IndexOf(_header, column.Name);
        return index >= 0 ? index
            : throw new ArgumentException($"{_source} has no column \"{column.Name}\"; its columns are {string.Join(", ", _header.Select(h => $"\"{h}\""))}.", "options");
    }

    private void CheckFieldCount(int count, int line)
    {
        if (count != _columnCount)
        {
            string expected = _header is null ? $"the first row has {_columnCount}" : $"the header has {_columnCount}";
            throw new InvalidDataException($"{_source} line {line} has {count} fields but {expected}; every row needs one value per column.");
        }
    }

    private float ParseNumber(string text, int line, int column, string role)
    {
        if (text.Length == 0)
        {
            throw new InvalidDataException(
                $"{_source} line {line}, {Describe(column)}: the {role} is empty; fill in or remove rows with missing values before loading.");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            string hint = role == "feature" ? "; give it a number, or list the column in Ignore" : "; for class labels set TargetKind = CsvTargets.ClassLabels";
            throw new InvalidDataException($"{_source} line {line}, {Describe(column)}: \"{text}\" is not a number{hint}.");
        }

        float single = (float)value;
        if (!float.IsFinite(single))
        {
            throw new InvalidDataException($"{_source} line {line}, {Describe(column)}: \"{text}\" is not a finite number within the range of float.");
        }

        return single;
    }

    private (float[] Targets, IReadOnlyList<string> Names) OneHot(List<(string Text, int Line)> labels)
    {
        var names = _options.ClassNames?.ToArray() ?? Distinct(labels.Select(l => l.Text));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            index[names[i]] = i;
        }

        var classes = new int[labels.Count];
        for (int row = 0; row < labels.Count; row++)
        {
            var (text, line) = labels[row];
            if (!index.TryGetValue(text, out classes[row]))
            {
                throw new InvalidDataException(
                    $"{_source} line {line}, {Describe(_targetColumns[0])}: \"{text}\" is not one of the classes {string.Join(", ", names.Select(n => $"\"{n}\""))}.");
            }
        }

        if (names.Length < 2)
        {
            throw new InvalidDataException($"{_source}: every row has the class \"{names[0]}\"; a classifier needs at least two classes.");
        }

        return (Dataset.OneHot(classes, names.Length), names);
    }

    /// <summary>The distinct labels, sorted numerically when all are numbers, else ordinally.</summary>
    private static string[] Distinct(IEnumerable<string> labels)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).ToArray();
        return distinct.All(IsNumber)
            ? distinct.OrderBy(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()
            : distinct.OrderBy(l => l, StringComparer.Ordinal).ToArray();
    }

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private string Describe(int column) => _header is null ? $"column {column}" : $"column \"{_header[column]}\"";
}
