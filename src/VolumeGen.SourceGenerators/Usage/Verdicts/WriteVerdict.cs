using System;
using VolumeGen.SourceGenerators.Usage.Persisted;

namespace VolumeGen.SourceGenerators.Usage.Verdicts;

/// <summary>What happens to data written at a container path.</summary>
internal enum VerdictKind
{
    /// <summary>Persisted, ephemeral by intent, or harmless: nothing to report.</summary>
    Fine = 0,

    /// <summary>In the writable layer: lost with the container (VG2001).</summary>
    OutsidePersistedPath = 1,

    /// <summary>In an anonymous volume (VG2002).</summary>
    AnonymousVolume = 2,

    /// <summary>In a read-only mount: the write fails (VG2003).</summary>
    ReadOnlyMount = 3,

    /// <summary>In tmpfs (VG2004).</summary>
    Tmpfs = 4,
}

/// <summary>The verdict about one write: the rule, the mount involved and the folder a fix would declare.</summary>
internal readonly struct WriteVerdict
{
    private WriteVerdict(VerdictKind kind, KnownMount? mount, string? suggestedFolder)
    {
        Kind = kind;
        Mount = mount;
        SuggestedFolder = suggestedFolder;
    }

    public VerdictKind Kind { get; }

    /// <summary>The mount the path falls in (null for <see cref="VerdictKind.OutsidePersistedPath"/>).</summary>
    public KnownMount? Mount { get; }

    /// <summary>The folder to declare as a volume or ephemeral path, or null when no safe folder exists.</summary>
    public string? SuggestedFolder { get; }

    /// <summary>
    /// Judges a write of <paramref name="resolvedPath"/> (normalised, absolute). <paramref name="isFolder"/>: the path
    /// names a folder whose content is written; <paramref name="createsFolder"/>: the write only creates the folder
    /// (harmless at or above a mount, whose folder exists anyway).
    /// </summary>
    public static WriteVerdict Judge(string resolvedPath, bool isFolder, bool createsFolder, PersistedKnowledge knowledge)
    {
        if (createsFolder && knowledge.HasMountAtOrBelow(resolvedPath))
        {
            return default;
        }

        KnownMount? mount = knowledge.Find(resolvedPath);
        if (mount is null)
        {
            string folder = isFolder || createsFolder ? resolvedPath : Parent(resolvedPath);
            return new WriteVerdict(VerdictKind.OutsidePersistedPath, null, IsSafeVolumeFolder(folder, knowledge) ? folder : null);
        }

        if (mount.Persistence == Persistence.Ephemeral)
        {
            return default;
        }

        if (mount.ReadOnly)
        {
            return new WriteVerdict(VerdictKind.ReadOnlyMount, mount, null);
        }

        return mount.Persistence switch
        {
            Persistence.AnonymousVolume => new WriteVerdict(VerdictKind.AnonymousVolume, mount, null),
            Persistence.Tmpfs => new WriteVerdict(VerdictKind.Tmpfs, mount, null),
            _ => default,
        };
    }

    /// <summary>The parent folder of a normalised absolute path (<c>/</c> for a top-level entry).</summary>
    public static string Parent(string path) => ContainerPath.Parent(path);

    /// <summary>
    /// True when a named volume at <paramref name="folder"/> is a sound fix: valid for <see cref="MountValidator"/>
    /// (not a system directory), not the working directory or above it (it would hide the application), and not
    /// above an existing mount (nested mounts).
    /// </summary>
    public static bool IsSafeVolumeFolder(string folder, PersistedKnowledge knowledge)
    {
        if (ContainerPath.IsUnder(knowledge.WorkingDirectory, folder) || knowledge.HasMountAtOrBelow(folder))
        {
            return false;
        }

        try
        {
            return !MountValidator.HasErrors(MountValidator.Validate(new MountSet(VolumeGen.Mount.NamedVolume(folder))));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
