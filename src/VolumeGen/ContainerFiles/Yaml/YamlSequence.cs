using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>A YAML sequence (block <c>- item</c> or flow <c>[a, b]</c>).</summary>
public sealed class YamlSequence : YamlNode
{
    /// <summary>Creates a sequence.</summary>
    public YamlSequence(IReadOnlyList<YamlNode> items, int line, string? tag = null)
        : base(line, tag)
    {
        Items = items;
    }

    /// <summary>The items in order.</summary>
    public IReadOnlyList<YamlNode> Items { get; }
}
