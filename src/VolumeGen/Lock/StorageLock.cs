using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VolumeGen;

/// <summary>
/// The storage lock (<c>volumegen.lock.json</c>, committed beside the project as NuGet keeps <c>packages.lock.json</c>):
/// every named volume a project keeps data in, the path it is mounted at, and the project (so projects sharing a folder,
/// or a lock, never read each other's entries), as last accepted. The build compares the declarations with its
/// project's entries (<see cref="StorageLockFile"/>, <see cref="StorageLockComparison"/>) and warns when a change would
/// leave data behind. It also records each project's declared mounts and ephemeral paths
/// (<see cref="ProjectDeclarations"/>), which the class libraries built into the project's image read to judge their
/// writes against the app's declarations (docs/analyzers.md). The text is deterministic — entries sorted by project,
/// then name or target, one per line, LF — so its diffs are reviewable.
/// </summary>
public sealed class StorageLock : IEquatable<StorageLock>
{
    /// <summary>The file name the build task uses beside the project (<c>VolumeGenLockFile</c> changes it).</summary>
    public const string DefaultFileName = "volumegen.lock.json";

    /// <summary>
    /// The format version this library writes and the newest it reads: 2 records each entry's project; 1 (read, and
    /// rewritten as 2 by the next build that writes the lock) did not.
    /// </summary>
    public const int CurrentVersion = 2;

    /// <summary>The property that carries the version; it also marks the file as a VolumeGen lock.</summary>
    public const string VersionProperty = "volumeGenLock";

    private const string About = "The named volumes each project keeps its data in, as last accepted, and every mount and ephemeral path each project declares (class libraries built into its image judge their writes by them). Commit this file and review its diffs: dotnet build warns when a change would leave data behind in a volume listed here (docs/migrations.md).";

    /// <summary>Creates a lock that records no project's declarations; entries are de-duplicated and sorted.</summary>
    public StorageLock(IEnumerable<LockedVolume> volumes)
        : this(volumes, null, CurrentVersion)
    {
    }

    /// <summary>Creates a lock; entries are de-duplicated and sorted, one record of declarations per project (empty ones left out).</summary>
    public StorageLock(IEnumerable<LockedVolume> volumes, IEnumerable<ProjectDeclarations>? declarations)
        : this(volumes, declarations, CurrentVersion)
    {
    }

    private StorageLock(IEnumerable<LockedVolume> volumes, IEnumerable<ProjectDeclarations>? declarations, int version)
    {
        Volumes = (volumes ?? throw new ArgumentNullException(nameof(volumes))).Distinct().OrderBy(static v => v).ToArray();
        ProjectDeclarations[] recorded = (declarations ?? Array.Empty<ProjectDeclarations>()).Where(static d => !d.IsEmpty).OrderBy(static d => d.Project, StringComparer.Ordinal).ToArray();
        string? twice = recorded.Select(static d => d.Project).GroupBy(static p => p, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1)?.Key;
        if (twice is not null)
        {
            throw new ArgumentException($"The declarations of the project '{twice}' are given twice.", nameof(declarations));
        }

        Declarations = recorded;
        Version = version;
    }

    /// <summary>A lock without volumes.</summary>
    public static StorageLock Empty { get; } = new(Array.Empty<LockedVolume>());

    /// <summary>The locked volumes, sorted by project, then name, then target.</summary>
    public IReadOnlyList<LockedVolume> Volumes { get; }

    /// <summary>
    /// The declarations each project recorded (sorted by project): a project that declares nothing, or whose entries an
    /// older VolumeGen wrote, has none (<see cref="DeclarationsOf"/> is null).
    /// </summary>
    public IReadOnlyList<ProjectDeclarations> Declarations { get; }

    /// <summary>The format version the text had (<see cref="CurrentVersion"/> for a lock made here).</summary>
    public int Version { get; }

    /// <summary>The lock that records the named volumes of <paramref name="mounts"/> (one entry per name and target) as <paramref name="project"/>'s.</summary>
    public static StorageLock FromMounts(IEnumerable<Mount> mounts, string? project = null)
        => new((mounts ?? throw new ArgumentNullException(nameof(mounts)))
            .Where(static m => m.Kind == MountKind.NamedVolume && m.Source is not null)
            .Select(m => new LockedVolume(m.Source!, m.Target, project)));

    /// <summary>
    /// The lock that records, as <paramref name="project"/>'s, the named volumes of <paramref name="mounts"/> and every
    /// mount and <paramref name="ephemeralPaths"/> as its declarations.
    /// </summary>
    public static StorageLock FromDeclarations(IEnumerable<Mount> mounts, IEnumerable<string>? ephemeralPaths, string project)
    {
        Mount[] all = (mounts ?? throw new ArgumentNullException(nameof(mounts))).ToArray();
        return new StorageLock(FromMounts(all, project).Volumes, new[] { new ProjectDeclarations(project, all, ephemeralPaths) });
    }

    /// <summary>The declarations <paramref name="project"/> recorded, or null when the lock records none of it.</summary>
    public ProjectDeclarations? DeclarationsOf(string project)
        => Declarations.FirstOrDefault(d => string.Equals(d.Project, project, StringComparison.Ordinal));

    /// <summary>True when both record the same volumes at the same targets, whoever's entries they are.</summary>
    public bool SameVolumes(StorageLock other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        return Keys(this).SetEquals(Keys(other));

        static HashSet<(string, string)> Keys(StorageLock storageLock) => new(storageLock.Volumes.Select(static v => (v.Name, v.Target)));
    }

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
        if (Declarations.Count > 0)
        {
            AppendLines(json, "mounts", Declarations.SelectMany(static d => d.MountLines));
            AppendLines(json, "ephemeralPaths", Declarations.SelectMany(static d => d.EphemeralPathLines));
        }

        return json.Append("\n}\n").ToString();
    }

    private static void AppendLines(StringBuilder json, string property, IEnumerable<string> lines)
    {
        json.Append(",\n  \"").Append(property).Append("\": [");
        bool first = true;
        foreach (string line in lines)
        {
            json.Append(first ? "\n    " : ",\n    ").Append(line);
            first = false;
        }

        json.Append(first ? "]" : "\n  ]");
    }

    /// <summary>The one line an entry takes in <see cref="ToJson"/> (without indentation or comma), to find it in a file.</summary>
    public static string EntryJson(LockedVolume volume)
    {
        var json = new StringBuilder("{ ");
        if ((volume ?? throw new ArgumentNullException(nameof(volume))).Project is string project)
        {
            json.Append("\"project\": ");
            Json.WriteString(json, project);
            json.Append(", ");
        }

        json.Append("\"name\": ");
        Json.WriteString(json, volume.Name);
        json.Append(", \"target\": ");
        Json.WriteString(json, volume.Target);
        json.Append(", \"kind\": ");
        Json.WriteString(json, volume.Kind);
        return json.Append(" }").ToString();
    }

    /// <summary>Reads a lock written by <see cref="ToJson"/>, of this format or format 1 (any whitespace and line endings; unknown properties ignored).</summary>
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

                string? projectText = null;
                if (entry.TryGetValue("project", out object? project) && project is not null)
                {
                    projectText = project as string;
                    if (string.IsNullOrEmpty(projectText))
                    {
                        throw new FormatException($"the entry of '{nameText}' has a \"project\" that is not a project name.");
                    }
                }

                volumes.Add(new LockedVolume(nameText, targetText, projectText));
            }
        }

        return new StorageLock(volumes, number < CurrentVersion ? null : ReadDeclarations(root), (int)number);
    }

    /// <summary>The projects' declarations of a lock of format 2: every <c>"mounts"</c> and <c>"ephemeralPaths"</c> entry names its project.</summary>
    private static IEnumerable<ProjectDeclarations> ReadDeclarations(Dictionary<string, object?> root)
    {
        var mounts = new Dictionary<string, List<Mount>>(StringComparer.Ordinal);
        var paths = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Dictionary<string, object?> entry in Entries(root, "mounts"))
        {
            Mount mount;
            try
            {
                mount = ManifestMountJson.Read(entry);
            }
            catch (FormatException exception)
            {
                throw new FormatException("a \"mounts\" entry is damaged: " + exception.Message);
            }

            Of(mounts, ProjectOf(entry, "mounts")).Add(mount);
            Of(paths, ProjectOf(entry, "mounts"));
        }

        foreach (Dictionary<string, object?> entry in Entries(root, "ephemeralPaths"))
        {
            string path = entry.TryGetValue("path", out object? value) && value is string text && text.Length > 0
                ? text
                : throw new FormatException("an \"ephemeralPaths\" entry has no \"path\".");
            Of(paths, ProjectOf(entry, "ephemeralPaths")).Add(path);
            Of(mounts, ProjectOf(entry, "ephemeralPaths"));
        }

        return mounts.Select(p => new ProjectDeclarations(p.Key, p.Value, paths[p.Key]));

        static List<T> Of<T>(Dictionary<string, List<T>> byProject, string project)
        {
            if (!byProject.TryGetValue(project, out List<T>? list))
            {
                byProject[project] = list = new List<T>();
            }

            return list;
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Entries(Dictionary<string, object?> root, string property)
    {
        if (!root.TryGetValue(property, out object? list) || list is null)
        {
            yield break;
        }

        foreach (object? item in list as List<object?> ?? throw new FormatException($"its \"{property}\" is not an array."))
        {
            yield return item as Dictionary<string, object?> ?? throw new FormatException($"a \"{property}\" entry is not an object.");
        }
    }

    private static string ProjectOf(Dictionary<string, object?> entry, string property)
        => entry.TryGetValue("project", out object? project) && project is string text && text.Length > 0
            ? text
            : throw new FormatException($"a \"{property}\" entry has no \"project\".");

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
    public bool Equals(StorageLock? other) => other is not null && Volumes.SequenceEqual(other.Volumes) && Declarations.SequenceEqual(other.Declarations);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StorageLock);

    /// <inheritdoc />
    public override int GetHashCode() => Volumes.Aggregate(17, static (hash, v) => unchecked((hash * 31) + v.GetHashCode()));
}
