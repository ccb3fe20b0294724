using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace VolumeGen.Docker;

/// <summary>
/// A forward-only stream that states its length: an entry read from one archive can then be written into another
/// that is sent while it is written (TarWriter needs a data stream's size up front and refuses an unseekable data
/// stream into an unseekable archive). It claims CanSeek only to report Length and Position; it never seeks.
/// </summary>
internal sealed class KnownLengthReadStream : Stream
{
    private readonly Stream _inner;
    private readonly long _length;
    private long _position;

    public KnownLengthReadStream(Stream inner, long length)
    {
        _inner = inner;
        _length = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set
        {
            if (value != _position)
            {
                throw new NotSupportedException("This stream only reads forward.");
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Count(await _inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override long Seek(long offset, SeekOrigin origin)
    {
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        if (target != _position)
        {
            throw new NotSupportedException("This stream only reads forward.");
        }

        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _position += read;
        return read;
    }
}
