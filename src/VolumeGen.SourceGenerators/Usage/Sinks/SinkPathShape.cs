namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>What the path names.</summary>
internal enum SinkPathShape
{
    /// <summary>A file: its folder is what a volume must cover.</summary>
    File = 0,

    /// <summary>A folder whose content is written.</summary>
    Directory = 1,

    /// <summary>A folder that is created (harmless at or above a mount).</summary>
    CreatedDirectory = 2,

    /// <summary>An SQLite connection string whose <c>Data Source</c> is a file.</summary>
    SqliteConnectionString = 3,

    /// <summary>A LiteDB connection string: a file name, or <c>Filename=...;...</c>.</summary>
    LiteDbConnectionString = 4,
}
