using System.Collections.Generic;

namespace VolumeGen.Build.ContainerFileSearch;

/// <summary>The container files found below the repository root (<see cref="ContainerFileLocations.BelowRoot"/>), and whether the search stopped at a bound.</summary>
public sealed class RepositoryFiles
{
    /// <summary>Creates the result.</summary>
    public RepositoryFiles(IReadOnlyList<string> files, string? stopped)
    {
        Files = files;
        Stopped = stopped;
    }

    /// <summary>The files found, full paths, shallowest first.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Why the search stopped before listing every folder ("it listed 4000 folders"), or null when it listed them all.</summary>
    public string? Stopped { get; }
}
