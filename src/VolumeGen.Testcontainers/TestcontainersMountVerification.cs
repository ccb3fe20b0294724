using System;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using VolumeGen.Docker;

namespace VolumeGen.Testcontainers;

/// <summary>Checks a started Testcontainers container against the declared mounts.</summary>
public static class TestcontainersMountVerification
{
    /// <summary>
    /// Inspects <paramref name="container"/> and checks each declared mount: kind, volume name, bind source,
    /// read-only flag, tmpfs size and mode (<see cref="ContainerMountVerification"/>).
    /// </summary>
    /// <param name="container">A created (usually started) container.</param>
    /// <param name="mounts">The declared mounts.</param>
    /// <param name="bindRoot">Root for relative bind sources, as given to <c>WithVolumeGenMounts</c>; default: the current directory.</param>
    /// <param name="endpoint">The engine the container runs on; default: the one Testcontainers discovered.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task<ContainerMountReport> VerifyVolumeGenMountsAsync(
        this IContainer container,
        MountSet mounts,
        string? bindRoot = null,
        IDockerEndpointAuthenticationConfiguration? endpoint = null,
        CancellationToken cancellationToken = default)
    {
        if (container is null)
        {
            throw new ArgumentNullException(nameof(container));
        }

        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        using DockerClient client = TestcontainersDocker.CreateClient(endpoint);
        return await client.VerifyContainerMountsAsync(container.Id, mounts, bindRoot, cancellationToken).ConfigureAwait(false);
    }
}
