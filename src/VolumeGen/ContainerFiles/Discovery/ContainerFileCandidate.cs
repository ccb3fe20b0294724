using System;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// A Dockerfile or compose file that may belong to the project: its path and text (as the analyzers get them from an
/// AdditionalFile and the build task from the disk), read by the one Dockerfile and compose models on first use.
/// </summary>
public sealed class ContainerFileCandidate
{
    private readonly Lazy<Dockerfile?> _dockerfile;
    private readonly Lazy<ComposeFile?> _compose;

    private ContainerFileCandidate(string path, string text, ContainerFileKind kind)
    {
        Path = path;
        Text = text;
        Kind = kind;
        NormalizedPath = RepositoryPath.Normalize(path);
        _dockerfile = new Lazy<Dockerfile?>(() => kind == ContainerFileKind.Dockerfile ? ContainerFiles.Dockerfile.Parse(text) : null);
        _compose = new Lazy<ComposeFile?>(() => kind == ContainerFileKind.Compose ? ComposeFile.Parse(text) : null);
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>The path in the comparable form (<c>/</c> separators, folded).</summary>
    public string NormalizedPath { get; }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    /// <summary>Dockerfile or compose file, by its name (<see cref="ContainerFileNames"/>).</summary>
    public ContainerFileKind Kind { get; }

    /// <summary>The Dockerfile model, or null for a compose file.</summary>
    public Dockerfile? Dockerfile => _dockerfile.Value;

    /// <summary>The compose model, or null for a Dockerfile.</summary>
    public ComposeFile? Compose => _compose.Value;

    /// <summary>A candidate for <paramref name="path"/>, or null when its name is no container file's (<see cref="ContainerFileNames"/>).</summary>
    public static ContainerFileCandidate? Create(string path, string text)
        => ContainerFileNames.KindOf(RepositoryPath.FileName(path)) is ContainerFileKind kind ? new ContainerFileCandidate(path, text, kind) : null;

    /// <inheritdoc />
    public override string ToString() => Path;
}
