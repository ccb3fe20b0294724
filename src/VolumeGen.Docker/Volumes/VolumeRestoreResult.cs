namespace VolumeGen.Docker;

/// <summary>What <see cref="VolumeBackup.RestoreAsync"/> did for one volume.</summary>
/// <param name="Volume">The volume written.</param>
/// <param name="Created">True when the restore created the volume.</param>
/// <param name="Overwrote">True when the volume held data before (only with <c>force</c>): files the backup has were replaced, others kept.</param>
/// <param name="Content">What the backup holds, found in the volume after the restore.</param>
public sealed record VolumeRestoreResult(string Volume, bool Created, bool Overwrote, VolumeContent Content);
