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
