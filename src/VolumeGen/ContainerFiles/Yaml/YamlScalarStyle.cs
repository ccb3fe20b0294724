namespace VolumeGen.ContainerFiles;

/// <summary>How a YAML scalar was written.</summary>
public enum YamlScalarStyle
{
    /// <summary>Unquoted (<c>value</c>); also an absent value (<c>key:</c>).</summary>
    Plain = 0,

    /// <summary><c>'value'</c>.</summary>
    SingleQuoted = 1,

    /// <summary><c>"value"</c>.</summary>
    DoubleQuoted = 2,

    /// <summary>A literal block scalar (<c>|</c>).</summary>
    Literal = 3,

    /// <summary>A folded block scalar (<c>&gt;</c>).</summary>
    Folded = 4,
}
