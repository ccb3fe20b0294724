using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace VolumeGen.Docker;

/// <summary>
/// A read-only pass-through that reports the bytes read so far (for progress on long copies). It answers a read of
/// zero bytes itself: the engine client's chunked response stream throws EndOfStreamException on one, and TarReader's
/// entry streams issue one when an entry's data is used up.
/// </summary>
internal sealed class CountingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly Action<long>? _read;
    private long _total;

    public CountingReadStream(Stream inner, Action<long>? read)
    {
        _inner = inner;
        _read = read;
    }

    public long Total => _total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => count == 0 ? 0 : Count(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => buffer.Length == 0 ? 0 : Count(_inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => buffer.Length == 0 ? 0 : Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        if (read > 0)
        {
            _total += read;
            _read?.Invoke(_total);
        }

        return read;
    }
}
