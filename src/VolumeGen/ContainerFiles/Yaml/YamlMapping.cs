using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// A YAML mapping with scalar keys, in the order written. Merge keys (<c>&lt;&lt;: *defaults</c>) are already
/// applied: the merged entries appear after the mapping's own, and a key written in the mapping wins.
/// </summary>
public sealed class YamlMapping : YamlNode
{
    /// <summary>Creates a mapping.</summary>
    public YamlMapping(IReadOnlyList<KeyValuePair<string, YamlNode>> entries, int line, string? tag = null)
        : base(line, tag)
    {
        Entries = entries;
    }

    /// <summary>The entries (key text, value), each key once.</summary>
    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries { get; }

    /// <summary>The value of <paramref name="key"/>, or null when the mapping has no such key.</summary>
    public YamlNode? Get(string key)
    {
        foreach (KeyValuePair<string, YamlNode> entry in Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>True when the mapping has <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => Get(key) is not null;
}
