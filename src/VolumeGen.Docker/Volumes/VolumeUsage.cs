using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace VolumeGen.Docker;

/// <summary>Which containers use a volume (VolumeGen's own helper containers left out).</summary>
public static class VolumeUsage
{
    /// <summary>Every container, running or not, that mounts <paramref name="volume"/>; newest first.</summary>
    public static async Task<IReadOnlyList<VolumeUser>> FindVolumeUsersAsync(this IDockerClient client, string volume, CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        var containers = await client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["volume"] = new Dictionary<string, bool> { [volume] = true } },
            },
            cancellationToken).ConfigureAwait(false);
        return containers
            .Where(static c => c.Labels is null || !c.Labels.ContainsKey(VolumeLabels.Helper))
            .OrderByDescending(static c => c.Created)
            .Select(static c => new VolumeUser(c.ID, c.Names?.FirstOrDefault()?.TrimStart('/') ?? c.ID, c.Image ?? string.Empty, c.ImageID ?? string.Empty, c.State ?? string.Empty))
            .ToArray();
    }

    /// <summary>Refuses (<see cref="VolumeTransferProblem.VolumeInUse"/>) when a running, paused or restarting container uses <paramref name="volume"/>.</summary>
    internal static async Task EnsureNotInUseAsync(IDockerClient client, string volume, string what, CancellationToken cancellationToken)
    {
        VolumeUser[] active = (await client.FindVolumeUsersAsync(volume, cancellationToken).ConfigureAwait(false)).Where(static u => u.IsActive).ToArray();
        if (active.Length > 0)
        {
            string names = string.Join(", ", active.Select(static u => $"{u.Name} ({u.State}, {u.Image})"));
            throw new VolumeTransferException(VolumeTransferProblem.VolumeInUse, volume,
                $"The volume '{volume}' is in use by {names}: {what} while the app writes could catch files half written. Stop the container{(active.Length == 1 ? string.Empty : "s")} first (docker stop {string.Join(" ", active.Select(static u => u.Name))}), then run the command again; nothing was changed.");
        }
    }
}
