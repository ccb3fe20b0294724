using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace VolumeGen.Docker;

/// <summary>
/// Reads an archive the engine made of a volume (every entry below one root folder, <c>volume/…</c>) into a
/// <see cref="VolumeContent"/>. An archive the engine could not have made of a volume is a damaged (or hostile) one,
/// refused before anything is written from it: an entry outside the root or with a <c>..</c> segment, a path twice,
/// an entry whose folder is not a folder entry earlier in the archive (below a symbolic link or a file: writing it
/// would follow the link, perhaps into another volume), a hard link to anything but a file earlier in the archive or
/// with another mode or owner than that file's.
/// </summary>
internal static class VolumeArchiveReader
{
    public static async Task<VolumeContent> ReadAsync(Stream archive, string root, CancellationToken cancellationToken)
    {
        var entries = new List<VolumeEntry>();
        var files = new Dictionary<string, VolumeEntry>(StringComparer.Ordinal);
        var seen = new Dictionary<string, TarEntryType>(StringComparer.Ordinal);
        using var reader = new TarReader(archive, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is TarEntry entry)
        {
            string path = RelativePath(entry.Name, root);
            CheckPlace(path, entry, seen);
            int mode = (int)entry.Mode;
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    entries.Add(new VolumeEntry(path, VolumeEntryType.Directory, mode, entry.Uid, entry.Gid, 0, null, null));
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    string sha = entry.DataStream is null
                        ? EmptySha256
                        : Convert.ToHexString(await SHA256.HashDataAsync(entry.DataStream, cancellationToken).ConfigureAwait(false)).ToLowerInvariant();
                    var file = new VolumeEntry(path, VolumeEntryType.File, mode, entry.Uid, entry.Gid, entry.Length, sha, null);
                    entries.Add(file);
                    files[path] = file;
                    break;
                case TarEntryType.HardLink:
                    // The same file under a second name; which name the archive calls the link depends on the order the
                    // engine met them, so both are recorded as files.
                    string target = RelativePath(entry.LinkName, root);
                    if (!files.TryGetValue(target, out VolumeEntry? linked))
                    {
                        throw new FormatException($"the hard link '{entry.Name}' points to '{entry.LinkName}', which is not a file earlier in the archive.");
                    }

                    if (mode != linked.Mode || entry.Uid != linked.Uid || entry.Gid != linked.Gid)
                    {
                        // The engine would give the shared file the link's mode and owner: not what the archive records for it.
                        throw new FormatException($"the hard link '{entry.Name}' gives its file '{entry.LinkName}' another mode or owner than the file's own entry.");
                    }

                    entries.Add(linked with { Path = path });
                    break;
                case TarEntryType.SymbolicLink:
                    entries.Add(new VolumeEntry(path, VolumeEntryType.SymbolicLink, mode, entry.Uid, entry.Gid, 0, null, entry.LinkName));
                    break;
                default:
                    entries.Add(new VolumeEntry(path, VolumeEntryType.Other, mode, entry.Uid, entry.Gid, 0, null, entry.EntryType.ToString()));
                    break;
            }
        }

        return new VolumeContent(entries);
    }

    /// <summary>Refuses a path seen before, a root that is not a folder, and an entry whose folder is not a folder entry seen before.</summary>
    private static void CheckPlace(string path, TarEntry entry, Dictionary<string, TarEntryType> seen)
    {
        if (seen.ContainsKey(path))
        {
            throw new FormatException($"the entry '{entry.Name}' appears twice; a volume's archive holds each path once.");
        }

        bool folder = entry.EntryType == TarEntryType.Directory;
        if (path == ".")
        {
            if (!folder)
            {
                throw new FormatException($"the entry '{entry.Name}' is the volume's root but not a folder.");
            }
        }
        else
        {
            int slash = path.LastIndexOf('/');
            string parent = slash < 0 ? "." : path.Substring(0, slash);
            if (parent != "." && !(seen.TryGetValue(parent, out TarEntryType type) && type == TarEntryType.Directory))
            {
                throw new FormatException(seen.TryGetValue(parent, out TarEntryType other)
                    ? $"the entry '{entry.Name}' is below '{parent}', which the archive holds as a {Words(other)}, not a folder: writing it would follow that {Words(other)}."
                    : $"the entry '{entry.Name}' is below '{parent}', which is not a folder entry earlier in the archive.");
            }
        }

        seen[path] = entry.EntryType;
    }

    private static string Words(TarEntryType type) => type switch
    {
        TarEntryType.SymbolicLink => "symbolic link",
        TarEntryType.HardLink => "hard link",
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => "file",
        _ => "special file",
    };

    /// <summary>The path below <paramref name="root"/>: <c>volume/a/b</c> is <c>a/b</c>, <c>volume/</c> is <c>.</c>.</summary>
    public static string RelativePath(string name, string root)
    {
        string trimmed = name.TrimEnd('/');
        if (trimmed == root)
        {
            return ".";
        }

        if (!trimmed.StartsWith(root + "/", StringComparison.Ordinal))
        {
            throw new FormatException($"the entry '{name}' is outside the volume's folder '{root}/'.");
        }

        string relative = trimmed.Substring(root.Length + 1);
        foreach (string segment in relative.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                throw new FormatException($"the entry '{name}' has an empty, '.' or '..' segment.");
            }
        }

        return relative;
    }

    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
}
