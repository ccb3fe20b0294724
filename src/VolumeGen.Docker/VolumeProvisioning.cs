using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using Mount = VolumeGen.Mount;

namespace VolumeGen.Docker;

/// <summary>Creates (and, for tests, removes) the named volumes a <see cref="MountSet"/> declares.</summary>
public static class VolumeProvisioning
{
    /// <summary>
    /// Creates every declared named volume that does not exist yet, labelled <see cref="VolumeLabels.Managed"/>.
    /// Idempotent; an existing volume is never removed, recreated or changed, whoever made it.
    /// </summary>
    /// <returns>One entry per distinct volume name, in declaration order.</returns>
    public static Task<IReadOnlyList<EnsuredVolume>> EnsureVolumesAsync(
        this IDockerClient client,
        MountSet mounts,
        IReadOnlyDictionary<string, string>? extraLabels = null,
        CancellationToken cancellationToken = default)
        => EnsureVolumesAsync(client, mounts, static _ => { }, extraLabels, cancellationToken);

    /// <summary>
    /// Like <see cref="EnsureVolumesAsync(IDockerClient, MountSet, IReadOnlyDictionary{string, string}?, CancellationToken)"/>,
    /// calling <paramref name="ensured"/> as soon as each volume is found or created — so when the engine refuses a later
    /// volume, the caller can still say which volumes this call created before the failure.
    /// </summary>
    /// <returns>One entry per distinct volume name, in declaration order.</returns>
    public static async Task<IReadOnlyList<EnsuredVolume>> EnsureVolumesAsync(
        this IDockerClient client,
        MountSet mounts,
        Action<EnsuredVolume> ensured,
        IReadOnlyDictionary<string, string>? extraLabels = null,
        CancellationToken cancellationToken = default)
    {
        if (ensured is null)
        {
            throw new ArgumentNullException(nameof(ensured));
        }

        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        var results = new List<EnsuredVolume>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Mount mount in mounts.NamedVolumes)
        {
            string name = mount.Source!;
            if (!seen.Add(name))
            {
                continue;
            }

            VolumeResponse? existing = await TryInspectAsync(client, name, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                results.Add(new EnsuredVolume(name, mount.Target, created: false, IsManaged(existing)));
                ensured(results[results.Count - 1]);
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (extraLabels is not null)
            {
                foreach (KeyValuePair<string, string> label in extraLabels)
                {
                    labels[label.Key] = label.Value;
                }
            }

            labels[VolumeLabels.Managed] = "true";
            labels[VolumeLabels.Target] = mount.Target;

            // The engine's create returns the existing volume unchanged if another client created it meanwhile.
            VolumeResponse created = await client.Volumes.CreateAsync(
                new VolumesCreateParameters { Name = name, Driver = "local", Labels = labels },
                cancellationToken).ConfigureAwait(false);
            results.Add(new EnsuredVolume(name, mount.Target, created: true, IsManaged(created)));
            ensured(results[results.Count - 1]);
        }

        return results;
    }

    /// <summary>
    /// Removes the declared named volumes VolumeGen created (labelled <see cref="VolumeLabels.Managed"/>), e.g. when a
    /// test is done with them. A volume without the label is never removed, whoever made it; an absent one is skipped.
    /// </summary>
    /// <returns>The names of the volumes removed, in declaration order.</returns>
    /// <exception cref="DockerApiException">The engine refused, e.g. 409 when a container still uses the volume.</exception>
    public static async Task<IReadOnlyList<string>> RemoveVolumesAsync(
        this IDockerClient client,
        MountSet mounts,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        var removed = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Mount mount in mounts.NamedVolumes)
        {
            string name = mount.Source!;
            if (!seen.Add(name) || await TryInspectAsync(client, name, cancellationToken).ConfigureAwait(false) is not { } volume || !IsManaged(volume))
            {
                continue;
            }

            try
            {
                await client.Volumes.RemoveAsync(name, force: false, cancellationToken).ConfigureAwait(false);
                removed.Add(name);
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                // Removed by someone else meanwhile: the outcome asked for.
            }
        }

        return removed;
    }

    private static async Task<VolumeResponse?> TryInspectAsync(IDockerClient client, string name, CancellationToken cancellationToken)
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

    private static bool IsManaged(VolumeResponse volume)
        => volume.Labels is not null && volume.Labels.TryGetValue(VolumeLabels.Managed, out string? value) && value == "true";

}
