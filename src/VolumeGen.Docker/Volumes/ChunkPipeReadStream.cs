using System;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace VolumeGen.Docker;

/// <summary>The reading end of a <see cref="ChunkPipe"/>: returns the chunks in order, 0 once the writer is disposed.</summary>
internal sealed class ChunkPipeReadStream : Stream
{
    private readonly ChannelReader<ReadOnlyMemory<byte>> _channel;
    private ReadOnlyMemory<byte> _current;

    public ChunkPipeReadStream(ChannelReader<ReadOnlyMemory<byte>> channel) => _channel = channel;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_current.IsEmpty)
        {
            if (!await _channel.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            _channel.TryRead(out _current);
        }

        int count = Math.Min(buffer.Length, _current.Length);
        _current.Slice(0, count).CopyTo(buffer);
        _current = _current.Slice(count);
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
