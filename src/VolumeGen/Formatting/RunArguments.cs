using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VolumeGen;

/// <summary>
/// <c>docker run</c> mount arguments. <see cref="MountStyle.Mount"/> writes <c>--mount</c> (fields CSV-quoted
/// when they hold a comma or a quote, as Docker's parser expects); <see cref="MountStyle.Volume"/> writes
/// <c>-v</c> and <c>--tmpfs</c>. A mount one form cannot express uses the other: SELinux labels need
/// <c>-v</c>, a <c>:</c> in a path needs <c>--mount</c>.
/// </summary>
public static class RunArguments
{
    /// <summary>The arguments for <paramref name="mounts"/>, one element per argument.</summary>
    /// <param name="mounts">The mounts.</param>
    /// <param name="style">Preferred flag.</param>
    /// <param name="bindRoot">Root for relative bind sources; default: the current directory.</param>
    public static string[] Format(IEnumerable<Mount> mounts, MountStyle style = MountStyle.Mount, string? bindRoot = null)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        var arguments = new List<string>();
        foreach (Mount mount in mounts)
        {
            bool useVolumeFlag = mount.SelinuxLabel != SelinuxLabel.None
                || (style == MountStyle.Volume && CanUseVolumeFlag(mount, bindRoot));
            if (useVolumeFlag)
            {
                AppendVolumeFlag(arguments, mount, bindRoot);
            }
            else
            {
                arguments.Add("--mount");
                arguments.Add(MountValue(mount, bindRoot));
            }
        }

        return arguments.ToArray();
    }

    /// <summary>The value of one <c>--mount</c> flag, e.g. <c>type=volume,source=profiles,target=/app/data</c>.</summary>
    public static string MountValue(Mount mount, string? bindRoot = null)
    {
        var fields = new List<string>();
        fields.Add("type=" + MountKindWords.ToType(mount.Kind));
        switch (mount.Kind)
        {
            case MountKind.NamedVolume:
                fields.Add("source=" + mount.Source);
                break;
            case MountKind.Bind:
                fields.Add("source=" + ResolveBindSource(mount.Source ?? string.Empty, bindRoot));
                break;
        }

        fields.Add("target=" + mount.Target);
        if (mount.ReadOnly)
        {
            fields.Add("readonly");
        }

        if (mount.NoCopy)
        {
            fields.Add("volume-nocopy");
        }

        if (mount.TmpfsSizeBytes is long size)
        {
            fields.Add("tmpfs-size=" + size.ToString(CultureInfo.InvariantCulture));
        }

        if (mount.TmpfsMode is int mode)
        {
            fields.Add("tmpfs-mode=" + OctalMode.Format(mode));
        }

        var value = new StringBuilder();
        foreach (string field in fields)
        {
            if (value.Length > 0)
            {
                value.Append(',');
            }

            AppendCsvField(value, field);
        }

        return value.ToString();
    }

    /// <summary>
    /// Resolves a bind source against <paramref name="bindRoot"/> (default: the current directory). Absolute
    /// POSIX and Windows drive paths are kept; <c>./x</c> and <c>x</c> become <c>root/x</c>.
    /// </summary>
    public static string ResolveBindSource(string source, string? bindRoot)
    {
        if (ContainerPath.IsAbsolute(source) || HostPath.IsWindowsDrivePath(source))
        {
            return source;
        }

        string root = bindRoot ?? CurrentDirectory();
        string relative = source;
        while (relative.StartsWith("./", StringComparison.Ordinal) || relative.StartsWith(".\\", StringComparison.Ordinal))
        {
            relative = relative.Substring(2);
        }

        if (relative == ".")
        {
            relative = string.Empty;
        }

        char separator = HostPath.IsWindowsDrivePath(root) && root.IndexOf('/') < 0 ? '\\' : '/';
        string trimmedRoot = root.Length > 1 ? root.TrimEnd('/', '\\') : root;
        if (relative.Length == 0)
        {
            return trimmedRoot;
        }

        return trimmedRoot.EndsWith("/", StringComparison.Ordinal) || trimmedRoot.EndsWith("\\", StringComparison.Ordinal)
            ? trimmedRoot + relative
            : trimmedRoot + separator + relative;
    }

    private static bool CanUseVolumeFlag(Mount mount, string? bindRoot)
    {
        if (mount.Target.IndexOf(':') >= 0)
        {
            return false;
        }

        if (mount.Kind == MountKind.Bind)
        {
            string source = ResolveBindSource(mount.Source ?? string.Empty, bindRoot);
            string withoutDrive = HostPath.IsWindowsDrivePath(source) ? source.Substring(2) : source;
            return withoutDrive.IndexOf(':') < 0;
        }

        return true;
    }

    private static void AppendVolumeFlag(List<string> arguments, Mount mount, string? bindRoot)
    {
        if (mount.Kind == MountKind.Tmpfs)
        {
            var options = new List<string>();
            if (mount.TmpfsSizeBytes is long size)
            {
                options.Add("size=" + size.ToString(CultureInfo.InvariantCulture));
            }

            if (mount.TmpfsMode is int mode)
            {
                options.Add("mode=" + OctalMode.Format(mode));
            }

            arguments.Add("--tmpfs");
            arguments.Add(options.Count == 0 ? mount.Target : mount.Target + ":" + string.Join(",", options));
            return;
        }

        var value = new StringBuilder();
        switch (mount.Kind)
        {
            case MountKind.NamedVolume:
                value.Append(mount.Source).Append(':');
                break;
            case MountKind.Bind:
                value.Append(ResolveBindSource(mount.Source ?? string.Empty, bindRoot)).Append(':');
                break;
        }

        value.Append(mount.Target);
        var flags = new List<string>();
        if (mount.ReadOnly)
        {
            flags.Add("ro");
        }

        if (mount.NoCopy)
        {
            flags.Add("nocopy");
        }

        if (SelinuxLabels.ToOption(mount.SelinuxLabel) is string selinux)
        {
            flags.Add(selinux);
        }

        if (flags.Count > 0)
        {
            value.Append(':').Append(string.Join(",", flags));
        }

        arguments.Add("-v");
        arguments.Add(value.ToString());
    }

    // Docker reads --mount with a CSV reader: a field holding a comma, a quote or a line break is quoted, quotes doubled.
    private static void AppendCsvField(StringBuilder value, string field)
    {
        if (field.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0)
        {
            value.Append(field);
            return;
        }

        value.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
    }

    // The analyzer assembly compiles this file too, and analyzers must not read the environment (RS1035).
#if VOLUMEGEN_ANALYZER
    private static string CurrentDirectory() => ".";
#else
#pragma warning disable RS0030 // the library's own branch: the analyzer never compiles it
    private static string CurrentDirectory() => Environment.CurrentDirectory;
#pragma warning restore RS0030
#endif
}
