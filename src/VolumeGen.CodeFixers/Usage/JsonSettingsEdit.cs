using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.SourceGenerators.Usage.Configuration;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// Rewrites one configuration value in a JSON settings file at the span the analyzer's reader
/// (<see cref="ConfigurationJsonReader"/>) gives it, so the fix and the diagnostics read the file by one rule
/// (a key repeated in an object makes the file unreadable for both) and every other byte stays as it was.
/// </summary>
internal static class JsonSettingsEdit
{
    /// <summary>
    /// The change that replaces the string at <paramref name="key"/> (colon form, any case) with <paramref name="replacement"/>,
    /// or null when the file does not hold the string <paramref name="expected"/> there as the analyzer reads it (absent,
    /// not a string, changed since, or a file the JSON configuration provider would reject).
    /// </summary>
    public static TextChange? Replace(SourceText text, string filePath, string key, string expected, string replacement)
    {
        ConfigurationEntry? entry = ConfigurationJsonReader.Read(text, filePath, System.IO.Path.GetFileName(filePath))?
            .FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
        if (entry is null || !string.Equals(entry.Value, expected, StringComparison.Ordinal) || text[entry.Span.Start] != '"')
        {
            return null;
        }

        var literal = new StringBuilder(replacement.Length + 2);
        Json.WriteString(literal, replacement);
        return new TextChange(entry.Span, literal.ToString());
    }
}
