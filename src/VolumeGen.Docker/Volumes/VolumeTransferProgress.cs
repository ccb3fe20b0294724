namespace VolumeGen.Docker;

/// <summary>How far a copy of one volume has come (reported often; a caller shows it at its own pace).</summary>
/// <param name="Volume">The volume being read or written.</param>
/// <param name="Step">What is happening: <c>copying</c>, <c>backing up</c>, <c>restoring</c>, <c>verifying</c>.</param>
/// <param name="Bytes">Bytes done so far (file bytes for a copy or restore, archive bytes for a backup or verification).</param>
/// <param name="Entries">Paths done so far, when known; else 0.</param>
public sealed record VolumeTransferProgress(string Volume, string Step, long Bytes, long Entries);
