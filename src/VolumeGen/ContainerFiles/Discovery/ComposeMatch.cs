using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>A compose file that runs the project: the services that do, and why.</summary>
public sealed class ComposeMatch
{
    /// <summary>Creates a match.</summary>
    public ComposeMatch(ContainerFileCandidate file, IReadOnlyList<ComposeService> services, string reason, bool whole)
    {
        File = file;
        Services = services;
        Reason = reason;
        Whole = whole;
    }

    /// <summary>The compose file.</summary>
    public ContainerFileCandidate File { get; }

    /// <summary>The services that run the project (their mounts and environment are the container's).</summary>
    public IReadOnlyList<ComposeService> Services { get; }

    /// <summary>Why, for messages: <c>in the project folder</c>, <c>service 'shop' builds the project folder</c>.</summary>
    public string Reason { get; }

    /// <summary>True when the file counts whole (in the project folder or listed): its services with <c>build:</c>, or all when none has one.</summary>
    public bool Whole { get; }
}
