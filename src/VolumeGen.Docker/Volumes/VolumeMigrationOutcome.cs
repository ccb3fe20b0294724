namespace VolumeGen.Docker;

/// <summary>What <see cref="VolumeMigration.MigrateVolumeAsync"/> did.</summary>
public enum VolumeMigrationOutcome
{
    /// <summary>The data was copied into the new volume and the copy checked.</summary>
    Copied,

    /// <summary>The new volume already held exactly the old one's data (an earlier migration): nothing was done.</summary>
    AlreadyCopied,
}
