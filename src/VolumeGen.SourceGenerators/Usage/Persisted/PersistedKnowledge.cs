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

    public PersistedKnowledge(bool isActive, IEnumerable<KnownMount> mounts, string workingDirectory, string? homeDirectory)
    {
        IsActive = isActive;
        // Deepest folder first; among equal folders the earlier source wins (stable sort).
        _byDepth = mounts.Select(static (m, i) => (m, i)).OrderByDescending(static x => x.m.Path.Length).ThenBy(static x => x.i).Select(static x => x.m).ToArray();
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

    /// <summary>The container user's home, or null when it cannot be told.</summary>
    public string? HomeDirectory { get; }

    /// <summary>The deepest known folder that holds <paramref name="path"/> (normalised, absolute), or null.</summary>
    public KnownMount? Find(string path)
    {
        foreach (KnownMount mount in _byDepth)
        {
            if (ContainerPath.IsUnder(path, mount.Path))
            {
                return mount;
            }
        }

        return null;
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
