namespace VolumeGen.ContainerFiles;

/// <summary>A node of a YAML document as <see cref="YamlReader"/> reads it: a scalar, a mapping or a sequence.</summary>
public abstract class YamlNode
{
    private protected YamlNode(int line, string? tag)
    {
        Line = line;
        Tag = tag;
    }

    /// <summary>The 1-based line the node starts on.</summary>
    public int Line { get; }

    /// <summary>The node's tag as written (<c>!!str</c>, <c>!reset</c>), or null. Tags do not change how the node is read.</summary>
    public string? Tag { get; }

    /// <summary>The scalar's text when this node is a scalar that is not null; else null.</summary>
    public string? Text => this is YamlScalar { IsNull: false } scalar ? scalar.Value : null;
}
