using System;
using System.Collections.Generic;
using System.Linq;

namespace VolumeGen;

/// <summary>
/// Compares the declarations with a <see cref="StorageLock"/> and finds the changes that leave data behind.
/// The target is the data's identity — the app finds its files by path — so:
/// <list type="bullet">
/// <item>a locked name still declared at one of its locked targets is unchanged (more or fewer mount points of it are harmless);</item>
/// <item>a locked name declared only at other targets has <see cref="StorageChangeKind.Moved"/>;</item>
/// <item>a locked name no longer declared, whose target now holds a named volume the lock does not know, was <see cref="StorageChangeKind.Renamed"/>;</item>
/// <item>… whose target now holds an anonymous volume, tmpfs or bind mount had its <see cref="StorageChangeKind.KindChanged"/>;</item>
/// <item>… whose target holds nothing, or a volume the lock records elsewhere, was <see cref="StorageChangeKind.Removed"/>.</item>
/// </list>
/// Everything else — new volumes, a new name at a new path, read-only or option changes, anything about anonymous,
/// tmpfs and bind mounts — strands nothing; the lock just records it.
/// </summary>
public static class StorageLockComparison
{
    /// <summary>The stranding changes, in the lock's order (by name, then target).</summary>
    public static IReadOnlyList<StorageChange> Compare(StorageLock locked, IEnumerable<Mount> declared)
    {
        if (locked is null)
        {
            throw new ArgumentNullException(nameof(locked));
        }

        Mount[] mounts = (declared ?? throw new ArgumentNullException(nameof(declared))).ToArray();
        var lockedNames = new HashSet<string>(locked.Volumes.Select(static v => v.Name), StringComparer.Ordinal);
        var changes = new List<StorageChange>();
        foreach (IGrouping<string, LockedVolume> name in locked.Volumes.GroupBy(static v => v.Name, StringComparer.Ordinal))
        {
            Mount[] now = mounts.Where(m => m.Kind == MountKind.NamedVolume && string.Equals(m.Source, name.Key, StringComparison.Ordinal)).ToArray();
            if (now.Length > 0)
            {
                if (!name.Any(v => now.Any(m => string.Equals(m.Target, v.Target, StringComparison.Ordinal))))
                {
                    changes.Add(new StorageChange(StorageChangeKind.Moved, name.First(), now[0]));
                }

                continue;
            }

            foreach (LockedVolume volume in name)
            {
                Mount? atTarget = mounts.FirstOrDefault(m => string.Equals(m.Target, volume.Target, StringComparison.Ordinal));
                changes.Add(atTarget switch
                {
                    null => new StorageChange(StorageChangeKind.Removed, volume, null),
                    { Kind: MountKind.NamedVolume } when !lockedNames.Contains(atTarget.Source!) => new StorageChange(StorageChangeKind.Renamed, volume, atTarget),
                    { Kind: MountKind.NamedVolume } => new StorageChange(StorageChangeKind.Removed, volume, atTarget),
                    _ => new StorageChange(StorageChangeKind.KindChanged, volume, atTarget),
                });
            }
        }

        return changes;
    }
}
