using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VolumeGen;

/// <summary>
/// Inside a running container, checks that every declared mount really is there, by reading
/// <c>/proc/self/mountinfo</c> (the way ASP.NET Core Data Protection warns about keys in the container layer).
/// Call it at start-up: by default it only logs; strict mode (opt-in) makes start-up fail.
/// </summary>
public static class MountVerifier
{
    /// <summary>The kernel's mount table of the current process.</summary>
    public const string MountInfoPath = "/proc/self/mountinfo";

    /// <summary>Set to <c>1</c> or <c>true</c> to make <see cref="VerifyAtStartup"/> throw when a mount is missing.</summary>
    public const string StrictVariable = "VOLUMEGEN_STRICT_MOUNTS";

    /// <summary>Checks <paramref name="mounts"/> against this process's mount table; skipped when it cannot be read.</summary>
    public static MountVerification Verify(MountSet mounts)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        string text;
        try
        {
            text = File.ReadAllText(MountInfoPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return MountVerification.Skipped($"{MountInfoPath} cannot be read ({exception.Message.TrimEnd('.')}); mount verification needs Linux.");
        }

        return Verify(mounts, text);
    }

    /// <summary>Checks <paramref name="mounts"/> against <paramref name="mountInfoText"/> (the content of a mountinfo file).</summary>
    public static MountVerification Verify(MountSet mounts, string mountInfoText)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        IReadOnlyList<MountInfoEntry> table = MountInfo.Parse(mountInfoText ?? throw new ArgumentNullException(nameof(mountInfoText)));
        var byMountPoint = new Dictionary<string, MountInfoEntry>(StringComparer.Ordinal);
        foreach (MountInfoEntry entry in table)
        {
            // Later lines are mounted on top of earlier ones at the same point: the last one is what the process sees.
            byMountPoint[ContainerPath.Normalize(entry.MountPoint)] = entry;
        }

        var problems = new List<MountVerificationProblem>();
        foreach (Mount mount in mounts)
        {
            string argument = RunArgumentFor(mount);
            if (!byMountPoint.TryGetValue(mount.Target, out MountInfoEntry? entry))
            {
                problems.Add(new MountVerificationProblem(mount, MountVerificationProblemKind.NotMounted, argument, NotMountedMessage(mount, argument)));
                continue;
            }

            // Docker volumes show their data folder (.../volumes/NAME/_data) as the mount's root; other mounts are left alone.
            if (mount.Kind == MountKind.NamedVolume && entry.DockerVolumeName is string volume && volume != mount.Source)
            {
                bool anonymous = IsAnonymousVolumeName(volume);
                string message = anonymous
                    ? MountVerificationMessages.AnonymousInsteadOfNamed(mount, argument)
                    : MountVerificationMessages.WrongVolumeName(mount, volume, argument);
                problems.Add(new MountVerificationProblem(
                    mount,
                    anonymous ? MountVerificationProblemKind.AnonymousInsteadOfNamed : MountVerificationProblemKind.WrongVolumeName,
                    argument,
                    message));
            }

            if (mount.Kind != MountKind.AnonymousVolume && entry.IsReadOnly != mount.ReadOnly)
            {
                string message = mount.ReadOnly
                    ? $"{mount.Target} is declared read-only but mounted writable; start the container with {argument}."
                    : $"{mount.Target} is mounted read-only, so writes there fail; start the container with {argument}.";
                problems.Add(new MountVerificationProblem(mount, MountVerificationProblemKind.ReadOnlyMismatch, argument, message));
            }
        }

        return MountVerification.Checked(problems);
    }

    /// <summary>
    /// Start-up check: in a container, verifies <paramref name="mounts"/> and passes each problem to
    /// <paramref name="log"/>; outside a container it does nothing. With <paramref name="strict"/> (default: the
    /// <see cref="StrictVariable"/> environment variable) a problem throws <see cref="MountVerificationException"/>.
    /// </summary>
    /// <exception cref="MountVerificationException">Strict mode and a declared mount is missing or differs.</exception>
    public static MountVerification VerifyAtStartup(MountSet mounts, Action<string>? log = null, bool? strict = null)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        if (!IsRunningInContainer())
        {
            return MountVerification.Skipped("not running in a container (DOTNET_RUNNING_IN_CONTAINER is not true and /.dockerenv does not exist).");
        }

        return Report(Verify(mounts), log, strict);
    }

    /// <summary>
    /// <see cref="VerifyAtStartup"/> over a given mount table (<paramref name="mountInfoText"/>) instead of this
    /// process's, whether or not it runs in a container: for tests and for checking another process's table.
    /// </summary>
    /// <exception cref="MountVerificationException">Strict mode and a declared mount is missing or differs.</exception>
    public static MountVerification VerifyAtStartupFrom(MountSet mounts, string mountInfoText, Action<string>? log = null, bool? strict = null)
        => Report(Verify(mounts, mountInfoText), log, strict);

    private static MountVerification Report(MountVerification verification, Action<string>? log, bool? strict)
    {
        if (verification.IsOk)
        {
            return verification;
        }

        foreach (MountVerificationProblem problem in verification.Problems)
        {
            log?.Invoke("VolumeGen: " + problem.Message);
        }

        if (strict ?? IsStrictFromEnvironment())
        {
            throw new MountVerificationException(verification);
        }

        return verification;
    }

    /// <summary>Docker names anonymous volumes with 64 random lowercase hex digits.</summary>
    public static bool IsAnonymousVolumeName(string? name)
    {
        if (name is null || name.Length != 64)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the official .NET images' marker variable is set or Docker's <c>/.dockerenv</c> exists.</summary>
    public static bool IsRunningInContainer()
        => string.Equals(Environment.GetEnvironmentVariable("DOTNET_RUNNING_IN_CONTAINER"), "true", StringComparison.OrdinalIgnoreCase)
            || File.Exists("/.dockerenv");

    private static bool IsStrictFromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable(StrictVariable);
        return value is not null && (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));
    }

    // Bind sources are relative to where the user runs docker; the -v form accepts ./relative paths (docker CLI 23+).
    private static string RunArgumentFor(Mount mount)
        => mount.Kind == MountKind.Bind
            ? ShellQuoting.Join(RunArguments.Format(new[] { mount }, MountStyle.Volume, "."))
            : ShellQuoting.Join(RunArguments.Format(new[] { mount }));

    private static string NotMountedMessage(Mount mount, string argument) => mount.Kind switch
    {
        MountKind.NamedVolume => $"{mount.Target} is not a mount point, so data written there dies with the container (declared: named volume '{mount.Source}'); start the container with {argument}.",
        MountKind.Bind => $"{mount.Target} is not a mount point (declared: bind mount of '{mount.Source}'), so the container sees the image's files, not the host folder; start the container with {argument}.",
        MountKind.AnonymousVolume => $"{mount.Target} is not a mount point (declared: anonymous volume); add it to the Dockerfile's VOLUME or start the container with {argument}.",
        _ => $"{mount.Target} is not a mount point (declared: tmpfs), so writes there go to the container layer instead of memory; start the container with {argument}.",
    };
}
