using System;
using System.IO;
using System.Linq;
using System.Threading;
using CsCheck;

namespace NetGen.Tests.Weights;

/// <summary>
/// Thousands of random mutations of valid files (byte changes, bit flips, truncations, insertions, deletions,
/// copies of a region elsewhere): loading one either succeeds or throws <see cref="WeightFileException"/>, and
/// the parameters change only when it succeeds.
/// </summary>
public sealed class MutationPropertyTests
{
    private const int Mutations = 5000;

    private static readonly Gen<Func<byte[], byte[]>> Mutation = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte, (at, value) => Change(at, value))),
        (4, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 7], (at, bit) => Flip(at, bit))),
        (2, Gen.Int[0, int.MaxValue].Select(Truncate)),
        (2, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte.Array[1, 12], (at, bytes) => Insert(at, bytes))),
        (2, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[1, 12], (at, count) => Delete(at, count))),
        (1, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[1, 16], (from, to, count) => Copy(from, to, count))));

    /// <summary>One to three mutations applied in turn.</summary>
    private static readonly Gen<Func<byte[], byte[]>> Mutations1To3 = Mutation.Array[1, 3]
        .Select(steps => (Func<byte[], byte[]>)(file => steps.Aggregate(file, (current, step) => step(current))));

    [Fact]
    public void MutatedFilesWithSelfChecksFailCleanly() => Check(WeightFileBytes.Saved(new TinyNetwork(seed: 1)), () => new TinyNetwork(seed: 7));

    [Fact]
    public void MutatedFilesWithoutSelfChecksFailCleanly() => Check(WeightFileBytes.Saved(new TorchLinearTanh(seed: 1), checkVectors: 0), () => new TorchLinearTanh(seed: 7));

    private static void Check(byte[] valid, Func<INetwork> create)
    {
        int loaded = 0, rejected = 0;
        Gen.Select(Mutations1To3, Gen.Bool).Sample(
            (mutate, seekable) =>
            {
                var file = mutate(valid);
                var network = create();
                var before = WeightFileBytes.Bits(network.Parameters);
                try
                {
                    network.LoadParameters(seekable ? new MemoryStream(file) : new NonSeekableStream(file, chunk: 13));
                    Interlocked.Increment(ref loaded);
                }
                catch (WeightFileException)
                {
                    Assert.Equal(before, WeightFileBytes.Bits(network.Parameters));
                    Interlocked.Increment(ref rejected);
                }
            },
            iter: Mutations,
            threads: 1);

        Assert.Equal(Mutations, loaded + rejected);
        Assert.True(rejected > Mutations / 2, $"only {rejected} of {Mutations} mutations were rejected");
    }

    private static Func<byte[], byte[]> Change(int at, byte value) => file =>
    {
        if (file.Length == 0)
        {
            return file;
        }

        var copy = (byte[])file.Clone();
        copy[at % copy.Length] = value;
        return copy;
    };

    private static Func<byte[], byte[]> Flip(int at, int bit) => file =>
    {
        if (file.Length == 0)
        {
            return file;
        }

        var copy = (byte[])file.Clone();
        copy[at % copy.Length] ^= (byte)(1 << bit);
        return copy;
    };

    private static Func<byte[], byte[]> Truncate(int at) => file => file.AsSpan(0, at % (file.Length + 1)).ToArray();

    private static Func<byte[], byte[]> Insert(int at, byte[] bytes) => file =>
    {
        var position = at % (file.Length + 1);
        var result = new byte[file.Length + bytes.Length];
        file.AsSpan(0, position).CopyTo(result);
        bytes.CopyTo(result, position);
        file.AsSpan(position).CopyTo(result.AsSpan(position + bytes.Length));
        return result;
    };

    private static Func<byte[], byte[]> Delete(int at, int count) => file =>
    {
        var position = at % (file.Length + 1);
        var removed = Math.Min(count, file.Length - position);
        var result = new byte[file.Length - removed];
        file.AsSpan(0, position).CopyTo(result);
        file.AsSpan(position + removed).CopyTo(result.AsSpan(position));
        return result;
    };

    private static Func<byte[], byte[]> Copy(int from, int to, int count) => file =>
    {
        if (file.Length == 0)
        {
            return file;
        }

        var copy = (byte[])file.Clone();
        var source = from % copy.Length;
        var target = to % copy.Length;
        var length = Math.Min(count, Math.Min(copy.Length - source, copy.Length - target));
        Array.Copy(file, source, copy, target, length);
        return copy;
    };
}
