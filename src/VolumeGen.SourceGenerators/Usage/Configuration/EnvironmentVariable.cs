using Microsoft.CodeAnalysis.Text;

namespace VolumeGen.SourceGenerators.Usage.Configuration;

/// <summary>
/// One environment variable the container starts with: the input through which the Dockerfile's final-stage
/// <c>ENV</c>, the compose service's <c>environment:</c> and the SDK's <c>ContainerEnvironmentVariable</c> items
/// reach the configuration layering (<see cref="AppConfiguration"/>).
/// </summary>
internal sealed class EnvironmentVariable
{
    public EnvironmentVariable(string name, string value, string sourceName, string? filePath = null, TextSpan span = default, LinePositionSpan lineSpan = default)
    {
        Name = name;
        Value = value;
        SourceName = sourceName;
        FilePath = filePath;
        Span = span;
        LineSpan = lineSpan;
    }

    /// <summary>The variable's name, e.g. <c>ConnectionStrings__DefaultConnection</c>.</summary>
    public string Name { get; }

    public string Value { get; }

    /// <summary>How messages name where it is set, e.g. <c>Dockerfile ENV</c>.</summary>
    public string SourceName { get; }

    /// <summary>The file that sets it, when known.</summary>
    public string? FilePath { get; }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }
}
