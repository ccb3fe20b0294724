namespace VolumeGen.ContainerFiles;

/// <summary>A YAML scalar: its text after unquoting, unescaping and folding.</summary>
public sealed class YamlScalar : YamlNode
{
    /// <summary>Creates a scalar.</summary>
    public YamlScalar(string value, YamlScalarStyle style, int line, string? tag = null)
        : base(line, tag)
    {
        Value = value;
        Style = style;
    }

    /// <summary>The text (empty for an absent value).</summary>
    public string Value { get; }

    /// <summary>How the scalar was written.</summary>
    public YamlScalarStyle Style { get; }

    /// <summary>True for YAML's null: a plain <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or nothing at all.</summary>
    public bool IsNull => Style == YamlScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>True for a plain <c>true</c> / <c>True</c> / <c>TRUE</c> (YAML 1.2's booleans, which compose uses).</summary>
    public bool IsTrue => Style == YamlScalarStyle.Plain && Value is "true" or "True" or "TRUE";

    /// <inheritdoc />
    public override string ToString() => Value;
}
