using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace VolumeGen.Docker;

/// <summary>
/// <c>volumegen-backup.json</c>, written last into a backup folder: when the backup was made and, per volume, its
/// archive, sizes and checksums. A folder without it is an unfinished backup.
/// </summary>
public sealed class VolumeBackupManifest
{
    /// <summary>The manifest's file name in a backup folder.</summary>
    public const string FileName = "volumegen-backup.json";

    /// <summary>The property that carries the format version; it also marks the file as a VolumeGen backup.</summary>
    public const string VersionProperty = "volumeGenBackup";

    /// <summary>The format version this library writes and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a manifest.</summary>
    public VolumeBackupManifest(DateTimeOffset created, IEnumerable<BackedUpVolume> volumes)
    {
        Created = created;
        Volumes = (volumes ?? throw new ArgumentNullException(nameof(volumes))).ToArray();
    }

    /// <summary>When the backup was made (UTC).</summary>
    public DateTimeOffset Created { get; }

    /// <summary>The volumes, in the order they were backed up.</summary>
    public IReadOnlyList<BackedUpVolume> Volumes { get; }

    /// <summary>The manifest's text (indented JSON, LF, a final newline).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber(VersionProperty, CurrentVersion);
            writer.WriteString("created", Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteStartArray("volumes");
            foreach (BackedUpVolume volume in Volumes)
            {
                writer.WriteStartObject();
                writer.WriteString("volume", volume.Volume);
                writer.WriteString("target", volume.Target);
                writer.WriteString("archive", volume.Archive);
                writer.WriteNumber("archiveBytes", volume.ArchiveBytes);
                writer.WriteString("archiveSha256", volume.ArchiveSha256);
                writer.WriteNumber("files", volume.Files);
                writer.WriteNumber("bytes", volume.Bytes);
                writer.WriteString("contentSha256", volume.ContentSha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">Not a VolumeGen backup manifest, a newer version, or damaged; the message says which.</exception>
    public static VolumeBackupManifest Parse(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(VersionProperty, out JsonElement version) || version.ValueKind != JsonValueKind.Number)
            {
                throw new FormatException($"it is not a VolumeGen backup manifest (no \"{VersionProperty}\" property).");
            }

            if (version.GetInt32() > CurrentVersion)
            {
                throw new FormatException($"it is a version {version.GetInt32()} backup; this VolumeGen reads version {CurrentVersion}. Use a newer volumegen.");
            }

            DateTimeOffset created = DateTimeOffset.Parse(root.GetProperty("created").GetString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var volumes = new List<BackedUpVolume>();
            foreach (JsonElement entry in root.GetProperty("volumes").EnumerateArray())
            {
                string name = Text(entry, "volume");
                string archive = Text(entry, "archive");
                if (!MountValidator.IsValidVolumeName(name) || archive != name + ".tar")
                {
                    throw new FormatException($"the entry for '{name}' names the archive '{archive}'; a volume's archive is <volume>.tar beside the manifest.");
                }

                volumes.Add(new BackedUpVolume(
                    name,
                    Text(entry, "target"),
                    archive,
                    entry.GetProperty("archiveBytes").GetInt64(),
                    Text(entry, "archiveSha256"),
                    entry.GetProperty("files").GetInt32(),
                    entry.GetProperty("bytes").GetInt64(),
                    Text(entry, "contentSha256")));
            }

            return new VolumeBackupManifest(created, volumes);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("it is damaged: " + exception.Message, exception);
        }
    }

    private static string Text(JsonElement entry, string property) => entry.GetProperty(property).GetString() ?? string.Empty;
}
