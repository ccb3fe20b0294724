using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen;

/// <summary>One line of <c>/proc/self/mountinfo</c>: where something is mounted and how.</summary>
public sealed class MountInfoEntry
{
    /// <summary>Creates an entry.</summary>
    public MountInfoEntry(string root, string mountPoint, IReadOnlyList<string> options, string fileSystemType, string source)
    {
        Root = root;
        MountPoint = mountPoint;
        Options = options;
        FileSystemType = fileSystemType;
        Source = source;
    }

    /// <summary>The mounted folder inside its file system, unescaped (for a Docker volume: <c>…/volumes/NAME/_data</c>).</summary>
    public string Root { get; }

    /// <summary>The Docker volume name when <see cref="Root"/> is a volume's data folder (<c>…/volumes/NAME/_data</c>); else null.</summary>
    public string? DockerVolumeName
    {
        get
        {
            const string suffix = "/_data";
            if (!Root.EndsWith(suffix, StringComparison.Ordinal))
            {
                return null;
            }

            string folder = Root.Substring(0, Root.Length - suffix.Length);
            int slash = folder.LastIndexOf('/');
            if (slash < 0 || !folder.Substring(0, slash).EndsWith("/volumes", StringComparison.Ordinal))
            {
                return null;
            }

            string name = folder.Substring(slash + 1);
            return name.Length == 0 ? null : name;
        }
    }

    /// <summary>The mount point, unescaped (<c>\040</c> is a space again).</summary>
    public string MountPoint { get; }

    /// <summary>The per-mount options (<c>rw</c> or <c>ro</c> first).</summary>
    public IReadOnlyList<string> Options { get; }

    /// <summary>The file system type, e.g. <c>ext4</c>, <c>overlay</c>, <c>tmpfs</c>.</summary>
    public string FileSystemType { get; }

    /// <summary>The mount source as the kernel reports it (a device, or the file system's name).</summary>
    public string Source { get; }

    /// <summary>True when mounted read-only.</summary>
    public bool IsReadOnly => Options.Count > 0 && Options[0] == "ro";
}

/// <summary>
/// Parses <c>/proc/self/mountinfo</c> (proc(5)): <c>id parent major:minor root mount-point options [optional…] - type source super-options</c>.
/// Paths are octal-escaped by the kernel (<c>\040</c> space, <c>\011</c> tab, <c>\012</c> newline, <c>\134</c> backslash).
/// </summary>
public static class MountInfo
{
    /// <summary>Every well-formed line of <paramref name="text"/>; malformed lines are skipped.</summary>
    public static IReadOnlyList<MountInfoEntry> Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var entries = new List<MountInfoEntry>();
        foreach (string line in text.Split('\n'))
        {
            string[] fields = line.TrimEnd('\r').Split(' ');
            int separator = fields.Length < 10 ? -1 : Array.IndexOf(fields, "-", 6);
            if (separator < 0 || separator + 2 >= fields.Length)
            {
                continue;
            }

            entries.Add(new MountInfoEntry(
                Unescape(fields[3]),
                Unescape(fields[4]),
                fields[5].Split(','),
                fields[separator + 1],
                Unescape(fields[separator + 2])));
        }

        return entries;
    }

    /// <summary>Undoes the kernel's octal escapes (<c>\ooo</c>), decoding the bytes as UTF-8.</summary>
    public static string Unescape(string field)
    {
        if (field is null)
        {
            throw new ArgumentNullException(nameof(field));
        }

        if (field.IndexOf('\\') < 0)
        {
            return field;
        }

        var bytes = new List<byte>(field.Length);
        int start = 0;
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(field.Substring(start, i - start)));
                bytes.Add((byte)(((field[i + 1] - '0') << 6) | ((field[i + 2] - '0') << 3) | (field[i + 3] - '0')));
                i += 3;
                start = i + 1;
            }
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(field.Substring(start)));
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
