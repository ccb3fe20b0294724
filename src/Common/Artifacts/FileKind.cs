namespace VolumeGen.Artifacts;

/// <summary>What a path is, symbolic links followed (<see cref="FileIdentity.KindOf"/>).</summary>
internal enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file: the only kind VolumeGen reads or writes.</summary>
    File,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A FIFO, socket or device: opening it can block (a FIFO waits for a writer) or never end.</summary>
    Other,

    /// <summary>A symbolic link that leads nowhere, or a loop of links.</summary>
    Unresolvable,
}
