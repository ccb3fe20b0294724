namespace VolumeGen.ContainerFiles;

/// <summary>
/// The comment lines that open and close the block of a Dockerfile VolumeGen writes. The build task rewrites the
/// lines between them; every reader of a Dockerfile skips them, because they repeat the C# declarations.
/// </summary>
public static class GeneratedBlockMarkers
{
    /// <summary>The start of the line that opens the block; the rest of that line is VolumeGen's.</summary>
    public const string Begin = "# >>> VolumeGen";

    /// <summary>The start of the line that closes the block.</summary>
    public const string End = "# <<< VolumeGen";
}
