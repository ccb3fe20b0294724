namespace VolumeGen.Artifacts;

/// <summary>What a rewrite must keep of an existing file: its mode, owner, group and number of hard links.</summary>
internal readonly record struct FileStatus(uint Mode, uint Owner, uint Group, uint Links);
