using System;
using System.Globalization;

namespace NetGen;

/// <summary>
/// A column of a CSV file, by its header name or its zero-based index. Converts from <see cref="string"/> and
/// <see cref="int"/>, so <c>Targets = ["species"]</c> and <c>Targets = [4]</c> both read naturally.
/// </summary>
public readonly struct CsvColumn : IEquatable<CsvColumn>
{
    private CsvColumn(string? name, int index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>The header name, or null for a column given by index.</summary>
    public string? Name { get; }

    /// <summary>The zero-based index, or −1 for a column given by name.</summary>
    public int Index { get; }

    /// <summary>The column with this header name.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public static implicit operator CsvColumn(string name) => ByName(name);

    /// <summary>The column at this zero-based index.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static implicit operator CsvColumn(int index) => AtIndex(index);

    /// <summary>Whether two columns are given the same way (the same name, or the same index).</summary>
    public static bool operator ==(CsvColumn left, CsvColumn right) => left.Equals(right);

    /// <summary>Whether two columns are given differently.</summary>
    public static bool operator !=(CsvColumn left, CsvColumn right) => !left.Equals(right);

    /// <summary>The column with this header name.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public static CsvColumn ByName(string name) =>
        string.IsNullOrEmpty(name) ? throw new ArgumentException("A CSV column name must be a non-empty string.", nameof(name)) : new CsvColumn(name, -1);

    /// <summary>The column at this zero-based index.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static CsvColumn AtIndex(int index) =>
        index >= 0 ? new CsvColumn(null, index) : throw new ArgumentOutOfRangeException(nameof(index), index, $"A CSV column index must be 0 or more; got {index}.");

    /// <inheritdoc/>
    public bool Equals(CsvColumn other) => Name == other.Name && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CsvColumn other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Index);

    /// <summary>"column "name"" or "column 3", as messages name it.</summary>
    public override string ToString() => Name is not null ? $"column \"{Name}\"" : $"column {Index.ToString(CultureInfo.InvariantCulture)}";
}
