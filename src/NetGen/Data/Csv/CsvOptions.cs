using System.Collections.Generic;

namespace NetGen;

/// <summary>How <see cref="Dataset.LoadCsv(string, CsvOptions?)"/> reads a CSV file.</summary>
public sealed record CsvOptions
{
    /// <summary>Whether the first line names the columns (default true).</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The character between fields (default ',').</summary>
    public char Separator { get; init; } = ',';

    /// <summary>The target columns, by name or zero-based index; null (the default) takes the last column.</summary>
    public IReadOnlyList<CsvColumn>? Targets { get; init; }

    /// <summary>Columns that are neither features nor targets (an id, a free-text note); none by default.</summary>
    public IReadOnlyList<CsvColumn>? Ignore { get; init; }

    /// <summary>What the target columns hold (default <see cref="CsvTargets.Auto"/>).</summary>
    public CsvTargets TargetKind { get; init; } = CsvTargets.Auto;

    /// <summary>
    /// The classes, in the order of the one-hot target columns; null (the default) takes the distinct labels of the file,
    /// sorted (numerically when every label is a number). Give the training set's <see cref="Dataset.ClassNames"/> to load
    /// a second file with the same columns. Implies <see cref="CsvTargets.ClassLabels"/>.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }
}
