namespace VolumeGen.Docker;

/// <summary>
/// One path of a volume as the engine's archive shows it: the facts a copy must keep — type, permission bits, owner,
/// group, size, the SHA-256 of a file's bytes, a link's target. (Modification times are not compared: the engine's
/// archive keeps whole seconds only.)
/// </summary>
/// <param name="Path">Relative to the volume's root, <c>/</c>-separated; the root itself is <c>.</c>.</param>
/// <param name="Type">What the path is.</param>
/// <param name="Mode">Permission bits, including set-user-ID, set-group-ID and sticky (e.g. 0640 = 416).</param>
/// <param name="Uid">Owner's numeric id.</param>
/// <param name="Gid">Group's numeric id.</param>
/// <param name="Size">Bytes of a file; 0 otherwise.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of a file's bytes; null otherwise.</param>
/// <param name="LinkTarget">A symbolic link's target; null otherwise.</param>
public sealed record VolumeEntry(string Path, VolumeEntryType Type, int Mode, int Uid, int Gid, long Size, string? Sha256, string? LinkTarget)
{
    /// <summary>One line for messages and the content digest: <c>file 0640 1654:1654 3 sha256 a/b.txt</c>.</summary>
    public override string ToString()
        => $"{Type.ToString().ToLowerInvariant()} {OctalMode.Format(Mode)} {Uid}:{Gid} {Size} {Sha256 ?? "-"} {Path}{(LinkTarget is null ? string.Empty : " -> " + LinkTarget)}";
}
