using System;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace VolumeGen.Docker;

/// <summary>The writing end of a <see cref="ChunkPipe"/>: each write is copied into one chunk; dispose completes the pipe.</summary>
internal sealed class ChunkPipeWriteStream : Stream
{
    private readonly ChannelWriter<ReadOnlyMemory<byte>> _channel;

    public ChunkPipeWriteStream(ChannelWriter<ReadOnlyMemory<byte>> channel) => _channel = channel;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(ReadOnlySpan<byte> buffer) => WriteAsync(buffer.ToArray()).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        try
        {
            await _channel.WriteAsync(buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException exception)
        {
            throw new IOException("The reading end of the upload stopped.", exception);
        }
    }

    /// <summary>Ends the stream early: the reader fails with <paramref name="reason"/>.</summary>
    public void Fail(Exception reason) => _channel.TryComplete(reason);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _channel.TryComplete();
        base.Dispose(disposing);
    }
}
