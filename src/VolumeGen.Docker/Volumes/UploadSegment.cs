using System;
using System.Formats.Tar;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace VolumeGen.Docker;

/// <summary>
/// One <c>PUT /containers/{id}/archive</c> whose body is written while it is sent: a tar writer feeds one end of an
/// in-process pipe and the request reads the other, so no volume is ever held in memory or spooled to disk.
/// </summary>
internal sealed class UploadSegment
{
    private readonly ChunkPipe _pipe;
    private readonly TarWriter _writer;
    private readonly Task _request;

    private UploadSegment(ChunkPipe pipe, Task request)
    {
        _pipe = pipe;
        _request = request;
        _writer = new TarWriter(pipe.Writer, TarEntryFormat.Pax, leaveOpen: true);
    }

    /// <summary>Archive bytes written so far (headers and data).</summary>
    public long Bytes { get; private set; }

    public static UploadSegment Start(IDockerClient client, string container, string path, CancellationToken cancellationToken)
    {
        var pipe = new ChunkPipe();
        // AllowOverwriteDirWithFile is Docker.DotNet's name for the API's noOverwriteDirNonDir: true makes the engine refuse
        // to replace a folder by a non-folder or the reverse instead of deleting what the folder holds.
        Task request = Task.Run(() => client.Containers.ExtractArchiveToContainerAsync(container, new() { Path = path, AllowOverwriteDirWithFile = true }, pipe.Reader, cancellationToken), cancellationToken);
        return new UploadSegment(pipe, request);
    }

    public async Task WriteAsync(TarEntry entry, CancellationToken cancellationToken)
    {
        // The engine may answer (refuse) before it read the whole body: then its answer says why, not a stalled write.
        Task written = _writer.WriteEntryAsync(entry, cancellationToken);
        if (await Task.WhenAny(written, _request).ConfigureAwait(false) == _request && !written.IsCompleted)
        {
            await _request.ConfigureAwait(false);
            throw new IOException("The Docker engine ended the upload before it read the archive.");
        }

        await written.ConfigureAwait(false);
        Bytes += 512 + ((entry.Length + 511) / 512 * 512);
    }

    /// <summary>Ends the archive, ends the pipe and waits for the engine's answer.</summary>
    public async Task CompleteAsync()
    {
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _pipe.Writer.Dispose();
        }

        await _request.ConfigureAwait(false);
    }

    /// <summary>After a failure: ends the pipe with an error and observes the request, whatever it did.</summary>
    public async Task AbortAsync()
    {
        _pipe.Writer.Fail(new OperationCanceledException("The upload was abandoned."));
        try
        {
            await _request.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DockerApiException or IOException or OperationCanceledException or ObjectDisposedException || DockerEndpoint.IsUnreachable(exception))
        {
            // The failure that led here is the one to report.
        }
    }
}
