namespace VolumeGen.Docker;

/// <summary>The result of one migration.</summary>
/// <param name="From">The old volume (left untouched).</param>
/// <param name="To">The new volume.</param>
/// <param name="Outcome">Copied, or found already copied.</param>
/// <param name="CreatedVolume">True when this call created <paramref name="To"/>.</param>
/// <param name="Content">What both volumes hold now (equal, by <see cref="VolumeContent.Sha256"/>).</param>
public sealed record VolumeMigrationResult(string From, string To, VolumeMigrationOutcome Outcome, bool CreatedVolume, VolumeContent Content);
