namespace VolumeGen.Docker;

/// <summary>Why a migration, backup or restore refused or failed (<see cref="VolumeTransferException.Problem"/>).</summary>
public enum VolumeTransferProblem
{
    /// <summary>A volume to read does not exist on the engine.</summary>
    VolumeNotFound,

    /// <summary>A running (or paused, or restarting) container uses the volume: a copy could catch its files half written.</summary>
    VolumeInUse,

    /// <summary>The volume to write already holds data (a restore without <c>force</c>, or a migration into a volume holding other data).</summary>
    VolumeNotEmpty,

    /// <summary>The copy read back differs from the source: both volumes are kept as they are.</summary>
    CopyDiffers,

    /// <summary>A backup is missing, damaged, or not a VolumeGen backup.</summary>
    BackupUnusable,

    /// <summary>A backup would overwrite an earlier one.</summary>
    BackupExists,

    /// <summary>No image on the engine to create the helper container from (VolumeGen never pulls one).</summary>
    NoHelperImage,

    /// <summary>A disk filled up: the engine's (the volume) or this machine's (the backup folder).</summary>
    DiskFull,

    /// <summary>
    /// A forced restore would remove data the backup does not have: a path that is a folder in the volume and not in
    /// the backup, or the reverse (replacing it would delete the folder's files, or put a folder over a file). Nothing was changed.
    /// </summary>
    WouldRemoveData,
}
