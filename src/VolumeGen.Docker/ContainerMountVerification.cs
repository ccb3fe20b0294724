using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using Mount = VolumeGen.Mount;

namespace VolumeGen.Docker;

/// <summary>A way a container's real mount differs from the declaration.</summary>
public enum ContainerMountFinding
{
    /// <summary>Nothing is mounted at the declared path: data written there lives in the container layer and dies with the container.</summary>
    Missing = 1,

    /// <summary>A named volume was declared, but an anonymous volume is mounted: its data is lost with <c>--rm</c> / <c>docker rm -v</c> and never reused.</summary>
    AnonymousInsteadOfNamed = 2,

    /// <summary>A named volume is mounted, but not the declared one.</summary>
    WrongVolumeName = 3,

    /// <summary>Something of another type is mounted (e.g. a bind mount where a volume was declared).</summary>
    WrongKind = 4,

    /// <summary>Read-only where read-write was declared, or the other way round.</summary>
    ReadOnlyMismatch = 5,

    /// <summary>A bind mount of another host path than the declared one.</summary>
    BindSourceMismatch = 6,
}

/// <summary>One declared mount and what the container really has at its path.</summary>
public sealed class ContainerMountCheck
{
    /// <summary>Creates a check result.</summary>
    public ContainerMountCheck(Mount declared, string actual, IReadOnlyList<ContainerMountFinding> findings, IReadOnlyList<string> details)
    {
        Declared = declared ?? throw new ArgumentNullException(nameof(declared));
        Actual = actual ?? throw new ArgumentNullException(nameof(actual));
        Findings = findings ?? throw new ArgumentNullException(nameof(findings));
        Details = details ?? throw new ArgumentNullException(nameof(details));
    }

    /// <summary>The declared mount.</summary>
    public Mount Declared { get; }

    /// <summary>What is mounted there, in words (e.g. <c>anonymous volume 3f2a…</c>, <c>nothing</c>).</summary>
    public string Actual { get; }

    /// <summary>Every difference found; empty when the container matches the declaration.</summary>
    public IReadOnlyList<ContainerMountFinding> Findings { get; }

    /// <summary>One sentence per finding, naming the path and the fix.</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>True when the container has exactly the declared mount.</summary>
    public bool IsOk => Findings.Count == 0;

    /// <inheritdoc />
    public override string ToString()
        => IsOk ? $"ok       {Declared.Target}: {Actual}" : $"PROBLEM  {Declared.Target}: {string.Join(" ", Details)}";
}

/// <summary>Every declared mount of one container, checked.</summary>
public sealed class ContainerMountReport
{
    /// <summary>Creates a report.</summary>
    public ContainerMountReport(string container, IReadOnlyList<ContainerMountCheck> checks)
    {
        Container = container ?? throw new ArgumentNullException(nameof(container));
        Checks = checks ?? throw new ArgumentNullException(nameof(checks));
    }

    /// <summary>The container's name (or id) as the engine reports it.</summary>
    public string Container { get; }

    /// <summary>One entry per declared mount, in declaration order.</summary>
    public IReadOnlyList<ContainerMountCheck> Checks { get; }

    /// <summary>The checks that found problems.</summary>
    public IEnumerable<ContainerMountCheck> Problems => Checks.Where(static c => !c.IsOk);

    /// <summary>True when every declared mount is there as declared.</summary>
    public bool IsOk => Checks.All(static c => c.IsOk);
}

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
        IDictionary<string, string>? tmpfsFlags = container.HostConfig?.Tmpfs;
        var checks = new List<ContainerMountCheck>(mounts.Count);
        foreach (Mount mount in mounts)
        {
            MountPoint? point = actual.FirstOrDefault(p => p.Destination is not null && ContainerPath.Normalize(p.Destination) == mount.Target);
            checks.Add(Check(mount, point, tmpfsFlags, bindRoot));
        }

        string name = (container.Name ?? container.ID ?? string.Empty).TrimStart('/');
        return new ContainerMountReport(name, checks);
    }

    private static ContainerMountCheck Check(Mount mount, MountPoint? point, IDictionary<string, string>? tmpfsFlags, string? bindRoot)
    {
        var findings = new List<ContainerMountFinding>();
        var details = new List<string>();
        string expectedArgument = ShellQuoting.Join(RunArguments.Format(new[] { mount }, MountStyle.Mount, bindRoot));

        if (point is null)
        {
            // `--tmpfs /path` shows up in HostConfig.Tmpfs, not in Mounts.
            if (mount.Kind == MountKind.Tmpfs && tmpfsFlags is not null && tmpfsFlags.Keys.Any(k => ContainerPath.Normalize(k) == mount.Target))
            {
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
