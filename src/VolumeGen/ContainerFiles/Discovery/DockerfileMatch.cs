namespace VolumeGen.ContainerFiles;

/// <summary>A Dockerfile that relates to the project, how (<see cref="Relation"/>), and the evidence in words and line.</summary>
public sealed class DockerfileMatch
{
    /// <summary>Creates a match.</summary>
    public DockerfileMatch(ContainerFileCandidate file, DockerfileRelation relation, string reason, int line = 0, string? app = null)
    {
        File = file;
        Relation = relation;
        Reason = reason;
        Line = line;
        App = app;
    }

    /// <summary>The Dockerfile.</summary>
    public ContainerFileCandidate File { get; }

    /// <summary>How it relates to the project.</summary>
    public DockerfileRelation Relation { get; }

    /// <summary>Why, for messages: <c>in the project folder</c>, <c>its ENTRYPOINT runs Shop.dll</c>.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line of the evidence, or 0 when the reason is not a line (the file's place, a property).</summary>
    public int Line { get; }

    /// <summary>For <see cref="DockerfileRelation.ShipsProject"/>: the app the image runs (<c>Web</c>), else null.</summary>
    public string? App { get; }

    /// <summary>True when the Dockerfile builds the project's own image, so the project's build keeps its VolumeGen block.</summary>
    public bool BuildsProject => Relation is not (DockerfileRelation.None or DockerfileRelation.ShipsProject);

    /// <inheritdoc />
    public override string ToString() => File.Path + " (" + Reason + ")";
}
