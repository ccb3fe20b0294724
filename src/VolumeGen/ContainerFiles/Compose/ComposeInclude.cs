using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>One entry of the top-level <c>include:</c>: other compose files loaded into this project.</summary>
public sealed class ComposeInclude
{
    /// <summary>Creates an include entry.</summary>
    public ComposeInclude(IReadOnlyList<string> paths, string? projectDirectory, IReadOnlyList<string> environmentFiles, int line)
    {
        Paths = paths;
        ProjectDirectory = projectDirectory;
        EnvironmentFiles = environmentFiles;
        Line = line;
    }

    /// <summary>The compose files, relative to this file's folder unless absolute.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary><c>project_directory:</c>, or null.</summary>
    public string? ProjectDirectory { get; }

    /// <summary><c>env_file:</c> entries.</summary>
    public IReadOnlyList<string> EnvironmentFiles { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }
}
