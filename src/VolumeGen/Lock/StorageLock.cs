using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VolumeGen;

/// <summary>
/// The storage lock (<c>volumegen.lock.json</c>, committed beside the project as NuGet keeps <c>packages.lock.json</c>):
/// every named volume the project keeps data in and the path it is mounted at, as last accepted — the build compares
/// the declarations with it (<see cref="StorageLockComparison"/>) and warns when a change would leave data behind —
/// and every mount and ephemeral path the project declares, which the class libraries built into its image read to
/// judge their writes against the app's declarations (docs/analyzers.md). The text is deterministic — entries sorted,
/// one per line, LF — so its diffs are reviewable.
/// </summary>
public sealed class StorageLock : IEquatable<StorageLock>
{
    /// <summary>The file name the build task uses beside the project (<c>VolumeGenLockFile</c> changes it).</summary>
    public const string DefaultFileName = "volumegen.lock.json";

    /// <summary>The format version this library writes and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The property that carries the version; it also marks the file as a VolumeGen lock.</summary>
    public const string VersionProperty = "volumeGenLock";

    private const string About = "The named volumes this project keeps its data in, as last accepted, and every mount and ephemeral path it declares (class libraries built into its image judge their writes by them). Commit this file and review its diffs: dotnet build warns when a change would leave data behind in a volume listed here (docs/migrations.md).";

    private readonly string[] _mountLines;

    /// <summary>Creates a lock that records no declarations (as locks written before VolumeGen recorded them); volumes are de-duplicated and sorted.</summary>
    public StorageLock(IEnumerable<LockedVolume> volumes)
        : this(volumes, null, null)
    {
    }

    /// <summary>
    /// Creates a lock; volumes, mounts and ephemeral paths are de-duplicated and sorted. <paramref name="declaredMounts"/>
    /// null records no declarations (<see cref="RecordsDeclarations"/> is false).
    /// </summary>
    public StorageLock(IEnumerable<LockedVolume> volumes, IEnumerable<Mount>? declaredMounts, IEnumerable<string>? ephemeralPaths)
    {
        Volumes = (volumes ?? throw new ArgumentNullException(nameof(volumes))).Distinct().OrderBy(static v => v).ToArray();
        RecordsDeclarations = declaredMounts is not null;
        // Sorted by target, then by the entry's text: one order whatever order the classes declare them in.
        (Mount Mount, string Line)[] mounts = (declaredMounts ?? Array.Empty<Mount>())
            .Select(static m => (Mount: m, Line: MountLine(m)))
            .GroupBy(static x => x.Line, StringComparer.Ordinal).Select(static g => g.First())
            .OrderBy(static x => x.Mount.Target, StringComparer.Ordinal).ThenBy(static x => x.Line, StringComparer.Ordinal)
            .ToArray();
        DeclaredMounts = mounts.Select(static x => x.Mount).ToArray();
        _mountLines = mounts.Select(static x => x.Line).ToArray();
        EphemeralPaths = (ephemeralPaths ?? Array.Empty<string>()).Select(ContainerPath.Normalize).Distinct(StringComparer.Ordinal).OrderBy(static p => p, StringComparer.Ordinal).ToArray();
    }

    /// <summary>A lock without volumes or declarations.</summary>
    public static StorageLock Empty { get; } = new(Array.Empty<LockedVolume>(), Array.Empty<Mount>(), null);

    /// <summary>The locked volumes, sorted by name, then target.</summary>
    public IReadOnlyList<LockedVolume> Volumes { get; }

    /// <summary>
    /// True when the lock records the project's declarations (<see cref="DeclaredMounts"/>, <see cref="EphemeralPaths"/>);
    /// false for a lock written before VolumeGen recorded them, which tells a class library nothing about the app.
    /// </summary>
    public bool RecordsDeclarations { get; }

    /// <summary>Every mount the project declares (named and anonymous volumes, bind mounts, tmpfs), sorted by target.</summary>
    public IReadOnlyList<Mount> DeclaredMounts { get; }

    /// <summary>Every path the project declares ephemeral (<c>[EphemeralPath]</c>), sorted.</summary>
    public IReadOnlyList<string> EphemeralPaths { get; }

    /// <summary>True when the lock records nothing: no volume, no mount, no ephemeral path.</summary>
    public bool IsEmpty => Volumes.Count == 0 && DeclaredMounts.Count == 0 && EphemeralPaths.Count == 0;

    /// <summary>
    /// The lock that records the named volumes of <paramref name="mounts"/> (one entry per name and target) and, as the
    /// project's declarations, every mount and <paramref name="ephemeralPaths"/>.
    /// </summary>
    public static StorageLock FromMounts(IEnumerable<Mount> mounts, IEnumerable<string>? ephemeralPaths = null)
    {
        Mount[] all = (mounts ?? throw new ArgumentNullException(nameof(mounts))).ToArray();
        return new StorageLock(
            all.Where(static m => m.Kind == MountKind.NamedVolume && m.Source is not null).Select(static m => new LockedVolume(m.Source!, m.Target)),
            all,
            ephemeralPaths);
    }

    /// <summary>The lock of a manifest's valid declarations: <see cref="FromMounts"/> of its mounts and ephemeral paths.</summary>
    public static StorageLock FromManifest(VolumeManifest manifest)
        => FromMounts((manifest ?? throw new ArgumentNullException(nameof(manifest))).Classes.Where(static c => c.IsValid).SelectMany(static c => c.Mounts), manifest.EphemeralPaths);

    /// <summary>The deterministic text (LF line endings, a final newline).</summary>
    public string ToJson()
    {
        var json = new StringBuilder();
        json.Append("{\n  \"").Append(VersionProperty).Append("\": ").Append(CurrentVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        json.Append("  \"about\": ");
        Json.WriteString(json, About);
        json.Append(",\n  \"volumes\": [");
        for (int i = 0; i < Volumes.Count; i++)
        {
            json.Append(i == 0 ? "\n" : ",\n");
            json.Append("    ").Append(EntryJson(Volumes[i]));
        }

        json.Append(Volumes.Count == 0 ? "]" : "\n  ]");
        if (RecordsDeclarations)
        {
            json.Append(",\n  \"mounts\": [");
            for (int i = 0; i < _mountLines.Length; i++)
            {
                json.Append(i == 0 ? "\n    " : ",\n    ").Append(_mountLines[i]);
            }

            json.Append(_mountLines.Length == 0 ? "]" : "\n  ]");
            json.Append(",\n  \"ephemeralPaths\": [");
            for (int i = 0; i < EphemeralPaths.Count; i++)
            {
                json.Append(i == 0 ? "\n    " : ",\n    ");
                Json.WriteString(json, EphemeralPaths[i]);
            }

            json.Append(EphemeralPaths.Count == 0 ? "]" : "\n  ]");
        }

        return json.Append("\n}\n").ToString();
    }

    /// <summary>A declared mount's line: the manifest's object for it (docs/manifest.md).</summary>
    private static string MountLine(Mount mount)
    {
        var json = new StringBuilder();
        ManifestMountJson.Write(json, mount);
        return json.ToString();
    }

    /// <summary>The one line an entry takes in <see cref="ToJson"/> (without indentation or comma), to find it in a file.</summary>
    public static string EntryJson(LockedVolume volume)
    {
        var json = new StringBuilder("{ \"name\": ");
        Json.WriteString(json, (volume ?? throw new ArgumentNullException(nameof(volume))).Name);
        json.Append(", \"target\": ");
        Json.WriteString(json, volume.Target);
        json.Append(", \"kind\": ");
        Json.WriteString(json, volume.Kind);
        return json.Append(" }").ToString();
    }

    /// <summary>Reads a lock written by <see cref="ToJson"/> (any whitespace and line endings; unknown properties ignored).</summary>
    /// <exception cref="FormatException">Not a VolumeGen lock, a newer version, or a damaged one; the message says which and what to do.</exception>
    public static StorageLock Parse(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        if (json.Contains("\n<<<<<<< ") || json.StartsWith("<<<<<<< ", StringComparison.Ordinal))
        {
            throw new FormatException("it holds merge conflict markers (<<<<<<<). Resolve the conflict: keep every volume entry either side declares that the code still declares, one per line, sorted by name.");
        }

        object? parsed;
        try
        {
            parsed = Json.Parse(json.Length > 0 && json[0] == '\uFEFF' ? json.Substring(1) : json);
        }
        catch (FormatException exception)
        {
            throw new FormatException("it is not valid JSON (" + exception.Message + ").");
        }

        if (parsed is not Dictionary<string, object?> root || !root.TryGetValue(VersionProperty, out object? version))
        {
            throw new FormatException($"it is not a VolumeGen lock (no \"{VersionProperty}\" property).");
        }

        if (version is not long number || number < 1)
        {
            throw new FormatException($"its \"{VersionProperty}\" is not a version number.");
        }

        if (number > CurrentVersion)
        {
            throw new FormatException($"it has version {number.ToString(CultureInfo.InvariantCulture)}, newer than this VolumeGen understands ({CurrentVersion.ToString(CultureInfo.InvariantCulture)}); update the VolumeGen package.");
        }

        var volumes = new List<LockedVolume>();
        if (root.TryGetValue("volumes", out object? list) && list is not null)
        {
            if (list is not List<object?> entries)
            {
                throw new FormatException("its \"volumes\" is not an array.");
            }

            foreach (object? item in entries)
            {
                if (item is not Dictionary<string, object?> entry
                    || !entry.TryGetValue("name", out object? name) || name is not string nameText || nameText.Length == 0
                    || !entry.TryGetValue("target", out object? target) || target is not string targetText || targetText.Length == 0)
                {
                    throw new FormatException("a \"volumes\" entry has no \"name\" or \"target\".");
                }

                if (entry.TryGetValue("kind", out object? kind) && kind is not null && !(kind is string kindText && kindText == LockedVolume.VolumeKind))
                {
                    throw new FormatException($"the entry of '{nameText}' has the kind {kind}, which this VolumeGen does not know (only \"{LockedVolume.VolumeKind}\"); update the VolumeGen package.");
                }

                volumes.Add(new LockedVolume(nameText, targetText));
            }
        }

        List<Mount>? declared = null;
        if (root.TryGetValue("mounts", out object? mountList) && mountList is not null)
        {
            if (mountList is not List<object?> mountEntries)
            {
                throw new FormatException("its \"mounts\" is not an array.");
            }

            declared = new List<Mount>();
            foreach (object? item in mountEntries)
            {
                declared.Add(ManifestMountJson.Read(item as Dictionary<string, object?> ?? throw new FormatException("a \"mounts\" entry is not an object.")));
            }
        }

        var ephemeral = new List<string>();
        if (root.TryGetValue("ephemeralPaths", out object? pathList) && pathList is not null)
        {
            foreach (object? item in pathList as List<object?> ?? throw new FormatException("its \"ephemeralPaths\" is not an array."))
            {
                ephemeral.Add(item as string ?? throw new FormatException("an \"ephemeralPaths\" entry is not a string."));
            }
        }

        return new StorageLock(volumes, declared, ephemeral);
    }

    /// <summary>Like <see cref="Parse"/>, without throwing; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string json, out StorageLock? storageLock, out string? error)
    {
        storageLock = null;
        error = null;
        try
        {
            storageLock = Parse(json);
            return true;
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public bool Equals(StorageLock? other)
        => other is not null && Volumes.SequenceEqual(other.Volumes) && RecordsDeclarations == other.RecordsDeclarations
        && _mountLines.SequenceEqual(other._mountLines, StringComparer.Ordinal) && EphemeralPaths.SequenceEqual(other.EphemeralPaths, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StorageLock);

    /// <inheritdoc />
    public override int GetHashCode() => Volumes.Aggregate(17, static (hash, v) => unchecked((hash * 31) + v.GetHashCode()));
}
