namespace VolumeGen.SourceGenerators.Usage.Sinks;

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
