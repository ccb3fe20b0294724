namespace VolumeGen.Docker;

/// <summary>One volume of a backup (an entry of <c>volumegen-backup.json</c>): what its archive holds and how to check it.</summary>
/// <param name="Volume">The volume's name.</param>
/// <param name="Target">The container path it is declared for (from the declaration or the volume's label); empty when unknown.</param>
/// <param name="Archive">The archive's file name in the backup folder, e.g. <c>profiles.tar</c>.</param>
/// <param name="ArchiveBytes">The archive's size.</param>
/// <param name="ArchiveSha256">Lower-case hex SHA-256 of the archive file.</param>
/// <param name="Files">Regular files in the volume.</param>
/// <param name="Bytes">The files' bytes, summed.</param>
/// <param name="ContentSha256">The <see cref="VolumeContent.Sha256"/> of what the volume held: every path, mode, owner and file checksum.</param>
public sealed record BackedUpVolume(string Volume, string Target, string Archive, long ArchiveBytes, string ArchiveSha256, int Files, long Bytes, string ContentSha256);
