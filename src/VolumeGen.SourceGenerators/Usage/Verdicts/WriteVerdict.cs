using System;
using VolumeGen.SourceGenerators.Usage.Persisted;

namespace VolumeGen.SourceGenerators.Usage.Verdicts;

/// <summary>The verdict about one write: the rule, the mount involved and the folder a fix would declare.</summary>
internal readonly struct WriteVerdict
{
    private WriteVerdict(VerdictKind kind, KnownMount? mount, string? suggestedFolder, string? writtenFolder = null, string? ephemeralPath = null)
    {
        EphemeralPath = ephemeralPath;
        Kind = kind;
        Mount = mount;
        SuggestedFolder = suggestedFolder;
        WrittenFolder = writtenFolder;
    }

    public VerdictKind Kind { get; }

    /// <summary>The mount the path falls in (null for <see cref="VerdictKind.OutsidePersistedPath"/>).</summary>
    public KnownMount? Mount { get; }

    /// <summary>
    /// The folder to declare as a persistent volume, or null when no safe folder exists: for a write under the working
    /// directory the one data root (<see cref="PersistedKnowledge.DataRoot"/>), never a volume over the working
    /// directory; elsewhere the written folder itself.
    /// </summary>
    public string? SuggestedFolder { get; }

    /// <summary>The folder the write lands in (what an <c>[EphemeralPath]</c> would mark), for <see cref="VerdictKind.OutsidePersistedPath"/>.</summary>
    public string? WrittenFolder { get; }

    /// <summary>
    /// What an <c>[EphemeralPath]</c> would mark if losing the data is intended: the written folder, or the written
    /// file itself when its folder is the working directory or above (marking that would hide every other write).
    /// </summary>
    public string? EphemeralPath { get; }

    /// <summary>True when the written folder is not inside <see cref="SuggestedFolder"/>: the data has to move there.</summary>
    public bool MustMove => SuggestedFolder is not null && WrittenFolder is not null && !ContainerPath.IsUnder(WrittenFolder, SuggestedFolder);

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
            string ephemeral = ContainerPath.IsUnder(knowledge.WorkingDirectory, folder) ? resolvedPath : folder;
            return new WriteVerdict(VerdictKind.OutsidePersistedPath, null, SuggestedFolderFor(folder, knowledge), folder, ephemeral);
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

    /// <summary>
    /// Judges a write somewhere in <paramref name="folder"/> (normalised, absolute) whose name below it is known only at run
    /// time (<see cref="PathEvaluation.PartlyKnownPath"/>): by the folder, as a write of its content — unless a mount or an
    /// ephemeral path lies below it, where the name may lead (then nothing can be told).
    /// </summary>
    public static WriteVerdict JudgePartlyKnown(string folder, PersistedKnowledge knowledge)
        => knowledge.HasKnownFolderBelow(folder) ? default : Judge(folder, isFolder: true, createsFolder: false, knowledge);

    /// <summary>
    /// The volume to propose for data written into <paramref name="folder"/>: under the working directory the data
    /// root (one volume for all the app's data; it may already be persisted, then the data only has to move there),
    /// elsewhere the folder itself when a volume there is safe.
    /// </summary>
    public static string? SuggestedFolderFor(string folder, PersistedKnowledge knowledge)
    {
        if (knowledge.DataRoot is string root && ContainerPath.IsUnder(folder, knowledge.WorkingDirectory))
        {
            KnownMount? existing = knowledge.Find(root);
            bool persisted = existing is not null && existing.Path == root && existing.Persistence == Persistence.Persistent && !existing.ReadOnly;
            return persisted || IsSafeVolumeFolder(root, knowledge) ? root : null;
        }

        return IsSafeVolumeFolder(folder, knowledge) ? folder : null;
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
