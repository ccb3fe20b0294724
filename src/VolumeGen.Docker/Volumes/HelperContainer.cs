using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace VolumeGen.Docker;

/// <summary>
/// A container that is created but never started: it only gives the engine's archive endpoints
/// (<c>GET/PUT /containers/{id}/archive</c>) a view of the volumes it mounts under <c>/volumegen/</c>. The engine
/// reads and writes the volumes itself, as root, so owners, groups, modes, links and bytes are kept and nothing of
/// the image runs: any image already on the engine will do, and none is ever pulled. A helper that writes mounts one
/// volume only, so nothing an archive holds can reach another. Removed (with the anonymous volumes its image's
/// <c>VOLUME</c> lines created) on dispose, on every exit path; one a killed run left is removed by the next run
/// (<see cref="RemoveLeftoversAsync"/>). Named volumes are never removed with a container.
/// </summary>
internal sealed class HelperContainer : IAsyncDisposable
{
    /// <summary>Where the volumes are mounted: <c>/volumegen/&lt;folder&gt;</c>.</summary>
    public const string Folder = "/volumegen";

    private readonly IDockerClient _client;

    private HelperContainer(IDockerClient client, string id)
    {
        _client = client;
        Id = id;
    }

    public string Id { get; }

    public static async Task<HelperContainer> CreateAsync(IDockerClient client, string image, IEnumerable<HelperMount> mounts, CancellationToken cancellationToken)
    {
        string name = "volumegen-helper-" + Guid.NewGuid().ToString("N").Substring(0, 12);
        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = image,
            // Never started: the entrypoint only has to be non-empty for the engine to accept the container.
            Entrypoint = new List<string> { "/volumegen-helper-is-never-started" },
            Cmd = new List<string>(),
            NetworkDisabled = true,
            Labels = new Dictionary<string, string> { [VolumeLabels.Helper] = "true", [VolumeLabels.HelperProcess] = HelperProcess.Current },
            HostConfig = new HostConfig
            {
                Mounts = mounts.Select(static m => new global::Docker.DotNet.Models.Mount
                {
                    Type = MountKindWords.Volume,
                    Source = m.Volume,
                    Target = Folder + "/" + m.Folder,
                    ReadOnly = m.ReadOnly,
                    // An empty volume mounted over image content would otherwise be filled with it.
                    VolumeOptions = new VolumeOptions { NoCopy = true },
                }).ToList(),
            },
        };
        try
        {
            var created = await client.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false);
            return new HelperContainer(client, created.ID);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted while the engine created it: the answer (its id) may be lost, so remove it by name.
            await new HelperContainer(client, name).DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Removes the helper containers that mount one of <paramref name="volumes"/> and were created by a process of this
    /// machine that is gone (a run killed before it could remove them): they hold no data, but keep
    /// <c>docker volume rm</c> from removing the volume. Says what it removed through <paramref name="notice"/>.
    /// </summary>
    public static async Task RemoveLeftoversAsync(IDockerClient client, IEnumerable<string> volumes, Action<string>? notice, CancellationToken cancellationToken)
    {
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        var processes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string volume in volumes.Distinct(StringComparer.Ordinal))
        {
            foreach (ContainerListResponse helper in await ListOnAsync(client, volume, cancellationToken).ConfigureAwait(false))
            {
                string? owner = helper.Labels is not null && helper.Labels.TryGetValue(VolumeLabels.HelperProcess, out string? label) ? label : null;
                if (!removed.Contains(helper.ID) && HelperProcess.IsGone(owner))
                {
                    await new HelperContainer(client, helper.ID).DisposeAsync().ConfigureAwait(false);
                    removed.Add(helper.ID);
                    processes.Add(owner!.Split('/')[1]);
                }
            }
        }

        if (removed.Count > 0)
        {
            notice?.Invoke($"removed {removed.Count} helper container{(removed.Count == 1 ? string.Empty : "s")} left by an interrupted volumegen run (process {string.Join(", ", processes)}, which no longer runs): {string.Join(" ", removed.Select(static id => id.Substring(0, Math.Min(12, id.Length))))}.");
        }
    }

    /// <summary>
    /// The command that removes <paramref name="volume"/>: <c>docker volume rm</c>, after <c>docker rm -v</c> of the helper
    /// containers (other than <paramref name="ours"/>, which are removed before the caller's message is read) still
    /// mounting it — a left-over VolumeGen could not prove dead, which would make <c>docker volume rm</c> fail.
    /// </summary>
    public static async Task<string> RemoveVolumeCommandAsync(IDockerClient client, string volume, IEnumerable<HelperContainer> ours, CancellationToken cancellationToken)
    {
        var own = new HashSet<string>(ours.Select(static h => h.Id), StringComparer.Ordinal);
        string[] others = (await ListOnAsync(client, volume, cancellationToken).ConfigureAwait(false))
            .Where(c => !own.Contains(c.ID))
            .Select(static c => c.ID.Substring(0, Math.Min(12, c.ID.Length)))
            .ToArray();
        return (others.Length == 0 ? string.Empty : $"docker rm -v {string.Join(" ", others)} && ") + "docker volume rm " + volume;
    }

    /// <summary>The helper containers (any process's) that mount <paramref name="volume"/>.</summary>
    public static async Task<IList<ContainerListResponse>> ListOnAsync(IDockerClient client, string volume, CancellationToken cancellationToken)
        => await client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["volume"] = new Dictionary<string, bool> { [volume] = true },
                    ["label"] = new Dictionary<string, bool> { [VolumeLabels.Helper + "=true"] = true },
                },
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>The engine's archive of the volume mounted at <paramref name="folder"/>: every entry below <c>&lt;folder&gt;/</c>.</summary>
    public async Task<Stream> OpenArchiveAsync(string folder, CancellationToken cancellationToken)
    {
        var response = await _client.Containers.GetArchiveFromContainerAsync(Id, new() { Path = Folder + "/" + folder }, false, cancellationToken).ConfigureAwait(false);
        Stream stream = response.Stream ?? throw new IOException($"The engine sent no archive of {Folder}/{folder}.");
        return new CountingReadStream(stream, null);
    }

    /// <summary>What the volume mounted at <paramref name="folder"/> holds, read back through the engine.</summary>
    public async Task<VolumeContent> ReadContentAsync(string folder, Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        using var counted = new CountingReadStream(await OpenArchiveAsync(folder, cancellationToken).ConfigureAwait(false), bytesRead);
        return await VolumeArchiveReader.ReadAsync(counted, folder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the entries of <paramref name="archive"/> (below <c>&lt;fromRoot&gt;/</c>) into the volume mounted at
    /// <paramref name="toFolder"/>, in uploads of about <paramref name="segmentBytes"/> each: one request per volume
    /// would be cut off by the client's request timeout (Docker.DotNet's default is 100 s). A file is never split.
    /// Folders are sent once more at the end, so their modes, owners and times are those of the archive even after
    /// later uploads wrote into them. The archive is the engine's own of a volume (migrate) or one
    /// <see cref="VolumeArchiveReader"/> checked (restore): every entry's folder is a folder entry before it, so
    /// nothing is written through a link. The engine is asked never to replace a folder by a non-folder or the reverse
    /// (which would delete what the folder holds), and the archive is unpacked at <c>/</c>, so the engine's own check of
    /// link targets (lexical, from where it unpacks) refuses no link a volume may hold, e.g. <c>../../etc/hosts</c>.
    /// </summary>
    public async Task UploadAsync(Stream archive, string fromRoot, string toFolder, long segmentBytes, Action<long, long>? progress, CancellationToken cancellationToken)
    {
        string into = Folder.TrimStart('/') + "/" + toFolder;
        using var reader = new TarReader(archive, leaveOpen: true);
        var folders = new List<TarEntry>();
        UploadSegment? segment = null;
        long bytes = 0;
        long entries = 0;
        try
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is TarEntry entry)
            {
                string relative = VolumeArchiveReader.RelativePath(entry.Name, fromRoot);
                bool folder = entry.EntryType == TarEntryType.Directory;
                entry.Name = relative == "." ? into + "/" : into + "/" + relative + (folder ? "/" : string.Empty);
                if (entry.EntryType == TarEntryType.HardLink)
                {
                    entry.LinkName = into + "/" + VolumeArchiveReader.RelativePath(entry.LinkName, fromRoot);
                }

                if (segment is not null && segment.Bytes >= segmentBytes)
                {
                    await segment.CompleteAsync().ConfigureAwait(false);
                    segment = null;
                }

                segment ??= UploadSegment.Start(_client, Id, "/", cancellationToken);
                await segment.WriteAsync(entry.DataStream is null ? entry : WithKnownLength(entry), cancellationToken).ConfigureAwait(false);
                if (folder)
                {
                    folders.Add(entry);
                }

                bytes += entry.Length;
                entries++;
                progress?.Invoke(bytes, entries);
            }

            if (segment is not null)
            {
                await segment.CompleteAsync().ConfigureAwait(false);
                segment = null;
            }

            if (folders.Count > 0)
            {
                segment = UploadSegment.Start(_client, Id, "/", cancellationToken);
                foreach (TarEntry folder in folders)
                {
                    await segment.WriteAsync(folder, cancellationToken).ConfigureAwait(false);
                }

                await segment.CompleteAsync().ConfigureAwait(false);
                segment = null;
            }
        }
        finally
        {
            if (segment is not null)
            {
                await segment.AbortAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A copy of a file entry whose data is read on while it is written: TarWriter needs a data stream's size up front
    /// to send it into an unseekable archive. (Setting the entry's own DataStream would make its reader skip the data.)
    /// </summary>
    private static PaxTarEntry WithKnownLength(TarEntry entry)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (entry is PaxTarEntry pax)
        {
            foreach (KeyValuePair<string, string> attribute in pax.ExtendedAttributes)
            {
                // Kept: anything but what the header fields below carry (e.g. SCHILY.xattr.* extended attributes).
                if (attribute.Key is not ("path" or "linkpath" or "size" or "mtime" or "atime" or "ctime" or "uid" or "gid" or "uname" or "gname"))
                {
                    attributes[attribute.Key] = attribute.Value;
                }
            }
        }

        TarEntryType type = entry.EntryType is TarEntryType.V7RegularFile or TarEntryType.ContiguousFile ? TarEntryType.RegularFile : entry.EntryType;
        var copy = new PaxTarEntry(type, entry.Name, attributes)
        {
            Mode = entry.Mode,
            Uid = entry.Uid,
            Gid = entry.Gid,
            ModificationTime = entry.ModificationTime,
            DataStream = new KnownLengthReadStream(entry.DataStream!, entry.Length),
        };
        if (entry is PosixTarEntry posix)
        {
            copy.UserName = posix.UserName;
            copy.GroupName = posix.GroupName;
        }

        return copy;
    }

    /// <summary>Removes the helper, whatever ended its use (an interruption included: this never takes the caller's cancellation).</summary>
    public async ValueTask DisposeAsync()
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await _client.Containers.RemoveContainerAsync(Id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return;
            }
            catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 10)
            {
                // The engine may still be finishing an archive request an interruption cut off.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is DockerApiException || DockerEndpoint.IsUnreachable(exception))
            {
                // Best effort: a helper left behind is labelled with its process, so the next run removes it.
                return;
            }
        }
    }
}
