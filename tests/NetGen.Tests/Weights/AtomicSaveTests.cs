using System;
using System.IO;

namespace NetGen.Tests.Weights;

/// <summary>A save that fails part-way leaves the file that was there, and no temporary file beside it.</summary>
public sealed class AtomicSaveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("netgen-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(100)]
    [InlineData(-1)]
    public void AStreamThatFailsMidWriteLeavesThePreviousFile(int failAfter)
    {
        var path = Path.Combine(_folder, "brain.safetensors");
        new TinyNetwork(seed: 1).SaveParameters(path);
        var previous = File.ReadAllBytes(path);
        if (failAfter < 0)
        {
            failAfter = previous.Length - 30; // inside the data
        }

        var failing = Assert.Throws<IOException>(() =>
            WeightFiles.SaveParameters(new TinyNetwork(seed: 2), path, new SaveOptions(), stream => new FailingStream(stream, failAfter)));

        Assert.Equal("disk full (simulated)", failing.Message);
        Assert.Equal(previous, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
        var reloaded = new TinyNetwork(seed: 3);
        reloaded.LoadParameters(path);
        Assert.Equal(WeightFileBytes.Bits(new TinyNetwork(seed: 1).Parameters), WeightFileBytes.Bits(reloaded.Parameters));
    }

    [Fact]
    public void AFailedFirstSaveLeavesNoFile()
    {
        var path = Path.Combine(_folder, "new.safetensors");
        Assert.Throws<IOException>(() =>
            WeightFiles.SaveParameters(new TinyNetwork(), path, new SaveOptions(), stream => new FailingStream(stream, 10)));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    /// <summary>Passes writes through until <paramref name="failAfter"/> bytes, then throws as a full disk would.</summary>
    private sealed class FailingStream(Stream inner, int failAfter) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written;

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var allowed = (int)Math.Max(0, Math.Min(buffer.Length, failAfter - _written));
            inner.Write(buffer[..allowed]);
            _written += allowed;
            if (allowed < buffer.Length)
            {
                throw new IOException("disk full (simulated)");
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
