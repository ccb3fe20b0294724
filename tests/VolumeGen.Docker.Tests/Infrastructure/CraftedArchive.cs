using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// A volume archive written by hand, entry by entry, as <c>volumegen backup</c> writes one (<c>&lt;volume&gt;/…</c>) — or
/// as a hostile one would: <see cref="Raw"/> writes any name, type and link. <see cref="Content"/> is what a reader that
/// trusts every entry records, so the manifest matches and only the restore's own checks can refuse the archive.
/// </summary>
internal sealed class CraftedArchive
{
    private readonly List<CraftedEntry> _entries = new();

    public CraftedArchive(string volume, string target = "/app/data")
    {
        Volume = volume;
        Target = target;
    }

    public string Volume { get; }

    public string Target { get; }

    public IReadOnlyList<CraftedEntry> Entries => _entries;

    /// <summary>A folder; <c>.</c> is the volume's root.</summary>
    public CraftedArchive Directory(string path, int mode = 0x1ED /* 0755 */, int uid = 0, int gid = 0)
        => Add(new CraftedEntry(path == "." ? Volume + "/" : Volume + "/" + path + "/", TarEntryType.Directory, mode, uid, gid, null, null, path));

    public CraftedArchive File(string path, string text, int mode = 0x1A4 /* 0644 */, int uid = 0, int gid = 0) => File(path, Encoding.UTF8.GetBytes(text), mode, uid, gid);

    public CraftedArchive File(string path, byte[] data, int mode = 0x1A4, int uid = 0, int gid = 0)
        => Add(new CraftedEntry(Volume + "/" + path, TarEntryType.RegularFile, mode, uid, gid, data, null, path));

    public CraftedArchive Symlink(string path, string target, int uid = 0, int gid = 0)
        => Add(new CraftedEntry(Volume + "/" + path, TarEntryType.SymbolicLink, 0x1FF, uid, gid, null, target, path));

    /// <summary>A second name for the file at <paramref name="existing"/> (both relative to the root), with its mode and owner as the engine writes them.</summary>
    public CraftedArchive HardLink(string path, string existing)
    {
        CraftedEntry? file = _entries.LastOrDefault(e => e.Relative == existing);
        return Add(new CraftedEntry(Volume + "/" + path, TarEntryType.HardLink, file?.Mode ?? 0x1A4, file?.Uid ?? 0, file?.Gid ?? 0, null, Volume + "/" + existing, path));
    }

    /// <summary>Any tar entry, its name and link name written exactly as given.</summary>
    public CraftedArchive Raw(string name, TarEntryType type, string? linkName = null, string? text = null)
    {
        string? relative = name.StartsWith(Volume + "/", StringComparison.Ordinal) ? name.Substring(Volume.Length + 1).TrimEnd('/') : null;
        return Add(new CraftedEntry(name, type, 0x1A4, 0, 0, text is null ? null : Encoding.UTF8.GetBytes(text), linkName, relative));
    }

    /// <summary>Writes <c>&lt;volume&gt;.tar</c> into <paramref name="folder"/>; returns its path.</summary>
    public string WriteTo(string folder)
    {
        string path = Path.Combine(folder, Volume + ".tar");
        using FileStream file = System.IO.File.Create(path);
        using (var writer = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (CraftedEntry crafted in _entries)
            {
                var entry = new PaxTarEntry(crafted.Type, crafted.Name)
                {
                    Mode = (UnixFileMode)crafted.Mode,
                    Uid = crafted.Uid,
                    Gid = crafted.Gid,
                    ModificationTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                };
                if (crafted.LinkName is not null)
                {
                    entry.LinkName = crafted.LinkName;
                }

                if (crafted.Type == TarEntryType.RegularFile)
                {
                    entry.DataStream = new MemoryStream(crafted.Data ?? Array.Empty<byte>());
                }

                writer.WriteEntry(entry);
            }
        }

        return path;
    }

    /// <summary>What the archive holds, recorded as a reader that trusts every entry would (hard links as their file).</summary>
    public VolumeContent Content()
    {
        var entries = new List<VolumeEntry>();
        var byPath = new Dictionary<string, VolumeEntry>(StringComparer.Ordinal);
        foreach (CraftedEntry crafted in _entries.Where(static e => e.Relative is not null))
        {
            string path = crafted.Relative!.Length == 0 ? "." : crafted.Relative;
            VolumeEntry? entry = crafted.Type switch
            {
                TarEntryType.Directory => new VolumeEntry(path, VolumeEntryType.Directory, crafted.Mode, crafted.Uid, crafted.Gid, 0, null, null),
                TarEntryType.RegularFile => new VolumeEntry(path, VolumeEntryType.File, crafted.Mode, crafted.Uid, crafted.Gid, crafted.Data?.Length ?? 0, Sha256(crafted.Data ?? Array.Empty<byte>()), null),
                TarEntryType.SymbolicLink => new VolumeEntry(path, VolumeEntryType.SymbolicLink, crafted.Mode, crafted.Uid, crafted.Gid, 0, null, crafted.LinkName),
                TarEntryType.HardLink when crafted.LinkName is not null && crafted.LinkName.StartsWith(Volume + "/", StringComparison.Ordinal)
                    && byPath.TryGetValue(crafted.LinkName.Substring(Volume.Length + 1), out VolumeEntry? file) => file with { Path = path },
                _ => null,
            };
            if (entry is not null)
            {
                entries.Add(entry);
                if (crafted.Type != TarEntryType.HardLink)
                {
                    byPath[path] = entry;
                }
            }
        }

        return new VolumeContent(entries);
    }

    private CraftedArchive Add(CraftedEntry entry)
    {
        _entries.Add(entry);
        return this;
    }

    private static string Sha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();
}
