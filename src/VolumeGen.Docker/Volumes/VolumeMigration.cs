using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace VolumeGen.Docker;

/// <summary>
/// Copies a renamed named volume's data into the volume of its new name (docs/migrations.md): the old volume is only
/// read (mounted read-only), the copy keeps owners, groups, modes, links and bytes, and is read back and compared
/// file by file before the call returns. Idempotent: a new volume that already holds exactly the old one's data is
/// left as it is.
/// </summary>
public static class VolumeMigration
{
    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/> (created when missing; else it must be empty).</summary>
    /// <param name="client">The engine.</param>
    /// <param name="from">The old volume name.</param>
    /// <param name="to">The new volume name.</param>
    /// <param name="target">The container path both are declared for, recorded as the new volume's <see cref="VolumeLabels.Target"/> label; default: the old volume's label.</param>
    /// <param name="options">Helper image, progress, upload size.</param>
    /// <param name="cancellationToken">Cancels the copy (the new volume then holds a partial copy; the old one is untouched).</param>
    /// <exception cref="VolumeTransferException">Refused or failed; <see cref="VolumeTransferException.Problem"/> says why, the message what to do.</exception>
    public static async Task<VolumeMigrationResult> MigrateVolumeAsync(
        this IDockerClient client,
        string from,
        string to,
        string? target = null,
        VolumeTransferOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        CheckNames(from, to);
        options ??= new VolumeTransferOptions();
        VolumeResponse source = await TryInspectAsync(client, from, cancellationToken).ConfigureAwait(false)
            ?? throw new VolumeTransferException(VolumeTransferProblem.VolumeNotFound, from,
                $"There is no volume '{from}' on this Docker engine, so there is nothing to copy into '{to}'. Check the name (docker volume ls) and that DOCKER_HOST names the engine that runs the app.");
        await VolumeUsage.EnsureNotInUseAsync(client, from, "copying it", cancellationToken).ConfigureAwait(false);
        await VolumeUsage.EnsureNotInUseAsync(client, to, "writing into it", cancellationToken).ConfigureAwait(false);
        VolumeResponse? existing = await TryInspectAsync(client, to, cancellationToken).ConfigureAwait(false);
        await HelperContainer.RemoveLeftoversAsync(client, new[] { from, to }, options.Notice, cancellationToken).ConfigureAwait(false);
        string image = await HelperImages.ResolveAsync(client, options, new[] { from, to }, cancellationToken).ConfigureAwait(false);

        target ??= source.Labels is not null && source.Labels.TryGetValue(VolumeLabels.Target, out string? label) ? label : null;
        if (existing is null)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [VolumeLabels.Managed] = "true", [VolumeLabels.MigratedFrom] = from };
            if (!string.IsNullOrEmpty(target))
            {
                labels[VolumeLabels.Target] = target!;
            }

            await client.Volumes.CreateAsync(new VolumesCreateParameters { Name = to, Driver = "local", Labels = labels }, cancellationToken).ConfigureAwait(false);
        }

        // Two helpers: the engine keeps a container locked while it streams an archive out of it, so a copy read
        // from one container must be written through another.
        await using HelperContainer reader = await HelperContainer.CreateAsync(
            client, image, new[] { new HelperMount(from, "from", ReadOnly: true) }, cancellationToken).ConfigureAwait(false);
        await using HelperContainer writer = await HelperContainer.CreateAsync(
            client, image, new[] { new HelperMount(to, "to", ReadOnly: false) }, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            VolumeContent already = await writer.ReadContentAsync("to", null, cancellationToken).ConfigureAwait(false);
            if (!already.IsEmpty)
            {
                VolumeContent old = await reader.ReadContentAsync("from", null, cancellationToken).ConfigureAwait(false);
                if (old.Equals(already))
                {
                    return new VolumeMigrationResult(from, to, VolumeMigrationOutcome.AlreadyCopied, CreatedVolume: false, old);
                }

                bool interrupted = existing.Labels is not null && existing.Labels.TryGetValue(VolumeLabels.MigratedFrom, out string? origin) && origin == from;
                string remove = await HelperContainer.RemoveVolumeCommandAsync(client, to, new[] { reader, writer }, cancellationToken).ConfigureAwait(false);
                throw new VolumeTransferException(VolumeTransferProblem.VolumeNotEmpty, to,
                    $"The volume '{to}' already holds data ({already.Summary}) that differs from '{from}' ({old.Summary}); migrate copies only into a new or empty volume, so nothing was changed. "
                    + (interrupted
                        ? $"'{to}' was created by an earlier migrate from '{from}' that did not finish: remove it ({remove}) and run migrate again."
                        : $"If the app already started on '{to}', keep what it wrote there if you need it (volumegen backup --volume {to}), remove it ({remove}), and run migrate again."));
            }
        }

        var copying = new ThrottledProgress(options.Progress, from, "copying");
        long copied = 0;
        long entries = 0;
        try
        {
            using Stream archive = await reader.OpenArchiveAsync("from", cancellationToken).ConfigureAwait(false);
            await writer.UploadAsync(archive, "from", "to", options.UploadSegmentBytes, (bytes, count) => { copied = bytes; entries = count; copying.Report(bytes, count); }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (DiskSpace.IsFull(exception))
        {
            throw new VolumeTransferException(VolumeTransferProblem.DiskFull, to,
                $"The Docker engine's disk is full: the copy into '{to}' stopped after {copied:N0} bytes and is incomplete; '{from}' is untouched. Free space on the engine (docker system df), remove the partial copy (docker volume rm {to}) and run migrate again. The engine said: {EngineMessage(exception)}", exception);
        }

        copying.Done(copied, entries);
        var verifying = new ThrottledProgress(options.Progress, to, "verifying");
        VolumeContent original = await reader.ReadContentAsync("from", bytes => verifying.Report(bytes), cancellationToken).ConfigureAwait(false);
        VolumeContent copy = await writer.ReadContentAsync("to", bytes => verifying.Report(bytes), cancellationToken).ConfigureAwait(false);
        if (!original.Equals(copy))
        {
            throw new VolumeTransferException(VolumeTransferProblem.CopyDiffers, to,
                $"The copy in '{to}' differs from '{from}' ({copy.Summary} against {original.Summary}): {string.Join("; ", original.Differences(copy, 5))}. Both volumes were left as they are; do not start the app on '{to}'. Was a container writing to '{from}' meanwhile?");
        }

        return new VolumeMigrationResult(from, to, VolumeMigrationOutcome.Copied, CreatedVolume: existing is null, copy);
    }

    /// <summary>What <see cref="MigrateVolumeAsync"/> would do with the same arguments; changes nothing.</summary>
    public static async Task<VolumeMigrationPlan> PlanMigrationAsync(
        this IDockerClient client,
        string from,
        string to,
        string? target = null,
        VolumeTransferOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        CheckNames(from, to);
        options ??= new VolumeTransferOptions();
        VolumeResponse? source = await TryInspectAsync(client, from, cancellationToken).ConfigureAwait(false);
        VolumeResponse? existing = await TryInspectAsync(client, to, cancellationToken).ConfigureAwait(false);
        var users = new List<VolumeUser>();
        users.AddRange(await client.FindVolumeUsersAsync(from, cancellationToken).ConfigureAwait(false));
        users.AddRange(await client.FindVolumeUsersAsync(to, cancellationToken).ConfigureAwait(false));
        target ??= source?.Labels is not null && source.Labels.TryGetValue(VolumeLabels.Target, out string? label) ? label : null;
        try
        {
            string image = await HelperImages.ResolveAsync(client, options, new[] { from, to }, cancellationToken).ConfigureAwait(false);
            return new VolumeMigrationPlan(from, to, target, source is not null, existing is not null, users, image, null);
        }
        catch (VolumeTransferException exception) when (exception.Problem == VolumeTransferProblem.NoHelperImage)
        {
            return new VolumeMigrationPlan(from, to, target, source is not null, existing is not null, users, null, exception.Message);
        }
    }

    private static void CheckNames(string from, string to)
    {
        foreach ((string name, string parameter) in new[] { (from, nameof(from)), (to, nameof(to)) })
        {
            if (!MountValidator.IsValidVolumeName(name))
            {
                throw new ArgumentException($"'{name}' is not a volume name (Docker requires ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$).", parameter);
            }
        }

        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The old and the new volume are both '{from}'; there is nothing to migrate.", nameof(to));
        }
    }

    internal static async Task<VolumeResponse?> TryInspectAsync(IDockerClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.Volumes.InspectAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    internal static string EngineMessage(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DockerApiException api)
            {
                return (api.ResponseBody ?? api.Message).Trim();
            }
        }

        return exception.Message;
    }
}
