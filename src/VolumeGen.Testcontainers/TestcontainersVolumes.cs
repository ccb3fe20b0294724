using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using VolumeGen.Docker;

namespace VolumeGen.Testcontainers;

/// <summary>
/// The named volumes of a test: names of their own, so a test never touches the volume a developer's real container
/// uses, and their removal when the test is done. Testcontainers removes a container with its anonymous volumes;
/// a named volume outlives every container, and its resource reaper (Ryuk) does not know it.
/// </summary>
public static class TestcontainersVolumes
{
    /// <summary>
    /// The same mounts with every named volume renamed <c>{name}-{suffix}</c> (e.g. a per-run id); nothing else changes.
    /// </summary>
    /// <exception cref="ArgumentException">A renamed volume is not a valid volume name; the message names it.</exception>
    public static MountSet WithVolumeNameSuffix(this MountSet mounts, string suffix)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        if (string.IsNullOrEmpty(suffix))
        {
            throw new ArgumentException("Give a suffix, e.g. a short id of the test run.", nameof(suffix));
        }

        var renamed = new MountSet(mounts.Select(m => m.Kind == MountKind.NamedVolume
            ? Mount.NamedVolume(m.Target, m.Source + "-" + suffix, m.ReadOnly, m.NoCopy)
            : m));
        MountProblem? problem = renamed.Validate().FirstOrDefault(static p => p.Code == MountProblemCode.InvalidVolumeName);
        if (problem is not null)
        {
            throw new ArgumentException($"The suffix '{suffix}' makes an invalid volume name: {problem.Message}", nameof(suffix));
        }

        return renamed;
    }

    /// <summary>
    /// Creates the declared named volumes that do not exist yet, labelled as <c>volumegen ensure</c> labels them
    /// (<c>VolumeProvisioning.EnsureVolumesAsync</c>). Optional: a container started with
    /// <c>WithVolumeGenMounts</c> has the engine create them with the same labels.
    /// </summary>
    public static async Task<IReadOnlyList<EnsuredVolume>> EnsureVolumeGenVolumesAsync(
        this MountSet mounts,
        IDockerEndpointAuthenticationConfiguration? endpoint = null,
        CancellationToken cancellationToken = default)
    {
        using DockerClient client = TestcontainersDocker.CreateClient(endpoint);
        return await client.EnsureVolumesAsync(mounts, extraLabels: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the declared named volumes VolumeGen created (labelled <c>dev.volumegen.managed=true</c>) — call it when
    /// the test is done with them, after disposing the containers that use them. A volume without the label is
    /// never removed. Returns the names removed (<see cref="VolumeProvisioning.RemoveVolumesAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<string>> RemoveVolumeGenVolumesAsync(
        this MountSet mounts,
        IDockerEndpointAuthenticationConfiguration? endpoint = null,
        CancellationToken cancellationToken = default)
    {
        using DockerClient client = TestcontainersDocker.CreateClient(endpoint);
        return await client.RemoveVolumesAsync(mounts, cancellationToken).ConfigureAwait(false);
    }
}
