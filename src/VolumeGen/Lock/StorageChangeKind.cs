namespace VolumeGen;

/// <summary>
/// A change of the declarations that leaves data behind in a locked named volume. The values are the build
/// diagnostics' numbers: <see cref="Renamed"/> is <c>VG3040</c> (docs/rules/VG3040.md).
/// </summary>
public enum StorageChangeKind
{
    /// <summary>The same target is now a named volume of a new name: the data stays in the old volume.</summary>
    Renamed = 3040,

    /// <summary>The volume name and its target are gone: no container mounts the data any more.</summary>
    Removed = 3041,

    /// <summary>The target is now an anonymous volume, tmpfs or bind mount: new data is not kept in a named volume.</summary>
    KindChanged = 3042,

    /// <summary>The volume stays and is mounted at another path: whatever expects the files at the old path misses them.</summary>
    Moved = 3043,
}
