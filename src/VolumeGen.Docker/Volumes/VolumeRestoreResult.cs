namespace VolumeGen.Docker;

/// <summary>What <see cref="VolumeBackup.RestoreAsync"/> did for one volume.</summary>
/// <param name="Volume">The volume written.</param>
/// <param name="Created">True when the restore created the volume.</param>
/// <param name="Overwrote">True when the volume held data before (only with <c>force</c>): files the backup has were replaced, others kept.</param>
/// <param name="Content">What the backup holds, found in the volume after the restore.</param>
/// <param name="Replaced">With <paramref name="Overwrote"/>: the files, links and special files the volume held at paths the backup has, now the backup's.</param>
/// <param name="Kept">With <paramref name="Overwrote"/>: the paths the volume held that the backup does not have, left as they were.</param>
public sealed record VolumeRestoreResult(string Volume, bool Created, bool Overwrote, VolumeContent Content, int Replaced = 0, int Kept = 0);
