using System;
using System.Linq;

namespace NetGen.Generator.Weights;

/// <summary>
/// Bytes compared by value for the incremental cache: a 64-bit FNV-1a hash decides almost every comparison, and
/// only equal hashes compare the bytes themselves.
/// </summary>
internal sealed class ContentBytes : IEquatable<ContentBytes>
{
    private readonly byte[] _bytes;

    public ContentBytes(byte[] bytes)
    {
        _bytes = bytes;
        Hash = Fnv1a(bytes);
    }

    public ulong Hash { get; }

    public int Length => _bytes.Length;

    public ReadOnlySpan<byte> Span => _bytes;

    /// <summary>The array itself, for APIs that take one; callers must not change it.</summary>
    public byte[] UnsafeArray => _bytes;

    public bool Equals(ContentBytes? other) =>
        other is not null && (ReferenceEquals(this, other) || (Hash == other.Hash && _bytes.AsSpan().SequenceEqual(other._bytes)));

    public override bool Equals(object? obj) => Equals(obj as ContentBytes);

    public override int GetHashCode() => unchecked((int)Hash ^ (int)(Hash >> 32));

    private static ulong Fnv1a(byte[] bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }
}
