using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using DockerMount = Docker.DotNet.Models.Mount;
using Mount = VolumeGen.Mount;

namespace VolumeGen.Docker;

/// <summary>
/// Compares a live container's mounts (<c>docker inspect</c>) with the declaration: for each declared path, is the
/// declared kind of mount there, with the declared volume name, bind source and read-only flag.
/// </summary>
public static class ContainerMountVerification
{
    /// <summary>Inspects <paramref name="container"/> (id or name) and checks every declared mount.</summary>
    /// <param name="client">The engine client.</param>
    /// <param name="container">Container id or name.</param>
    /// <param name="mounts">The declared mounts.</param>
    /// <param name="bindRoot">Root for relative bind sources; default: the current directory.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="DockerContainerNotFoundException">No such container.</exception>
    public static async Task<ContainerMountReport> VerifyContainerMountsAsync(
        this IDockerClient client,
        string container,
        MountSet mounts,
        string? bindRoot = null,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        if (string.IsNullOrWhiteSpace(container))
        {
            throw new ArgumentException("Name the container (id or name).", nameof(container));
        }

        ContainerInspectResponse inspected = await client.Containers.InspectContainerAsync(container, cancellationToken).ConfigureAwait(false);
        return Compare(mounts, inspected, bindRoot);
    }

    /// <summary>Checks the declared mounts against an inspected container (no engine call).</summary>
    public static ContainerMountReport Compare(MountSet mounts, ContainerInspectResponse container, string? bindRoot = null)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        if (container is null)
        {
            throw new ArgumentNullException(nameof(container));
        }

        IList<MountPoint> actual = container.Mounts ?? new List<MountPoint>();
        HostConfig? hostConfig = container.HostConfig;
        var checks = new List<ContainerMountCheck>(mounts.Count);
        foreach (Mount mount in mounts)
        {
            MountPoint? point = actual.FirstOrDefault(p => p.Destination is not null && ContainerPath.Normalize(p.Destination) == mount.Target);
            checks.Add(Check(mount, point, hostConfig, bindRoot));
        }

        string name = (container.Name ?? container.ID ?? string.Empty).TrimStart('/');
        return new ContainerMountReport(name, checks);
    }

    private static ContainerMountCheck Check(Mount mount, MountPoint? point, HostConfig? hostConfig, string? bindRoot)
    {
        var findings = new List<ContainerMountFinding>();
        var details = new List<string>();
        string expectedArgument = ShellQuoting.Join(RunArguments.Format(new[] { mount }, MountStyle.Mount, bindRoot));

        if (point is null)
        {
            // `--tmpfs /path` shows up in HostConfig.Tmpfs, not in Mounts.
            if (mount.Kind == MountKind.Tmpfs && hostConfig?.Tmpfs is { } tmpfsFlags && tmpfsFlags.Keys.Any(k => ContainerPath.Normalize(k) == mount.Target))
            {
                CheckTmpfsOptions(mount, hostConfig, expectedArgument, findings, details);
                return new ContainerMountCheck(mount, "tmpfs (--tmpfs)", findings, details);
            }

            findings.Add(ContainerMountFinding.Missing);
            details.Add(mount.Kind switch
            {
                MountKind.Tmpfs => $"nothing is mounted at {mount.Target}: writes go to the container layer instead of memory; start the container with {expectedArgument}.",
                MountKind.Bind => $"nothing is mounted at {mount.Target}: the container sees the image's files, not the host folder, and data written there dies with the container; start the container with {expectedArgument}.",
                _ => $"nothing is mounted at {mount.Target}: data written there dies with the container; start the container with {expectedArgument}.",
            });
            return new ContainerMountCheck(mount, "nothing", findings, details);
        }

        string type = point.Type ?? string.Empty;
        string actual = Describe(point);
        string expectedType = MountKindWords.ToType(mount.Kind);

        if (!string.Equals(type, expectedType, StringComparison.Ordinal))
        {
            findings.Add(ContainerMountFinding.WrongKind);
            details.Add($"{mount.Target} is a {actual}, but a {KindWords(mount.Kind)} was declared; start the container with {expectedArgument}.");
            return new ContainerMountCheck(mount, actual, findings, details);
        }

        if (mount.Kind == MountKind.NamedVolume && !string.Equals(point.Name, mount.Source, StringComparison.Ordinal))
        {
            if (IsAnonymousVolumeName(point.Name))
            {
                findings.Add(ContainerMountFinding.AnonymousInsteadOfNamed);
                details.Add(MountVerificationMessages.AnonymousInsteadOfNamed(mount, expectedArgument));
            }
            else
            {
                findings.Add(ContainerMountFinding.WrongVolumeName);
                details.Add(MountVerificationMessages.WrongVolumeName(mount, point.Name ?? string.Empty, expectedArgument));
            }
        }

        if (mount.Kind == MountKind.Bind)
        {
            string declaredSource = ContainerPath.Normalize(RunArguments.ResolveBindSource(mount.Source ?? string.Empty, bindRoot));
            string actualSource = ContainerPath.Normalize(point.Source ?? string.Empty);
            if (!string.Equals(declaredSource, actualSource, StringComparison.Ordinal))
            {
                findings.Add(ContainerMountFinding.BindSourceMismatch);
                details.Add($"{mount.Target} is bound to '{point.Source}', not the declared '{declaredSource}'.");
            }
        }

        if (mount.Kind == MountKind.Tmpfs)
        {
            CheckTmpfsOptions(mount, hostConfig, expectedArgument, findings, details);
        }

        // Anonymous volumes from a Dockerfile VOLUME are always read-write; only compare what the declaration can set.
        bool actualReadOnly = !point.RW;
        if (mount.Kind != MountKind.AnonymousVolume && actualReadOnly != mount.ReadOnly)
        {
            findings.Add(ContainerMountFinding.ReadOnlyMismatch);
            details.Add(mount.ReadOnly
                ? $"{mount.Target} is writable, but was declared read-only; add 'readonly' to its --mount (or ':ro' to -v)."
                : $"{mount.Target} is read-only, but was declared writable: writes there fail; drop 'readonly' / ':ro'.");
        }

        return new ContainerMountCheck(mount, actual, findings, details);
    }

    // Only what the declaration sets is compared; the engine reports what the container was created with, which is what it got.
    private static void CheckTmpfsOptions(Mount mount, HostConfig? hostConfig, string expectedArgument, List<ContainerMountFinding> findings, List<string> details)
    {
        if ((mount.TmpfsSizeBytes is null && mount.TmpfsMode is null) || !TryRequestedTmpfs(mount.Target, hostConfig, out long? size, out int? mode))
        {
            return;
        }

        if ((mount.TmpfsSizeBytes is long declaredSize && size != declaredSize) || (mount.TmpfsMode is int declaredMode && mode != declaredMode))
        {
            findings.Add(ContainerMountFinding.TmpfsOptionsMismatch);
            details.Add($"{mount.Target} is a tmpfs of {SizeWords(size)} with mode {ModeWords(mode)}, but {SizeWords(mount.TmpfsSizeBytes)} with mode {ModeWords(mount.TmpfsMode)} was declared; start the container with {expectedArgument}.");
        }
    }

    // --mount type=tmpfs lands in HostConfig.Mounts (TmpfsOptions); --tmpfs /path:options in HostConfig.Tmpfs. Zero or absent is Docker's default.
    private static bool TryRequestedTmpfs(string target, HostConfig? hostConfig, out long? size, out int? mode)
    {
        size = null;
        mode = null;
        foreach (DockerMount requested in hostConfig?.Mounts ?? Array.Empty<DockerMount>())
        {
            if (requested.Type == "tmpfs" && requested.Target is not null && ContainerPath.Normalize(requested.Target) == target)
            {
                size = requested.TmpfsOptions?.SizeBytes is long bytes && bytes > 0 ? bytes : null;
                mode = requested.TmpfsOptions?.Mode is uint bits && bits > 0 ? (int)bits : null;
                return true;
            }
        }

        foreach (KeyValuePair<string, string> flag in hostConfig?.Tmpfs ?? new Dictionary<string, string>())
        {
            if (ContainerPath.Normalize(flag.Key) != target)
            {
                continue;
            }

            foreach (string option in (flag.Value ?? string.Empty).Split(','))
            {
                string value = option.Trim();
                if (value.StartsWith("size=", StringComparison.Ordinal))
                {
                    size = TmpfsSize.Parse(value.Substring(5)) ?? -1;
                }
                else if (value.StartsWith("mode=", StringComparison.Ordinal))
                {
                    mode = OctalMode.Parse(value.Substring(5)) ?? -1;
                }
            }

            return true;
        }

        return false;
    }

    private static string SizeWords(long? size) => size switch
    {
        null => "Docker's default size",
        < 0 => "a size VolumeGen cannot read",
        _ => size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes",
    };

    private static string ModeWords(int? mode) => mode switch
    {
        null => "1777 (Docker's default)",
        < 0 => "that VolumeGen cannot read",
        _ => OctalMode.Format(mode.Value),
    };

    /// <summary>Docker names anonymous volumes with 64 random lowercase hex digits.</summary>
    public static bool IsAnonymousVolumeName(string? name) => MountVerifier.IsAnonymousVolumeName(name);

    private static string Describe(MountPoint point)
    {
        var text = new StringBuilder();
        switch (point.Type)
        {
            case MountKindWords.Volume:
                text.Append(IsAnonymousVolumeName(point.Name) ? "anonymous volume " + point.Name!.Substring(0, 12) : "named volume '" + point.Name + "'");
                break;
            case MountKindWords.Bind:
                text.Append("bind mount of '").Append(point.Source).Append('\'');
                break;
            default:
                text.Append(point.Type ?? "mount");
                break;
        }

        if (!point.RW)
        {
            text.Append(" (read-only)");
        }

        return text.ToString();
    }

    private static string KindWords(MountKind kind) => kind switch
    {
        MountKind.NamedVolume => "named volume",
        MountKind.AnonymousVolume => "anonymous volume",
        MountKind.Bind => "bind mount",
        _ => "tmpfs mount",
    };
}
