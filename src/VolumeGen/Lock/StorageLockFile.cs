using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VolumeGen;

/// <summary>
/// A storage lock file as one project reads and rewrites it — the build task and <c>volumegen lock</c>/<c>migrate</c>
/// alike, so both follow one rule. A lock holds entries of any number of projects (two projects in one folder share
/// the file); a project compares its declarations only with its own entries and, when it accepts, replaces only them.
/// Entries a lock of format 1 recorded without a project are the project's when the lock's folder holds no other
/// project file, else only those with a name it declares (docs/migrations.md, "Locks written before format 2").
/// </summary>
public sealed class StorageLockFile
{
    private readonly IReadOnlyList<LockedVolume> _claimed;

    private StorageLockFile(string path, string project, bool exists, LockFileText text, StorageLock whole, IReadOnlyList<LockedVolume> claimed)
    {
        Path = path;
        Project = project;
        Exists = exists;
        Text = text;
        Whole = whole;
        _claimed = claimed;
        IEnumerable<LockedVolume> own = whole.Volumes.Where(v => string.Equals(v.Project, project, StringComparison.Ordinal)).Concat(claimed);
        Locked = own.Any() ? new StorageLock(own) : null;
    }

    /// <summary>The lock file's path.</summary>
    public string Path { get; }

    /// <summary>The project reading it.</summary>
    public string Project { get; }

    /// <summary>False when there is no file yet.</summary>
    public bool Exists { get; }

    /// <summary>The file's bytes and conventions (BOM, CRLF), kept by a rewrite.</summary>
    public LockFileText Text { get; }

    /// <summary>Every entry of the file, every project's.</summary>
    public StorageLock Whole { get; }

    /// <summary>The entries of <see cref="Project"/> (its own, and the format-1 ones it claims); null when it has none yet.</summary>
    public StorageLock? Locked { get; }

    /// <summary>
    /// Reads the lock at <paramref name="path"/> (a missing file is an empty lock) for <paramref name="project"/>, whose
    /// declarations are <paramref name="declared"/>.
    /// </summary>
    /// <exception cref="FormatException">The file is not a lock this VolumeGen can use; the message says why.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static StorageLockFile Read(string path, string project, IEnumerable<Mount> declared)
    {
        if (string.IsNullOrEmpty(project))
        {
            throw new ArgumentException("Name the project whose entries to read.", nameof(project));
        }

        bool exists = File.Exists(path ?? throw new ArgumentNullException(nameof(path)));
        LockFileText text = exists ? LockFileText.FromBytes(File.ReadAllBytes(path)) : LockFileText.None;
        StorageLock whole = exists ? StorageLock.Parse(text.Text) : StorageLock.Empty;
        var names = new HashSet<string>((declared ?? throw new ArgumentNullException(nameof(declared))).Where(static m => m.Kind == MountKind.NamedVolume && m.Source is not null).Select(static m => m.Source!), StringComparer.Ordinal);
        IReadOnlyList<string> owners = ProjectFiles.NamesIn(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".");
        bool alone = owners.All(o => string.Equals(o, project, StringComparison.Ordinal));
        LockedVolume[] claimed = whole.Volumes.Where(v => v.Project is null && (alone || names.Contains(v.Name))).ToArray();
        return new StorageLockFile(path, project, exists, text, whole, claimed);
    }

    /// <summary>The declarations this project's entries record (its mounts and ephemeral paths), or null when the lock records none of it.</summary>
    public ProjectDeclarations? Recorded => Whole.DeclarationsOf(Project);

    /// <summary>
    /// The whole lock with this project's entries (and the format-1 entries it claims) replaced by <paramref name="declared"/>'s
    /// named volumes, and its recorded declarations by <paramref name="declared"/> and <paramref name="ephemeralPaths"/>.
    /// </summary>
    public StorageLock Accept(IEnumerable<Mount> declared, IEnumerable<string>? ephemeralPaths = null)
    {
        StorageLock own = StorageLock.FromDeclarations(declared, ephemeralPaths, Project);
        return new(
            Whole.Volumes.Where(v => !string.Equals(v.Project, Project, StringComparison.Ordinal) && !_claimed.Contains(v)).Concat(own.Volumes),
            Whole.Declarations.Where(d => !string.Equals(d.Project, Project, StringComparison.Ordinal)).Concat(own.Declarations));
    }

    /// <summary>
    /// True when this project's entries say what <paramref name="desired"/> (this project's lock of the code) says: the
    /// same volumes at the same targets and the same declarations. Volume entries written before locks recorded
    /// declarations are not out of date for want of them: the next build that writes the lock records them.
    /// </summary>
    public bool IsCurrent(StorageLock desired)
        => (Locked ?? StorageLock.Empty).SameVolumes(desired ?? throw new ArgumentNullException(nameof(desired)))
        && ((Recorded is null && Locked is not null) || Equals(Recorded, desired.DeclarationsOf(Project)));

    /// <summary>True when writing <paramref name="accepted"/> changes the file: other entries, or a file of an older format.</summary>
    public bool NeedsWrite(StorageLock accepted)
        => !(Exists && Whole.Version == StorageLock.CurrentVersion && Whole.Equals(accepted ?? throw new ArgumentNullException(nameof(accepted))));

    /// <summary><paramref name="accepted"/>'s text in this file's conventions (BOM, CRLF).</summary>
    public byte[] Encode(StorageLock accepted) => Text.Encode((accepted ?? throw new ArgumentNullException(nameof(accepted))).ToJson());

    /// <summary>The 1-based line of <paramref name="volume"/>'s entry in the file, or 0.</summary>
    public int LineOf(LockedVolume volume) => Text.LineOf(volume);
}
