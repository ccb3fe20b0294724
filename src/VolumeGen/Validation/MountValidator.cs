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

    /// <summary>Host paths whose bind mount hands the container control of the host (CIS Docker Benchmark 5.6 and 5.31).</summary>
    public static IReadOnlyList<string> SensitiveHostPaths { get; } = new[]
    {
        "/var/run/docker.sock", "/run/docker.sock", "/", "/etc", "/proc", "/sys", "/root", "/var/lib/docker", "/boot", "/dev",
    };

    /// <summary>Every problem in <paramref name="mounts"/>, in declaration order.</summary>
    public static IReadOnlyList<MountProblem> Validate(IReadOnlyList<Mount> mounts)
    {
        var problems = new List<MountProblem>();
        for (int i = 0; i < mounts.Count; i++)
        {
            ValidateMount(mounts[i], i, problems);
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

    private static void ValidateMount(Mount mount, int index, List<MountProblem> problems)
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
                        $"The volume name {Show(name)} is not valid: Docker requires ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$ (at least 2 characters, starting with a letter or digit). Use e.g. \"{ContainerPath.DefaultVolumeName(name.Length == 0 ? target : name)}\"."));
                }

                break;

            case MountKind.Bind:
                ValidateBindSource(mount, index, problems);
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

    private static void ValidateBindSource(Mount mount, int index, List<MountProblem> problems)
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

        if (ContainerPath.IsAbsolute(source))
        {
            // Resolve, not just Normalize: "/tmp/../etc" is /etc on the host.
            string normalized = ContainerPath.Resolve("/", source);
            foreach (string sensitive in SensitiveHostPaths)
            {
                if (normalized == sensitive)
                {
                    problems.Add(Warning(MountProblemCode.SensitiveBindSource, index, MountField.Source, source,
                        $"Bind-mounting the host path {Show(source)} gives the container control over the host (CIS Docker Benchmark 5.6/5.31). Mount only the app's own folder, e.g. \"./config\"."));
                    break;
                }
            }
        }
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
