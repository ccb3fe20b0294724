using System;
using System.Globalization;

namespace VolumeGen;

/// <summary>
/// One difference between a <see cref="StorageLock"/> and the declarations that strands data: what the lock
/// records (<see cref="Locked"/>), what the code declares instead (<see cref="Declared"/>), and the words and
/// command that say what to do. Made by <see cref="StorageLockComparison.Compare"/>.
/// </summary>
public sealed class StorageChange : IEquatable<StorageChange>
{
    /// <summary>Creates a change.</summary>
    public StorageChange(StorageChangeKind kind, LockedVolume locked, Mount? declared)
    {
        Kind = kind;
        Locked = locked ?? throw new ArgumentNullException(nameof(locked));
        Declared = declared;
        if (kind is StorageChangeKind.Renamed or StorageChangeKind.Moved && declared?.Kind != MountKind.NamedVolume)
        {
            throw new ArgumentException("A rename or move needs the named volume the code declares now.", nameof(declared));
        }

        if (kind == StorageChangeKind.KindChanged && (declared is null || declared.Kind == MountKind.NamedVolume))
        {
            throw new ArgumentException("A kind change needs the anonymous volume, tmpfs or bind mount the code declares now.", nameof(declared));
        }
    }

    /// <summary>What changed.</summary>
    public StorageChangeKind Kind { get; }

    /// <summary>The build diagnostic's ID, e.g. <c>VG3040</c>.</summary>
    public string Id => "VG" + ((int)Kind).ToString(CultureInfo.InvariantCulture);

    /// <summary>The declaration the lock records.</summary>
    public LockedVolume Locked { get; }

    /// <summary>What the code declares instead: at the locked target (renamed, kind changed, taken by another locked volume), at the new target (moved); null when nothing.</summary>
    public Mount? Declared { get; }

    /// <summary>The new name of a renamed volume; otherwise null.</summary>
    public string? NewName => Kind == StorageChangeKind.Renamed ? Declared!.VolumeName : null;

    /// <summary>
    /// The command that saves the data: <c>volumegen migrate --from old --to new</c> for a rename, <c>volumegen backup
    /// --volume old</c> for a volume the code no longer mounts; null for a move (the volume keeps its files).
    /// </summary>
    public string? Command => Kind switch
    {
        StorageChangeKind.Renamed => $"volumegen migrate --from {ShellQuoting.Quote(Locked.Name)} --to {ShellQuoting.Quote(NewName!)}",
        StorageChangeKind.Moved => null,
        _ => $"volumegen backup --volume {ShellQuoting.Quote(Locked.Name)}",
    };

    /// <summary>One paragraph: the old and the new declaration, what happens to the data, and what to do.</summary>
    public string Describe()
    {
        string old = Locked.Declaration;
        string now = Declared is null ? string.Empty : DeclarationText.Of(Declared);
        switch (Kind)
        {
            case StorageChangeKind.Renamed:
                return $"The named volume at {Locked.Target} was renamed: the lock records {old}, the code declares {now}. "
                    + $"A container started from this build gets a new, empty '{NewName}' while the data stays in '{Locked.Name}'. "
                    + $"Copy it, on every Docker engine that runs the app, before the new version starts: {Command} (or keep Name = \"{Locked.Name}\").";
            case StorageChangeKind.Moved:
                return $"The named volume '{Locked.Name}' moved from {Locked.Target} to {Declared!.Target}: the lock records {old}, the code declares {now}. "
                    + $"Nothing is copied or lost: the volume keeps its files and now shows them at {Declared.Target}. Check that nothing else still expects them at {Locked.Target} "
                    + $"(another service mounting '{Locked.Name}', scripts, a compose file or Kubernetes manifest kept by hand); there is nothing to migrate.";
            case StorageChangeKind.KindChanged:
                return $"The named volume '{Locked.Name}' at {Locked.Target} became {KindWords(Declared!)}: the lock records {old}, the code declares {now}. "
                    + Consequence(Declared!)
                    + $" To keep the data where it was, declare {old} again; to keep a copy of '{Locked.Name}': {Command}.";
            default:
                string instead = Declared is null
                    ? $"the code declares nothing at {Locked.Target} and no volume named '{Locked.Name}'"
                    : $"the code declares {now}, a volume the lock records at another path, so this is no rename VolumeGen could copy";
                return $"The named volume '{Locked.Name}' at {Locked.Target} is no longer declared: the lock records {old}, {instead}. "
                    + $"Its data stays in '{Locked.Name}', but no container started from this build mounts it. "
                    + $"If the data is still needed, declare the volume again; to keep a copy before you let it go: {Command}.";
        }
    }

    private static string KindWords(Mount declared) => declared.Kind switch
    {
        MountKind.AnonymousVolume => "an anonymous volume",
        MountKind.Tmpfs => "a tmpfs mount",
        _ => $"a bind mount of '{declared.Source}'",
    };

    private string Consequence(Mount declared) => declared.Kind switch
    {
        MountKind.AnonymousVolume => $"From this build on, what the app writes to {Locked.Target} goes to an anonymous volume, removed with 'docker run --rm' and 'docker rm -v', and the data in '{Locked.Name}' is no longer mounted.",
        MountKind.Tmpfs => $"From this build on, what the app writes to {Locked.Target} lives in memory and is lost when the container stops, and the data in '{Locked.Name}' is no longer mounted.",
        _ => $"From this build on, the app sees the host folder '{declared.Source}' at {Locked.Target}, not the data in '{Locked.Name}' (to move the data there, extract the backup's archive into the folder: docs/migrations.md).",
    };

    /// <inheritdoc />
    public bool Equals(StorageChange? other) => other is not null && Kind == other.Kind && Locked.Equals(other.Locked) && Equals(Declared, other.Declared);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StorageChange);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked(((int)Kind * 397) ^ Locked.GetHashCode());

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Describe();
}
