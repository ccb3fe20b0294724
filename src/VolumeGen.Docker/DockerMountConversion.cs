using System;
using System.Collections.Generic;
using Docker.DotNet.Models;
using DockerMount = Docker.DotNet.Models.Mount;
using Mount = VolumeGen.Mount;

namespace VolumeGen.Docker;

/// <summary>
/// <see cref="MountSet"/> to Docker Engine API mounts (<c>HostConfig.Mounts</c>): the typed equivalent of the
/// <c>--mount</c> arguments <see cref="RunArguments"/> writes, for programs that create containers through the API.
/// </summary>
public static class DockerMountConversion
{
    /// <summary>One Engine API mount per declared mount, in declaration order.</summary>
    /// <exception cref="ArgumentException">A bind mount with an SELinux label (use <see cref="ToHostConfig"/>).</exception>
    /// <param name="mounts">The declared mounts.</param>
    /// <param name="bindRoot">Root for relative bind sources; default: the current directory.</param>
    public static IList<DockerMount> ToDockerMounts(this MountSet mounts, string? bindRoot = null)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        var result = new List<DockerMount>(mounts.Count);
        foreach (Mount mount in mounts)
        {
            result.Add(mount.ToDockerMount(bindRoot));
        }

        return result;
    }

    /// <summary>
    /// A <see cref="HostConfig"/> carrying the mounts: <c>Mounts</c> for all of them except bind mounts with an
    /// SELinux label, which only the <c>-v</c> form (<c>HostConfig.Binds</c>) can express.
    /// </summary>
    /// <param name="mounts">The declared mounts.</param>
    /// <param name="bindRoot">Root for relative bind sources; default: the current directory.</param>
    public static HostConfig ToHostConfig(this MountSet mounts, string? bindRoot = null)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        var config = new HostConfig { Mounts = new List<DockerMount>(), Binds = new List<string>() };
        foreach (Mount mount in mounts)
        {
            if (mount.SelinuxLabel != SelinuxLabel.None)
            {
                // RunArguments writes "-v source:target:options" for labelled binds; its value is exactly a Binds entry.
                config.Binds.Add(RunArguments.Format(new[] { mount }, MountStyle.Volume, bindRoot)[1]);
            }
            else
            {
                config.Mounts.Add(mount.ToDockerMount(bindRoot));
            }
        }

        return config;
    }

    /// <summary>The Engine API mount for one declared mount.</summary>
    /// <exception cref="ArgumentException">A bind mount with an SELinux label (use <see cref="ToHostConfig"/>).</exception>
    /// <param name="mount">The declared mount.</param>
    /// <param name="bindRoot">Root for a relative bind source; default: the current directory.</param>
    public static DockerMount ToDockerMount(this Mount mount, string? bindRoot = null)
    {
        if (mount is null)
        {
            throw new ArgumentNullException(nameof(mount));
        }

        if (mount.SelinuxLabel != SelinuxLabel.None)
        {
            throw new ArgumentException(
                $"The bind mount at '{mount.Target}' asks for SELinux relabelling, which the Engine API's Mounts cannot express; use ToHostConfig (it puts such mounts into HostConfig.Binds).",
                nameof(mount));
        }

        var result = new DockerMount { Type = MountKindWords.ToType(mount.Kind), Target = mount.Target, ReadOnly = mount.ReadOnly };
        switch (mount.Kind)
        {
            case MountKind.NamedVolume:
                result.Source = mount.Source;
                result.VolumeOptions = new VolumeOptions
                {
                    NoCopy = mount.NoCopy,
                    // Used by the engine only when this mount creates the volume; EnsureVolumesAsync labels it the same way.
                    Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        [VolumeLabels.Managed] = "true",
                        [VolumeLabels.Target] = mount.Target,
                    },
                };
                break;
            case MountKind.AnonymousVolume:
                break;
            case MountKind.Bind:
                result.Source = RunArguments.ResolveBindSource(mount.Source ?? string.Empty, bindRoot);
                // Docker's own default, spelled out so the request says exactly what the container gets.
                result.BindOptions = new BindOptions { Propagation = "rprivate" };
                break;
            default:
                result.TmpfsOptions = new TmpfsOptions
                {
                    SizeBytes = mount.TmpfsSizeBytes ?? 0,
                    Mode = mount.TmpfsMode is int mode ? (uint)mode : 0,
                };
                break;
        }

        return result;
    }
}
