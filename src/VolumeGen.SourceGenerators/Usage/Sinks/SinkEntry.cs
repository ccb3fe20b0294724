namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>How a sink member is reached.</summary>
internal enum SinkMemberKind
{
    /// <summary>A method (static, instance or extension), matched by name.</summary>
    Method = 0,

    /// <summary>A constructor (<c>.ctor</c>).</summary>
    Constructor = 1,

    /// <summary>A property assignment.</summary>
    PropertySetter = 2,
}

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

/// <summary>What the written data is, which decides the rule that reports its loss.</summary>
internal enum SinkData
{
    /// <summary>Application data (VG2001).</summary>
    Data = 0,

    /// <summary>The ASP.NET Core Data Protection key ring (VG2007: everyone is logged out when it is lost).</summary>
    KeyRing = 1,
}

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

/// <summary>When a call writes at all.</summary>
internal enum SinkCondition
{
    /// <summary>Always writes.</summary>
    Always = 0,

    /// <summary>Writes when <c>FileMode</c> creates/truncates/appends or <c>FileAccess</c> includes Write.</summary>
    FileModeOrAccess = 1,

    /// <summary>Writes when <c>ZipArchiveMode</c> is Create or Update.</summary>
    ZipArchiveMode = 2,
}

/// <summary>One row of the <see cref="SinkTable"/>: a member that writes to a path.</summary>
internal sealed class SinkEntry
{
    private readonly string? _displayName;

    public SinkEntry(string typeMetadataName, string memberName, SinkMemberKind kind, string? parameter, SinkPathSource source = SinkPathSource.Argument, SinkPathShape shape = SinkPathShape.File, SinkCondition condition = SinkCondition.Always, string? displayName = null, SinkData data = SinkData.Data)
    {
        _displayName = displayName;
        Data = data;
        TypeMetadataName = typeMetadataName;
        MemberName = memberName;
        Kind = kind;
        Parameter = parameter;
        Source = source;
        Shape = shape;
        Condition = condition;
    }

    /// <summary>The file a written path names for this shape: the data source of a connection string, else the path itself.</summary>
    public string? WrittenFile(string path) => Shape switch
    {
        SinkPathShape.SqliteConnectionString => SqliteConnectionString.WrittenFile(path),
        SinkPathShape.LiteDbConnectionString => LiteDbConnectionString.WrittenFile(path),
        _ => path,
    };

    /// <summary>Metadata name of the declaring type, e.g. <c>System.IO.File</c>.</summary>
    public string TypeMetadataName { get; }

    /// <summary>Member name (<c>.ctor</c> for constructors).</summary>
    public string MemberName { get; }

    public SinkMemberKind Kind { get; }

    /// <summary>The parameter that carries the written path (null for <see cref="SinkPathSource.Instance"/>).</summary>
    public string? Parameter { get; }

    public SinkPathSource Source { get; }

    public SinkPathShape Shape { get; }

    public SinkCondition Condition { get; }

    /// <summary>What is written (application data or the key ring).</summary>
    public SinkData Data { get; }

    /// <summary>How messages name the sink, e.g. <c>File.WriteAllText</c>, <c>UseSqlite</c>.</summary>
    public string DisplayName
    {
        get
        {
            if (_displayName is not null)
            {
                return _displayName;
            }

            int dot = TypeMetadataName.LastIndexOf('.');
            string type = dot >= 0 ? TypeMetadataName.Substring(dot + 1) : TypeMetadataName;
            return Kind == SinkMemberKind.Constructor ? "new " + type : type + "." + MemberName;
        }
    }
}
