using System;
using System.Collections.Generic;
using System.Linq;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// Everything the usage analyzers know about one container: the folders that are mounted or declared
/// ephemeral, the working directory that relative paths resolve against, and the container user's home.
/// Immutable; built once per compilation and options set.
/// </summary>
internal sealed class PersistedKnowledge
{
    /// <summary>The working directory when nothing says otherwise (the .NET SDK containers' default).</summary>
    public const string DefaultWorkingDirectory = "/app";

    private readonly KnownMount[] _byDepth;

    // The first mount of _byDepth for each folder: Find walks the path's own folders instead of every mount, so a
    // write costs O(path depth), not O(mounts) (1,000 storage classes made the linear scan the analyzer's hot spot).
    private readonly Dictionary<string, KnownMount> _byPath = new(StringComparer.Ordinal);

    public PersistedKnowledge(bool isActive, IEnumerable<KnownMount> mounts, string workingDirectory, string? homeDirectory, string? dataRoot = null, bool dataRootIsDefault = false, string? appName = null)
    {
        AppName = appName;
        DataRoot = dataRoot;
        DataRootIsDefault = dataRootIsDefault;
        IsActive = isActive;
        // Deepest folder first; among equal folders the earlier source wins (stable sort).
        _byDepth = mounts.Select(static (m, i) => (m, i)).OrderByDescending(static x => x.m.Path.Length).ThenBy(static x => x.i).Select(static x => x.m).ToArray();
        foreach (KnownMount mount in _byDepth)
        {
            if (!_byPath.ContainsKey(mount.Path))
            {
                _byPath.Add(mount.Path, mount);
            }
        }
        WorkingDirectory = workingDirectory;
        HomeDirectory = homeDirectory;
    }

    /// <summary>
    /// False when the project shows no sign of running in a container (no VolumeGen reference, Dockerfile,
    /// compose file or volumegen option): then nothing is reported.
    /// </summary>
    public bool IsActive { get; }

    /// <summary>Every known folder, deepest first.</summary>
    public IReadOnlyList<KnownMount> Mounts => _byDepth;

    /// <summary>Normalised absolute working directory of the container.</summary>
    public string WorkingDirectory { get; }

    /// <summary>
    /// The one folder that writes under the working directory are grouped into (a volume over the working directory
    /// itself would hide the app): volumegen.data_root, else the shallowest persisted writable folder under the working
    /// directory, else <c>&lt;working directory&gt;/data</c>. Null when the working directory is <c>/</c>.
    /// </summary>
    public string? DataRoot { get; }

    /// <summary>
    /// True when <see cref="DataRoot"/> is only the default <c>&lt;working directory&gt;/data</c> — no volumegen.data_root and
    /// no persisted folder under the working directory —, so the app's own data folder may take its place.
    /// </summary>
    public bool DataRootIsDefault { get; }

    /// <summary>The same knowledge with <paramref name="dataRoot"/> as the data root (the app's own data folder).</summary>
    public PersistedKnowledge WithDataRoot(string dataRoot) => new(this, dataRoot);

    private PersistedKnowledge(PersistedKnowledge other, string dataRoot)
    {
        IsActive = other.IsActive;
        _byDepth = other._byDepth;
        _byPath = other._byPath;
        WorkingDirectory = other.WorkingDirectory;
        HomeDirectory = other.HomeDirectory;
        AppName = other.AppName;
        DataRoot = dataRoot;
    }

    /// <summary>
    /// For a class library built into another project's image: that app's name, whose storage class the fixes name
    /// (declarations in the library never reach the image). Null for the app itself.
    /// </summary>
    public string? AppName { get; }

    /// <summary>The container user's home, or null when it cannot be told.</summary>
    public string? HomeDirectory { get; }

    /// <summary>The deepest known folder that holds <paramref name="path"/> (normalised, absolute), or null.</summary>
    public KnownMount? Find(string path)
    {
        // The deepest holding folder is the longest of path's own folders (path itself, then each parent) that is a
        // mount: the same answer as the first match of the deepest-first list, which IsUnder defines.
        for (int end = path.Length; end > 0; end = path.LastIndexOf('/', end - 1))
        {
            if (_byPath.TryGetValue(path.Substring(0, end), out KnownMount? mount))
            {
                return mount;
            }

            if (end == 1)
            {
                break;
            }
        }

        return ContainerPath.IsAbsolute(path) && _byPath.TryGetValue("/", out KnownMount? root) ? root : null;
    }

    /// <summary>
    /// True when some known folder — a mount or an ephemeral path — lies strictly below <paramref name="folder"/>: a name
    /// known only at run time may lead into it.
    /// </summary>
    public bool HasKnownFolderBelow(string folder)
    {
        foreach (KnownMount mount in _byDepth)
        {
            if (mount.Path.Length > folder.Length && ContainerPath.IsUnder(mount.Path, folder))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some known mount lies at or below <paramref name="path"/> (creating its parent folders is harmless).</summary>
    public bool HasMountAtOrBelow(string path)
    {
        foreach (KnownMount mount in _byDepth)
        {
            if (mount.Persistence != Persistence.Ephemeral && ContainerPath.IsUnder(mount.Path, path))
            {
                return true;
            }
        }

        return false;
    }
}
