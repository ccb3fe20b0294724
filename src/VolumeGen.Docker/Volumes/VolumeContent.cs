using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace VolumeGen.Docker;

/// <summary>
/// What a volume (or a backup archive of one) holds: every path with its type, mode, owner, size and checksum, and
/// a digest over all of them. Two volumes with the same <see cref="Sha256"/> hold the same files, bytes and
/// permissions — what <c>volumegen migrate</c> and <c>restore</c> check after copying.
/// </summary>
public sealed class VolumeContent : IEquatable<VolumeContent>
{
    /// <summary>Creates the content from its entries (sorted by path here).</summary>
    public VolumeContent(IEnumerable<VolumeEntry> entries)
    {
        Entries = (entries ?? throw new ArgumentNullException(nameof(entries))).OrderBy(static e => e.Path, StringComparer.Ordinal).ToArray();
        var digest = new StringBuilder();
        foreach (VolumeEntry entry in Entries)
        {
            digest.Append(entry).Append('\n');
        }

        Sha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(digest.ToString()))).ToLowerInvariant();
    }

    /// <summary>Every path, sorted (ordinal); the root is <c>.</c>.</summary>
    public IReadOnlyList<VolumeEntry> Entries { get; }

    /// <summary>Regular files (a hard link counts as one).</summary>
    public int Files => Entries.Count(static e => e.Type == VolumeEntryType.File);

    /// <summary>Folders below the root.</summary>
    public int Directories => Entries.Count(static e => e.Type == VolumeEntryType.Directory && e.Path != ".");

    /// <summary>Symbolic links, device nodes and FIFOs.</summary>
    public int Others => Entries.Count(static e => e.Type is VolumeEntryType.SymbolicLink or VolumeEntryType.Other);

    /// <summary>The files' bytes, summed.</summary>
    public long Bytes => Entries.Sum(static e => e.Size);

    /// <summary>Lower-case hex SHA-256 over every entry's line (<see cref="VolumeEntry.ToString"/>), in path order.</summary>
    public string Sha256 { get; }

    /// <summary>True when the volume holds nothing but its root folder.</summary>
    public bool IsEmpty => Entries.All(static e => e.Path == ".");

    /// <summary><c>3 files, 1 folder, 0 links, 12,345 bytes</c>.</summary>
    public string Summary
        => string.Format(CultureInfo.InvariantCulture, "{0} file{1}, {2} folder{3}, {4} link{5} or special file{5}, {6:N0} bytes", Files, Files == 1 ? string.Empty : "s", Directories, Directories == 1 ? string.Empty : "s", Others, Others == 1 ? string.Empty : "s", Bytes);

    /// <summary>
    /// How <paramref name="copy"/> differs from this content, one line per path (at most <paramref name="max"/>).
    /// With <paramref name="extraAllowed"/>, paths only the copy has are not differences (a restore over existing files).
    /// </summary>
    public IReadOnlyList<string> Differences(VolumeContent copy, int max = 10, bool extraAllowed = false)
    {
        if (copy is null)
        {
            throw new ArgumentNullException(nameof(copy));
        }

        var theirs = copy.Entries.ToDictionary(static e => e.Path, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (VolumeEntry entry in Entries)
        {
            if (!theirs.TryGetValue(entry.Path, out VolumeEntry? other))
            {
                differences.Add("missing in the copy: " + entry);
            }
            else if (entry != other)
            {
                differences.Add($"differs: {entry}  (copy: {other})");
            }

            theirs.Remove(entry.Path);
        }

        if (!extraAllowed)
        {
            differences.AddRange(theirs.Values.OrderBy(static e => e.Path, StringComparer.Ordinal).Select(static e => "only in the copy: " + e));
        }

        return differences.Take(max).ToArray();
    }

    /// <summary>True when every entry of this content is in <paramref name="copy"/>, identical.</summary>
    public bool IsContainedIn(VolumeContent copy) => Differences(copy, 1, extraAllowed: true).Count == 0;

    /// <inheritdoc />
    public bool Equals(VolumeContent? other) => other is not null && Sha256 == other.Sha256;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as VolumeContent);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Sha256);

    /// <inheritdoc />
    public override string ToString() => Summary + ", sha256 " + Sha256;
}
