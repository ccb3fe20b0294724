namespace VolumeGen.Docker;

/// <summary>What a path in a volume is.</summary>
public enum VolumeEntryType
{
    /// <summary>A folder (the volume's root is one too, path <c>.</c>).</summary>
    Directory,

    /// <summary>A regular file; a hard link counts as a file with its target's bytes.</summary>
    File,

    /// <summary>A symbolic link (its target is kept as written, never followed).</summary>
    SymbolicLink,

    /// <summary>A device node or FIFO.</summary>
    Other,
}
