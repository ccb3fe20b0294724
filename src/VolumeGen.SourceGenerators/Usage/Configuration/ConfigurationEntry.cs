using Microsoft.CodeAnalysis.Text;

namespace VolumeGen.SourceGenerators.Usage.Configuration;

/// <summary>
/// One configuration value and where it was written: a JSON file's line, a Dockerfile <c>ENV</c>, a compose
/// <c>environment:</c> entry. Diagnostics name it, point at it, and the code fix edits it.
/// </summary>
internal sealed class ConfigurationEntry
{
    public ConfigurationEntry(string key, string value, string sourceName, string? filePath, TextSpan span, LinePositionSpan lineSpan, string? writtenName = null)
    {
        Key = key;
        WrittenName = writtenName ?? key;
        Value = value;
        SourceName = sourceName;
        FilePath = filePath;
        Span = span;
        LineSpan = lineSpan;
    }

    /// <summary>The key in colon form as the source spells it, e.g. <c>ConnectionStrings:DefaultConnection</c>.</summary>
    public string Key { get; }

    /// <summary>The name as the source writes it: the JSON path, or the environment variable (<c>ConnectionStrings__Db</c>).</summary>
    public string WrittenName { get; }

    /// <summary>The value as written (JSON escapes decoded).</summary>
    public string Value { get; }

    /// <summary>How messages name the source: <c>appsettings.json</c>, <c>Dockerfile ENV</c>, <c>compose environment</c>.</summary>
    public string SourceName { get; }

    /// <summary>The AdditionalFile that holds the value, or null when it has no file of its own.</summary>
    public string? FilePath { get; }

    /// <summary>The value's token in <see cref="FilePath"/> (quotes included).</summary>
    public TextSpan Span { get; }

    /// <summary>The value's token as lines and columns.</summary>
    public LinePositionSpan LineSpan { get; }

    /// <summary>True for a value read from a JSON configuration file (a fix can rewrite it there).</summary>
    public bool IsJson => FilePath is not null && FilePath.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase);
}
