namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>Where the written path comes from.</summary>
internal enum SinkPathSource
{
    /// <summary>The string argument of <see cref="SinkEntry.Parameter"/> (or the assigned value of a property).</summary>
    Argument = 0,

    /// <summary>The path of the <c>FileInfo</c>/<c>DirectoryInfo</c> instance.</summary>
    Instance = 1,

    /// <summary>The instance's path combined with the argument (<c>DirectoryInfo.CreateSubdirectory</c>).</summary>
    InstanceAndArgument = 2,

    /// <summary>The path of a <c>FileInfo</c>/<c>DirectoryInfo</c> argument (<c>PersistKeysToFileSystem(directory)</c>).</summary>
    FileSystemInfoArgument = 3,
}
