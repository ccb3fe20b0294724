using System;
using System.Threading.Channels;

namespace VolumeGen.Docker;

/// <summary>
/// An in-process pipe: what <see cref="Writer"/> gets, <see cref="Reader"/> returns, at most a few chunks buffered,
/// so an upload's body is written while it is sent. (An OS anonymous pipe cannot be used in one process: the server
/// stream owns the client's handle and closes it on dispose, and on Unix its reads are socket operations a closing
/// write end cancels.)
/// </summary>
internal sealed class ChunkPipe
{
    public ChunkPipe(int capacity = 16)
    {
        var channel = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        Writer = new ChunkPipeWriteStream(channel.Writer);
        Reader = new ChunkPipeReadStream(channel.Reader);
    }

    /// <summary>The end the archive is written to; dispose it to end the stream.</summary>
    public ChunkPipeWriteStream Writer { get; }

    /// <summary>The end the request reads.</summary>
    public ChunkPipeReadStream Reader { get; }
}
