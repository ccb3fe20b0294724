using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using VolumeGen.Artifacts;

namespace VolumeGen.Docker;

/// <summary>
/// Backs named volumes up to a folder — one tar archive per volume (<c>&lt;volume&gt;.tar</c>, entries below
/// <c>&lt;volume&gt;/</c>, owners, modes and links kept) and <see cref="VolumeBackupManifest"/> — and restores them.
/// The engine reads and writes the volumes through its archive endpoints on a never-started helper container, so the
/// image needs no shell or tar. A volume a running container uses is refused: a copy could catch files half written.
/// </summary>
public static class VolumeBackup
{
    /// <summary>Backs up the named volumes <paramref name="mounts"/> declares, each with its declared target.</summary>
    public static Task<VolumeBackupManifest> BackupAsync(this IDockerClient client, MountSet mounts, string folder, VolumeTransferOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Mount mount in mounts.NamedVolumes)
        {
            if (!targets.ContainsKey(mount.Source!))
            {
                targets[mount.Source!] = mount.Target;
            }
        }

        return BackupAsync(client, targets.Keys.ToArray(), folder, targets, options, cancellationToken);
    }

    /// <summary>
    /// Backs up <paramref name="volumes"/> into <paramref name="folder"/> (created when missing; it must not hold a
    /// backup already). The manifest is written last, so a folder with one holds a finished backup.
    /// </summary>
    /// <param name="client">The engine.</param>
    /// <param name="volumes">The volume names.</param>
    /// <param name="folder">Where the archives and the manifest go.</param>
    /// <param name="targets">Each volume's container path, for the manifest; default: the volume's <see cref="VolumeLabels.Target"/> label.</param>
    /// <param name="options">Helper image and progress.</param>
    /// <param name="cancellationToken">Cancels; partial archives are removed.</param>
    /// <exception cref="VolumeTransferException">Refused or failed; <see cref="VolumeTransferException.Problem"/> says why.</exception>
    public static async Task<VolumeBackupManifest> BackupAsync(
        this IDockerClient client,
        IReadOnlyList<string> volumes,
        string folder,
        IReadOnlyDictionary<string, string>? targets = null,
        VolumeTransferOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (volumes is null || volumes.Count == 0)
        {
            throw new ArgumentException("Name at least one volume to back up.", nameof(volumes));
        }

        CheckNames(volumes, nameof(volumes));
        options ??= new VolumeTransferOptions();
        string[] names = volumes.Distinct(StringComparer.Ordinal).ToArray();
        string manifestPath = Path.Combine(folder, VolumeBackupManifest.FileName);
        if (File.Exists(manifestPath) || names.Any(n => File.Exists(Path.Combine(folder, n + ".tar"))))
        {
            throw new VolumeTransferException(VolumeTransferProblem.BackupExists, null,
                $"The folder '{folder}' already holds a backup ({VolumeBackupManifest.FileName} or a volume's .tar); a backup never overwrites another. Name a new folder, e.g. one per date.");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            VolumeResponse volume = await VolumeMigration.TryInspectAsync(client, name, cancellationToken).ConfigureAwait(false)
                ?? throw new VolumeTransferException(VolumeTransferProblem.VolumeNotFound, name,
                    $"There is no volume '{name}' on this Docker engine, so there is nothing to back up. Check the name (docker volume ls), that DOCKER_HOST names the engine that runs the app, or create it (volumegen ensure).");
            labels[name] = targets is not null && targets.TryGetValue(name, out string? declared) ? declared
                : volume.Labels is not null && volume.Labels.TryGetValue(VolumeLabels.Target, out string? label) ? label : string.Empty;
            await VolumeUsage.EnsureNotInUseAsync(client, name, "backing it up", cancellationToken).ConfigureAwait(false);
        }

        await HelperContainer.RemoveLeftoversAsync(client, names, options.Notice, cancellationToken).ConfigureAwait(false);
        string image = await HelperImages.ResolveAsync(client, options, names, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(folder);
        var backedUp = new List<BackedUpVolume>();
        var written = new List<string>();
        try
        {
            await using HelperContainer helper = await HelperContainer.CreateAsync(
                client, image, names.Select(static n => new HelperMount(n, n, ReadOnly: true)), cancellationToken).ConfigureAwait(false);
            foreach (string name in names)
            {
                string archive = Path.Combine(folder, name + ".tar");
                string partial = archive + ".partial";
                written.Add(partial);
                var progress = new ThrottledProgress(options.Progress, name, "backing up");
                long bytes = 0;
                using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
                {
                    string sha;
                    await using (FileStream file = new(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                    {
                        using Stream engine = await helper.OpenArchiveAsync(name, cancellationToken).ConfigureAwait(false);
                        byte[] buffer = new byte[81920];
                        int read;
                        while ((read = await engine.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                        {
                            hash.AppendData(buffer, 0, read);
                            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                            bytes += read;
                            progress.Report(bytes);
                        }

                        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                        file.Flush(flushToDisk: true);
                        sha = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
                    }

                    progress.Done(bytes);
                    VolumeContent content = await ReadArchiveAsync(partial, name, "the backup is incomplete and its files were removed.", cancellationToken).ConfigureAwait(false);
                    File.Move(partial, archive);
                    written[written.Count - 1] = archive;
                    backedUp.Add(new BackedUpVolume(name, labels[name], name + ".tar", bytes, sha, content.Files, content.Bytes, content.Sha256));
                }
            }

            // Last, and all or nothing (the write every VolumeGen output goes through): a folder with a manifest holds a finished backup.
            var manifest = new VolumeBackupManifest(DateTimeOffset.UtcNow, backedUp);
            ArtifactFile.WriteIfChanged(manifestPath, new UTF8Encoding(false).GetBytes(manifest.ToJson()));
            written.Clear();
            return manifest;
        }
        catch (Exception exception) when (DiskSpace.IsFull(exception))
        {
            throw new VolumeTransferException(VolumeTransferProblem.DiskFull, null,
                $"The disk of '{Path.GetFullPath(folder)}' is full: the backup is incomplete and its files were removed; the volumes are untouched. Free space or back up to another disk. ({exception.Message})", exception);
        }
        finally
        {
            // An unfinished backup leaves nothing that could pass for one.
            foreach (string path in written)
            {
                TryDelete(path);
            }
        }
    }

    /// <summary>
    /// Restores the volumes of the backup in <paramref name="folder"/> (or only <paramref name="volumes"/>). Every
    /// archive is checked against the manifest (size, SHA-256, content) and for what no volume's archive holds (an
    /// entry below a link or a file, a path twice, a name outside the volume) before anything is written; a missing
    /// volume is created (labelled as <c>ensure</c> does); a volume that holds data is refused unless
    /// <paramref name="force"/>, which replaces the files the backup has and keeps the others — and refuses, changing
    /// nothing, when a path the backup has is a folder in the volume and not in the backup, or the reverse (replacing it
    /// would remove data the backup does not have). Each volume is written through a helper that mounts it alone, then
    /// read back and compared with the backup.
    /// </summary>
    /// <exception cref="VolumeTransferException">Refused or failed; <see cref="VolumeTransferException.Problem"/> says why.</exception>
    public static async Task<IReadOnlyList<VolumeRestoreResult>> RestoreAsync(
        this IDockerClient client,
        string folder,
        IReadOnlyList<string>? volumes = null,
        bool force = false,
        VolumeTransferOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        options ??= new VolumeTransferOptions();
        VolumeBackupManifest manifest = ReadManifest(folder);
        BackedUpVolume[] selected;
        if (volumes is null || volumes.Count == 0)
        {
            selected = manifest.Volumes.ToArray();
        }
        else
        {
            CheckNames(volumes, nameof(volumes));
            selected = volumes.Distinct(StringComparer.Ordinal).Select(name => manifest.Volumes.FirstOrDefault(v => v.Volume == name)
                ?? throw new VolumeTransferException(VolumeTransferProblem.VolumeNotFound, name,
                    $"The backup in '{folder}' has no volume '{name}'; it holds {string.Join(", ", manifest.Volumes.Select(static v => "'" + v.Volume + "'"))}.")).ToArray();
        }

        if (selected.Length == 0)
        {
            return Array.Empty<VolumeRestoreResult>();
        }

        var contents = new Dictionary<string, VolumeContent>(StringComparer.Ordinal);
        foreach (BackedUpVolume volume in selected)
        {
            contents[volume.Volume] = await CheckArchiveAsync(folder, volume, options, cancellationToken).ConfigureAwait(false);
        }

        var existing = new Dictionary<string, VolumeResponse?>(StringComparer.Ordinal);
        foreach (BackedUpVolume volume in selected)
        {
            existing[volume.Volume] = await VolumeMigration.TryInspectAsync(client, volume.Volume, cancellationToken).ConfigureAwait(false);
            await VolumeUsage.EnsureNotInUseAsync(client, volume.Volume, "restoring into it", cancellationToken).ConfigureAwait(false);
        }

        await HelperContainer.RemoveLeftoversAsync(client, selected.Select(static v => v.Volume), options.Notice, cancellationToken).ConfigureAwait(false);
        string image = await HelperImages.ResolveAsync(client, options, selected.Select(static v => v.Volume), cancellationToken).ConfigureAwait(false);

        // Every refusal before anything is written: nothing changes unless every volume can be restored as promised.
        var before = new Dictionary<string, VolumeContent>(StringComparer.Ordinal);
        foreach (BackedUpVolume volume in selected.Where(v => existing[v.Volume] is not null))
        {
            VolumeContent now;
            await using (HelperContainer reader = await HelperContainer.CreateAsync(client, image, new[] { new HelperMount(volume.Volume, volume.Volume, ReadOnly: true) }, cancellationToken).ConfigureAwait(false))
            {
                now = await reader.ReadContentAsync(volume.Volume, null, cancellationToken).ConfigureAwait(false);
            }

            if (now.IsEmpty)
            {
                continue;
            }

            if (!force)
            {
                throw new VolumeTransferException(VolumeTransferProblem.VolumeNotEmpty, volume.Volume,
                    $"The volume '{volume.Volume}' already holds data ({now.Summary}); restore never overwrites it unless asked, so nothing was changed. Keep a copy first if you need it (volumegen backup --volume {volume.Volume} --output <new folder>), then restore with --force (API: force: true): files the backup has are replaced, other files stay. Or remove the volume (docker volume rm {volume.Volume}) and restore again.");
            }

            IReadOnlyList<string> conflicts = FolderConflicts(now, contents[volume.Volume]);
            if (conflicts.Count > 0)
            {
                throw new VolumeTransferException(VolumeTransferProblem.WouldRemoveData, volume.Volume,
                    $"Restoring '{volume.Volume}' with --force would remove data the backup does not have, so nothing was changed: {string.Join("; ", conflicts)}. --force replaces the files the backup has and keeps every other path; it never replaces a folder by a file or a file by a folder. Move {(conflicts.Count == 1 ? "that path" : "those paths")} aside in the volume (or keep a copy: volumegen backup --volume {volume.Volume} --output <new folder>) and restore again, or remove the volume (docker volume rm {volume.Volume}) and restore it whole.");
            }

            before[volume.Volume] = now;
        }

        foreach (BackedUpVolume volume in selected.Where(v => existing[v.Volume] is null))
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [VolumeLabels.Managed] = "true" };
            if (volume.Target.Length > 0)
            {
                labels[VolumeLabels.Target] = volume.Target;
            }

            await client.Volumes.CreateAsync(new VolumesCreateParameters { Name = volume.Volume, Driver = "local", Labels = labels }, cancellationToken).ConfigureAwait(false);
        }

        var results = new List<VolumeRestoreResult>();
        foreach (BackedUpVolume volume in selected)
        {
            // One helper per volume: whatever an archive holds, it can reach no other volume.
            await using HelperContainer helper = await HelperContainer.CreateAsync(
                client, image, new[] { new HelperMount(volume.Volume, volume.Volume, ReadOnly: false) }, cancellationToken).ConfigureAwait(false);
            var restoring = new ThrottledProgress(options.Progress, volume.Volume, "restoring");
            long done = 0;
            long entries = 0;
            try
            {
                await using FileStream archive = new(Path.Combine(folder, volume.Archive), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                await helper.UploadAsync(archive, volume.Volume, volume.Volume, options.UploadSegmentBytes, (bytes, count) => { done = bytes; entries = count; restoring.Report(bytes, count); }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (DiskSpace.IsFull(exception))
            {
                throw new VolumeTransferException(VolumeTransferProblem.DiskFull, volume.Volume,
                    $"The Docker engine's disk is full: the restore into '{volume.Volume}' stopped after {done:N0} bytes and is incomplete. Free space on the engine (docker system df), then remove the volume (docker volume rm {volume.Volume}) and restore again. The engine said: {VolumeMigration.EngineMessage(exception)}", exception);
            }

            restoring.Done(done, entries);
            var verifying = new ThrottledProgress(options.Progress, volume.Volume, "verifying");
            VolumeContent restored = await helper.ReadContentAsync(volume.Volume, bytes => verifying.Report(bytes), cancellationToken).ConfigureAwait(false);
            VolumeContent expected = contents[volume.Volume];
            bool overwrote = before.TryGetValue(volume.Volume, out VolumeContent? held);
            IReadOnlyList<string> differences = expected.Differences(restored, 5, extraAllowed: overwrote);
            if (differences.Count > 0)
            {
                throw new VolumeTransferException(VolumeTransferProblem.CopyDiffers, volume.Volume,
                    $"After the restore, '{volume.Volume}' differs from the backup ({restored.Summary} against {expected.Summary}): {string.Join("; ", differences)}. Do not start the app on it; remove it (docker volume rm {volume.Volume}) and restore again.");
            }

            var backupPaths = new HashSet<string>(expected.Entries.Select(static e => e.Path), StringComparer.Ordinal);
            int replaced = held?.Entries.Count(e => e.Type != VolumeEntryType.Directory && backupPaths.Contains(e.Path)) ?? 0;
            int kept = held?.Entries.Count(e => e.Path != "." && !backupPaths.Contains(e.Path)) ?? 0;
            results.Add(new VolumeRestoreResult(volume.Volume, existing[volume.Volume] is null, overwrote, expected, replaced, kept));
        }

        return results;
    }

    /// <summary>
    /// The paths the backup has that are a folder in the volume and not in the backup, or the reverse, each with what
    /// the volume holds there: restoring them would delete a folder's files, or a file, the backup does not have.
    /// </summary>
    private static IReadOnlyList<string> FolderConflicts(VolumeContent volume, VolumeContent backup)
    {
        var held = volume.Entries.ToDictionary(static e => e.Path, StringComparer.Ordinal);
        var conflicts = new List<string>();
        foreach (VolumeEntry entry in backup.Entries.Where(static e => e.Path != "."))
        {
            if (!held.TryGetValue(entry.Path, out VolumeEntry? now) || (now.Type == VolumeEntryType.Directory) == (entry.Type == VolumeEntryType.Directory))
            {
                continue;
            }

            if (now.Type == VolumeEntryType.Directory)
            {
                string prefix = entry.Path + "/";
                var inside = new VolumeContent(volume.Entries.Where(e => e.Path.StartsWith(prefix, StringComparison.Ordinal)));
                conflicts.Add($"'{entry.Path}' is a folder in the volume ({inside.Summary}) and a {Words(entry.Type)} in the backup");
            }
            else
            {
                conflicts.Add($"'{entry.Path}' is a {Words(now.Type)} in the volume and a folder in the backup");
            }
        }

        return conflicts;
    }

    private static string Words(VolumeEntryType type) => type switch
    {
        VolumeEntryType.File => "file",
        VolumeEntryType.SymbolicLink => "symbolic link",
        VolumeEntryType.Directory => "folder",
        _ => "special file",
    };

    /// <summary>Reads <c>volumegen-backup.json</c> in <paramref name="folder"/>.</summary>
    /// <exception cref="VolumeTransferException"><see cref="VolumeTransferProblem.BackupUnusable"/>: missing or damaged.</exception>
    public static VolumeBackupManifest ReadManifest(string folder)
    {
        string path = Path.Combine(folder, VolumeBackupManifest.FileName);
        if (!File.Exists(path))
        {
            throw new VolumeTransferException(VolumeTransferProblem.BackupUnusable, null,
                $"'{folder}' holds no VolumeGen backup: there is no {VolumeBackupManifest.FileName} (a backup writes it last, so a folder without it holds an unfinished one). Name the folder 'volumegen backup --output' wrote.");
        }

        try
        {
            return VolumeBackupManifest.Parse(File.ReadAllText(path));
        }
        catch (FormatException exception)
        {
            throw new VolumeTransferException(VolumeTransferProblem.BackupUnusable, null, $"'{path}' cannot be used: {exception.Message}", exception);
        }
    }

    private static async Task<VolumeContent> CheckArchiveAsync(string folder, BackedUpVolume volume, VolumeTransferOptions options, CancellationToken cancellationToken)
    {
        string path = Path.Combine(folder, volume.Archive);
        var file = new FileInfo(path);
        if (!file.Exists || file.Length != volume.ArchiveBytes)
        {
            throw new VolumeTransferException(VolumeTransferProblem.BackupUnusable, volume.Volume,
                $"The archive '{path}' is {(file.Exists ? $"{file.Length:N0} bytes, the manifest records {volume.ArchiveBytes:N0}" : "missing")}; nothing was restored. Use an intact copy of the backup folder.");
        }

        string sha;
        var checking = new ThrottledProgress(options.Progress, volume.Volume, "checking");
        await using (FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        {
            using var counted = new CountingReadStream(stream, bytes => checking.Report(bytes));
            sha = Convert.ToHexString(await SHA256.HashDataAsync(counted, cancellationToken).ConfigureAwait(false)).ToLowerInvariant();
        }

        if (sha != volume.ArchiveSha256)
        {
            throw new VolumeTransferException(VolumeTransferProblem.BackupUnusable, volume.Volume,
                $"The archive '{path}' has SHA-256 {sha}, the manifest records {volume.ArchiveSha256}: it was changed or damaged; nothing was restored. Use an intact copy of the backup folder.");
        }

        VolumeContent content = await ReadArchiveAsync(path, volume.Volume, "it is not an archive VolumeGen made of a volume, so nothing was restored. Use an intact copy of the backup folder.", cancellationToken).ConfigureAwait(false);
        if (content.Sha256 != volume.ContentSha256)
        {
            throw new VolumeTransferException(VolumeTransferProblem.BackupUnusable, volume.Volume,
                $"The archive '{path}' does not hold what the manifest records (content digest {content.Sha256}, recorded {volume.ContentSha256}); nothing was restored.");
        }

        return content;
    }

    private static async Task<VolumeContent> ReadArchiveAsync(string path, string root, string consequence, CancellationToken cancellationToken)
    {
        await using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        try
        {
            return await VolumeArchiveReader.ReadAsync(stream, root, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException)
        {
            throw new VolumeTransferException(VolumeTransferProblem.BackupUnusable, root, $"The archive '{path}' cannot be used: {exception.Message.TrimEnd('.')}; {consequence}", exception);
        }
    }

    private static void CheckNames(IEnumerable<string> names, string parameter)
    {
        foreach (string name in names)
        {
            if (!MountValidator.IsValidVolumeName(name))
            {
                throw new ArgumentException($"'{name}' is not a volume name (Docker requires ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$).", parameter);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
