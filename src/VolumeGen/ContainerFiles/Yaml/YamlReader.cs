using System;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// Reads YAML text as compose files use it: block and flow mappings and sequences, plain, quoted and block
/// scalars, comments, anchors, aliases and merge keys (<c>&lt;&lt;: *defaults</c>), tags (kept, not
/// interpreted). Only the first document is read. Never throws: what cannot be read is left out.
/// </summary>
public static class YamlReader
{
    /// <summary>The root node of the first document of <paramref name="text"/>, or null when there is none.</summary>
    public static YamlNode? Read(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return new YamlParser(text).ParseDocument();
        }
        catch (Exception exception) when (exception is ArgumentException or IndexOutOfRangeException or InvalidOperationException or FormatException or OverflowException)
        {
            // The parser is written not to throw; this is the last line of defence for the analyzers (no AD0001).
            return null;
        }
    }
}
