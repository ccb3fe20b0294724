using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VolumeGen;

/// <summary>
/// The one place VolumeGen's declaration rules live. The analyzer maps each <see cref="MountProblem"/> to a
/// diagnostic (<see cref="MountProblem.Id"/>), the generator skips sets with errors, and the build task and
/// CLI refuse them with the same message.
/// </summary>
public static class MountValidator
{
    /// <summary>Container paths a mount must never hide.</summary>
    public static IReadOnlyList<string> SystemDirectories { get; } = new[] { "/", "/bin", "/usr", "/lib", "/etc", "/proc", "/sys", "/dev" };

    /// <summary>
    /// Host paths whose bind mount hands the container control of the host or its secrets, exactly (see
    /// <see cref="SensitiveHostPath"/> for the folders whose inside counts too, the home folders' credentials and
    /// the Windows engine pipe).
    /// </summary>
    public static IReadOnlyList<string> SensitiveHostPaths { get; } = new[]
    {
        "/var/run/docker.sock", "/run/docker.sock", "/var/run", "/run", "/", "/etc", "/proc", "/sys", "/root", "/var/lib/docker",
        "/boot", "/dev", "/usr", "/lib", "/lib64", "/bin", "/sbin", "/var", "/home",
    };

    // The container engines' sockets live in these folders (docker, containerd, podman, rootless per-user runtimes);
    // binding the folder binds the socket (CIS Docker Benchmark 5.31).
    private static readonly string[] EngineFolders = { "/var/run", "/run", "/run/containerd", "/var/run/containerd", "/run/podman", "/var/run/podman", "/run/docker", "/var/run/docker" };

    // Anything inside these is the engine's own state or the host's kernel, boot or device view.
    private static readonly string[] EngineData = { "/var/lib/docker", "/var/lib/containerd", "/var/lib/containers" };
    private static readonly string[] SystemInside = { "/proc", "/sys", "/dev", "/boot" };

    // CIS Docker Benchmark 5.5: the host's system directories.
    private static readonly string[] SystemFolders = { "/", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/sys", "/usr", "/bin", "/sbin", "/var", "/root", "/home" };

    /// <summary>Every problem in <paramref name="mounts"/>, in declaration order.</summary>
    public static IReadOnlyList<MountProblem> Validate(IReadOnlyList<Mount> mounts) => Validate(mounts, hostRoot: null);

    /// <summary>
    /// Every problem in <paramref name="mounts"/>, in declaration order; relative bind sources are resolved against
    /// <paramref name="hostRoot"/> (the project folder) before the sensitive-path check, so
    /// <c>../../../../var/run/docker.sock</c> is seen for what it is.
    /// </summary>
    public static IReadOnlyList<MountProblem> Validate(IReadOnlyList<Mount> mounts, string? hostRoot)
    {
        var problems = new List<MountProblem>();
        for (int i = 0; i < mounts.Count; i++)
        {
            ValidateMount(mounts[i], i, problems, hostRoot);
        }

        ValidateTargetsTogether(mounts, problems);
        return problems;
    }

    /// <summary>True when <paramref name="problems"/> holds an error (warnings do not stop generation).</summary>
    public static bool HasErrors(IReadOnlyList<MountProblem> problems)
    {
        foreach (MountProblem problem in problems)
        {
            if (problem.Severity == MountProblemSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    // Docker's local-driver rule for a volume name, in the words every message uses.
    private const string VolumeNameRule = "Docker requires ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$ (at least 2 characters, starting with a letter or digit)";

    /// <summary>
    /// The one message for a volume name that breaks Docker's rule <c>^[a-zA-Z0-9][a-zA-Z0-9_.-]+$</c> (naming it, the rule and a valid
    /// name to use), or null when <paramref name="name"/> is valid: VG1005's words, and the CLI's and VolumeGen.Docker's refusals.
    /// </summary>
    /// <param name="name">The volume name as given.</param>
    /// <param name="option">The option that gave it (e.g. <c>--volume</c>), named first; null for none.</param>
    public static string? VolumeNameProblem(string? name, string? option = null)
        => IsValidVolumeName(name) ? null : VolumeNameMessage(name ?? string.Empty, option, suggestFrom: string.IsNullOrEmpty(name) ? "volume" : name!);

    // suggestFrom: what the suggested valid name derives from (the name itself, or the mount's target when the name is empty).
    private static string VolumeNameMessage(string name, string? option, string suggestFrom)
        => $"{(option is null ? string.Empty : option + " ")}{Show(name)} is not a valid volume name: {VolumeNameRule}. Use e.g. \"{ContainerPath.DefaultVolumeName(suggestFrom)}\".";

    /// <summary>True when <paramref name="name"/> follows Docker's local-driver rule <c>^[a-zA-Z0-9][a-zA-Z0-9_.-]+$</c>.</summary>
    public static bool IsValidVolumeName(string? name)
    {
        if (name is null || name.Length < 2 || !IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        for (int i = 1; i < name.Length; i++)
        {
            if (!ContainerPath.IsVolumeNameChar(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void ValidateMount(Mount mount, int index, List<MountProblem> problems, string? hostRoot)
    {
        string target = mount.Target;
        if (HasControlCharacter(target))
        {
            problems.Add(Error(MountProblemCode.ControlCharacter, index, MountField.Target, target,
                $"The container path {Show(target)} holds a control character (NUL, newline, tab, …); Docker cannot mount it. Remove the character."));
        }
        else if (!ContainerPath.IsAbsolute(target))
        {
            problems.Add(Error(MountProblemCode.TargetNotAbsolute, index, MountField.Target, target,
                $"The container path {Show(target)} is not an absolute POSIX path. Write it from the root, e.g. \"/app/{SuggestedRelativePart(target)}\"."));
        }
        else if (HasDotDotSegment(target))
        {
            problems.Add(Error(MountProblemCode.DotDotSegment, index, MountField.Target, target,
                $"The container path {Show(target)} has a '..' segment. Write the path it means, without '..'."));
        }
        else if (IsSystemDirectory(target))
        {
            problems.Add(Error(MountProblemCode.SystemDirectoryTarget, index, MountField.Target, target,
                $"Mounting over {Show(target)} hides the image's system files and breaks the container. Mount a folder of the app instead, e.g. \"/app/data\"."));
        }

        if (target.IndexOf(':') >= 0)
        {
            problems.Add(Warning(MountProblemCode.ColonInPath, index, MountField.Target, target,
                $"The container path {Show(target)} holds ':', which 'docker run -v' splits on. " + ColonAdvice(mount)));
        }

        switch (mount.Kind)
        {
            case MountKind.NamedVolume:
                string name = mount.Source ?? string.Empty;
                if (!IsValidVolumeName(name))
                {
                    problems.Add(Error(MountProblemCode.InvalidVolumeName, index, MountField.Name, name,
                        VolumeNameMessage(name, option: null, suggestFrom: name.Length == 0 ? target : name)));
                }

                break;

            case MountKind.Bind:
                ValidateBindSource(mount, index, problems, hostRoot);
                break;

            case MountKind.Tmpfs:
                if (mount.TmpfsSizeBytes is long size && size <= 0)
                {
                    problems.Add(Error(MountProblemCode.InvalidTmpfsSize, index, MountField.SizeBytes, size.ToString(CultureInfo.InvariantCulture),
                        $"The tmpfs size {size.ToString(CultureInfo.InvariantCulture)} must be a positive number of bytes, e.g. 64 * 1024 * 1024; leave it unset for Docker's default."));
                }

                if (mount.TmpfsMode is int mode && (mode < 0 || mode > 511))
                {
                    problems.Add(Error(MountProblemCode.InvalidTmpfsMode, index, MountField.Mode, mode.ToString(CultureInfo.InvariantCulture),
                        $"The tmpfs mode {mode.ToString(CultureInfo.InvariantCulture)} is outside 0 to 0777 (511). C# has no octal literal: write 0755 as 0b111_101_101 or 493."));
                }

                break;
        }
    }

    private static void ValidateBindSource(Mount mount, int index, List<MountProblem> problems, string? hostRoot)
    {
        string source = mount.Source ?? string.Empty;
        if (source.Length == 0)
        {
            problems.Add(Error(MountProblemCode.EmptyBindSource, index, MountField.Source, source,
                "The bind mount's host path is empty. Name the host folder, e.g. \"./config\"."));
            return;
        }

        if (HasControlCharacter(source))
        {
            problems.Add(Error(MountProblemCode.ControlCharacter, index, MountField.Source, source,
                $"The host path {Show(source)} holds a control character (NUL, newline, tab, …). Remove the character."));
            return;
        }

        if (source.IndexOf(':') >= 0 && !HostPath.IsWindowsDrivePath(source))
        {
            problems.Add(Warning(MountProblemCode.ColonInPath, index, MountField.Source, source,
                $"The host path {Show(source)} holds ':', which 'docker run -v' splits on. " + ColonAdvice(mount)));
        }

        if (SensitiveHostPath(source, hostRoot) is string risk)
        {
            problems.Add(Warning(MountProblemCode.SensitiveBindSource, index, MountField.Source, source,
                $"Bind-mounting the host path {Show(source)} {risk}. Mount only the app's own folder, e.g. \"./config\"."));
        }
    }

    /// <summary>
    /// What binding <paramref name="source"/> into a container risks, or null for an ordinary folder. Relative
    /// sources are resolved against <paramref name="hostRoot"/> when it is an absolute POSIX folder.
    /// </summary>
    public static string? SensitiveHostPath(string source, string? hostRoot = null)
    {
        if (source is null)
        {
            return null;
        }

        string slashed = source.Replace('\\', '/');
        if (slashed.StartsWith("//./pipe/", System.StringComparison.OrdinalIgnoreCase) || slashed.StartsWith("npipe:", System.StringComparison.OrdinalIgnoreCase))
        {
            return "gives the container the container engine's named pipe, and with it control of the host (CIS Docker Benchmark 5.31)";
        }

        // Credentials in a home folder, wherever the home is (/home/me, /root, /Users/me, C:\Users\me, ~).
        foreach (string segment in slashed.Split('/'))
        {
            switch (segment)
            {
                case ".ssh":
                    return "exposes the host user's SSH keys to the container";
                case ".docker":
                    return "exposes the host user's container registry credentials (and engine settings) to the container";
                case ".kube":
                    return "exposes the host user's Kubernetes cluster credentials to the container";
            }
        }

        string? path = ContainerPath.IsAbsolute(source) ? source
            : hostRoot is not null && ContainerPath.IsAbsolute(hostRoot) ? ContainerPath.Combine(hostRoot, source)
            : null;
        if (path is null)
        {
            return null;
        }

        // Resolve, not just Normalize: "/tmp/../etc" is /etc on the host.
        string resolved = ContainerPath.Resolve("/", path);
        string name = ContainerPath.LastSegment(resolved);
        if (name is "docker.sock" or "containerd.sock" or "podman.sock" or "crio.sock" || Contains(EngineFolders, resolved) || ContainerPath.IsUnder(resolved, "/run/user") && (name == "docker" || name == "podman" || IsUserRuntimeFolder(resolved)))
        {
            return "gives the container the container engine's socket (or the folder holding it), which is root on the host (CIS Docker Benchmark 5.31)";
        }

        foreach (string data in EngineData)
        {
            if (resolved == data || ContainerPath.IsUnder(resolved, data))
            {
                return "gives the container the container engine's own state, and with it every other container's data (CIS Docker Benchmark 5.5)";
            }
        }

        if (Contains(SystemFolders, resolved) || InsideAny(SystemInside, resolved) || ContainerPath.IsUnder(resolved, "/root"))
        {
            return "lets the container read or change the host's system files (CIS Docker Benchmark 5.5)";
        }

        return null;
    }

    private static bool Contains(string[] paths, string path)
    {
        foreach (string candidate in paths)
        {
            if (candidate == path)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideAny(string[] folders, string path)
    {
        foreach (string folder in folders)
        {
            if (ContainerPath.IsUnder(path, folder))
            {
                return true;
            }
        }

        return false;
    }

    // /run/user/1000 is a user's runtime folder: rootless docker and podman keep their sockets there.
    private static bool IsUserRuntimeFolder(string path)
    {
        string rest = path.Substring("/run/user/".Length);
        if (rest.Length == 0 || rest.IndexOf('/') >= 0)
        {
            return false;
        }

        foreach (char c in rest)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static void ValidateTargetsTogether(IReadOnlyList<Mount> mounts, List<MountProblem> problems)
    {
        for (int i = 0; i < mounts.Count; i++)
        {
            string target = mounts[i].Target;
            if (!ContainerPath.IsAbsolute(target))
            {
                continue;
            }

            for (int j = 0; j < i; j++)
            {
                string earlier = mounts[j].Target;
                if (!ContainerPath.IsAbsolute(earlier))
                {
                    continue;
                }

                if (earlier == target)
                {
                    problems.Add(Error(MountProblemCode.DuplicateTarget, i, MountField.Target, target,
                        $"The container path {Show(target)} is already declared by another mount ({mounts[j]}). Docker refuses duplicate mount points: keep one."));
                    break;
                }

                if (ContainerPath.IsUnder(target, earlier) || ContainerPath.IsUnder(earlier, target))
                {
                    string outer = target.Length < earlier.Length ? target : earlier;
                    string inner = target.Length < earlier.Length ? earlier : target;
                    problems.Add(Warning(MountProblemCode.NestedTarget, i, MountField.Target, target,
                        $"The container path {Show(inner)} lies inside the mount at {Show(outer)}; data under it goes to the inner mount only. Declare sibling folders instead, e.g. \"{outer}\" and \"{SiblingOf(outer, inner)}\"."));
                    break;
                }
            }
        }
    }

    // An SELinux label exists only in the -v form, so a labelled mount cannot switch to --mount.
    private static string ColonAdvice(Mount mount) => mount.SelinuxLabel == SelinuxLabel.None
        ? "VolumeGen writes this mount with --mount; avoid ':' if you start containers with -v by hand."
        : "This mount's SELinux label needs -v, so Docker will refuse it: remove the ':' or the SelinuxLabel.";

    private static string SuggestedRelativePart(string target)
    {
        string relative = target.TrimStart('.', '/');
        return relative.Length == 0 ? "data" : relative;
    }

    private static string SiblingOf(string outer, string inner)
        => ContainerPath.Combine(ContainerPath.Parent(outer), ContainerPath.LastSegment(inner));

    private static bool IsSystemDirectory(string target)
    {
        foreach (string directory in SystemDirectories)
        {
            if (target == directory)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDotDotSegment(string path)
    {
        foreach (string segment in path.Split('/'))
        {
            if (segment == "..")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasControlCharacter(string value)
    {
        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || c is >= '0' and <= '9';

    private static MountProblem Error(MountProblemCode code, int index, MountField field, string value, string message)
        => new(code, MountProblemSeverity.Error, index, field, value, message);

    private static MountProblem Warning(MountProblemCode code, int index, MountField field, string value, string message)
        => new(code, MountProblemSeverity.Warning, index, field, value, message);

    /// <summary>Quotes a value for a message, making control characters visible.</summary>
    internal static string Show(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
